// The Corpus on PostgreSQL: what `briefing serve` replicas answer from when
// DATABASE_URL is a Postgres URL. The tables are the ones publish-corpus.ts
// fills; every lookup is one query with a LIMIT (a page of quotes and the
// articles they cite are read together, not row by row), so an answer costs
// a few round trips whatever the corpus's size. The gazetteer is published
// beside the rows and held in memory; a publish that changes it is followed
// within a second, as the SQLite corpus follows its file.
import pg from 'pg';
import type { Corpus, CorpusGazetteer, DatedPassage, EntityType, EventQuery, TextHit } from '../corpus.js';
import { withGazetteer } from '../corpus-gazetteer.js';
import { countedAtIngest, eventParts, eventWhere, type IdList } from '../event-sql.js';
import { buildNameIndex, type NameIndex } from '../name-index.js';
import { nearAmong, nearRange } from '../near-terms.js';
import type { Passage, StanceRecord } from '../records.js';
import { type Gazetteer, gazetteerSchema } from '../schema.js';
import { RANK_CAP } from '../db/sqlite-corpus.js';
import { articleFromRow, passageFromRow, type ArticleRow, type PassageRow } from '../db/rows.js';
import { shownUrl } from '../../store/postgres-store.js';
import { tsqueryOf } from './pg-text-query.js';

const PASSAGE_COLUMNS = `p.rowid, p.id, p.seq, p.kind, p.text, p.credit, p.actors, p.corridors, p.dates, p.speech, a.id AS article_id`;
const PASSAGE = `SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN articles a ON a.rowid = p.article`;
const ID_LIST: IdList = { sql: '= ANY(?)', arg: (ids) => [...ids] };
const ARTICLE_ORDER = 'published DESC NULLS LAST, title_key, id';
const NOT_PUBLISHED = 'no corpus has been published there yet';

export interface PgCorpusOptions {
  url: string;
  /** The schema the corpus was published to (DEFAULT_CORPUS_SCHEMA in deployments). */
  schema: string;
  /** Connections at most (default 10): one answer may run a few lookups at once. */
  maxConnections?: number;
  /** How often a lookup may check for a newly published gazetteer (default 1000 ms). */
  recheckMs?: number;
}

/** The corpus is not there to answer from: nothing was published yet (notPublished), or the database cannot be used. */
export class CorpusUnavailableError extends Error {
  readonly notPublished: boolean;
  constructor(message: string, notPublished = false) {
    super(message);
    this.notPublished = notPublished;
  }
}

/** `?` placeholders (as the shared event SQL writes them) as Postgres's $1, $2, … */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export async function openPgCorpus(o: PgCorpusOptions): Promise<Corpus> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(o.schema)) throw new CorpusUnavailableError(`not a schema name: ${o.schema}`);
  const pool = new pg.Pool({
    connectionString: o.url,
    max: o.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    options: `-c search_path=${o.schema}`,
  });
  pool.on('error', () => undefined);
  const rows = async <R>(sql: string, args: unknown[] = []): Promise<R[]> => (await pool.query(sql, args)).rows as R[];
  const meta = async (key: string) => (await rows<{ value: string }>(`SELECT value FROM meta WHERE key = $1`, [key]))[0]?.value;

  let gazetteer!: Gazetteer;
  let names!: NameIndex;
  let gazetteerHash: string | undefined;
  async function loadGazetteer(): Promise<void> {
    const [hash, json] = [await meta('gazetteer'), await meta('gazetteer_json')];
    if (json === undefined) throw new CorpusUnavailableError(NOT_PUBLISHED, true);
    if (hash === gazetteerHash && gazetteer) return;
    gazetteer = gazetteerSchema.parse(JSON.parse(json));
    names = buildNameIndex(gazetteer);
    gazetteerHash = hash;
  }
  try {
    await loadGazetteer();
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof CorpusUnavailableError) throw e;
    const why = e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e);
    if (/relation "meta" does not exist/.test(why)) throw new CorpusUnavailableError(NOT_PUBLISHED, true);
    throw new CorpusUnavailableError(`the corpus in ${shownUrl(o.url)} cannot be read: ${why}`);
  }
  let checked = Date.now();
  /** Follows a gazetteer published since, at most once a second and without holding up the lookup that noticed. */
  const current = () => {
    if (Date.now() - checked < (o.recheckMs ?? 1000)) return;
    checked = Date.now();
    loadGazetteer().catch(() => undefined);
  };

  /** Passages by row number, read in one query. */
  const passagesAt = async (rowids: number[]): Promise<Map<number, Passage>> => {
    if (rowids.length === 0) return new Map();
    const found = await rows<PassageRow>(`${PASSAGE} WHERE p.rowid = ANY($1)`, [[...new Set(rowids)]]);
    return new Map(found.map((r) => [r.rowid, passageFromRow(r)]));
  };
  const countPart = async (eq: EventQuery, part: 'main' | 'long') => {
    const w = eventWhere(eq, part, true, ID_LIST);
    return (await rows<{ n: number }>(numbered(`SELECT count(*)::int AS n FROM ${w.from} WHERE ${w.where}`), w.args))[0]!.n;
  };
  const metaNumber = async (key: string) => Number((await meta(key)) ?? 0);

  const lookups: Omit<Corpus, keyof CorpusGazetteer> = {
    async size() {
      return { articles: await metaNumber('articles'), passages: await metaNumber('passages') };
    },
    async article(id) {
      const [r] = await rows<ArticleRow>(`SELECT * FROM articles WHERE id = $1`, [id]);
      return r && articleFromRow(r);
    },
    async passage(id) {
      const [r] = await rows<PassageRow>(`${PASSAGE} WHERE p.id = $1`, [id]);
      return r && passageFromRow(r);
    },
    async passagesOf(id) {
      return (await rows<PassageRow>(`${PASSAGE} WHERE a.id = $1 ORDER BY p.seq`, [id])).map(passageFromRow);
    },
    async around(p, n) {
      const found = (
        await rows<PassageRow>(`${PASSAGE} WHERE a.id = $1 AND p.seq BETWEEN $2 AND $3 ORDER BY p.seq`, [p.articleId, p.seq - n, p.seq + n])
      ).map(passageFromRow);
      return { before: found.filter((x) => x.seq < p.seq), after: found.filter((x) => x.seq > p.seq) };
    },
    async entity(type, id) {
      const [r] = await rows<{ passages: number; articles: number; statements: number }>(
        `SELECT passages, articles, statements FROM entity_counts WHERE type = $1 AND entity = $2`,
        [type, id],
      );
      return r ?? { passages: 0, articles: 0, statements: 0 };
    },
    async statements(sq, offset, limit) {
      const where = `s.actor = $1 AND ($2::text IS NULL OR s.day >= $2) AND ($3::text IS NULL OR (s.day <= $3 AND s.day <> ''))
        AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM tags t WHERE t.passage = s.passage AND t.type = $5 AND t.entity = $4))`;
      const params = [sq.actor, sq.first, sq.last, sq.about?.id ?? null, sq.about?.type ?? null];
      const [found, [count]] = await Promise.all([
        rows<PassageRow>(
          `SELECT ${PASSAGE_COLUMNS} FROM statements s JOIN passages p ON p.rowid = s.passage JOIN articles a ON a.rowid = p.article
          WHERE ${where} ORDER BY s.day DESC, s.ord LIMIT $6 OFFSET $7`,
          [...params, limit, offset],
        ),
        rows<{ n: string }>(`SELECT count(*) AS n FROM statements s WHERE ${where}`, params),
      ]);
      return { passages: found.map(passageFromRow), total: Number(count?.n ?? 0) };
    },
    async ranked(type, id, limit, articles) {
      const within = articles ? `AND t.article IN (SELECT rowid FROM articles WHERE id = ANY($4))` : '';
      const sql = `SELECT ${PASSAGE_COLUMNS} FROM tags t JOIN passages p ON p.rowid = t.passage JOIN articles a ON a.rowid = p.article
        WHERE t.type = $1 AND t.entity = $2 ${within} ORDER BY t.effective DESC, t.score DESC, t.ord LIMIT $3`;
      return (await rows<PassageRow>(sql, [type, id, limit, ...(articles ? [[...articles]] : [])])).map(passageFromRow);
    },
    async definition(id) {
      const [r] = await rows<PassageRow>(
        `SELECT ${PASSAGE_COLUMNS} FROM tags t JOIN passages p ON p.rowid = t.passage JOIN articles a ON a.rowid = p.article
        WHERE t.type = 'corridor' AND t.entity = $1 AND t.definition > 0 ORDER BY t.definition DESC, t.ord LIMIT 1`,
        [id],
      );
      return r && passageFromRow(r);
    },
    async stances(id) {
      // Of each actor's stance the first evidence in its own words, else the first evidence; then those in reading order.
      const found = await rows<Omit<StanceRecord, 'own'> & { own: number; ord: string }>(
        `SELECT DISTINCT ON (s.actor, s.stance) s.actor, s.stance, p.id AS passage, s.own, s.ord
        FROM stances s JOIN passages p ON p.rowid = s.passage WHERE s.corridor = $1 ORDER BY s.actor, s.stance, s.own DESC, s.ord`,
        [id],
      );
      return found
        .sort((a, b) => (a.ord < b.ord ? -1 : a.ord > b.ord ? 1 : 0))
        .map(({ actor, stance, passage, own }) => ({ actor, stance, passage, own: own === 1 }));
    },
    async events(eq, offset, limit) {
      const page = async (part: 'main' | 'long', off: number, lim: number) => {
        const w = eventWhere(eq, part, false, ID_LIST);
        const sql = `SELECT e.passage, e.n, e.first, e.last FROM ${w.from} WHERE ${w.where} ORDER BY ${w.order} LIMIT ? OFFSET ?`;
        return rows<{ passage: number; n: number; first: string; last: string }>(numbered(sql), [...w.args, lim, off]);
      };
      const parts = eventParts(offset, limit, await countPart(eq, 'long'));
      const found = (await Promise.all(parts.map((p) => page(p.part, p.offset, p.limit)))).flat().slice(0, limit);
      const passages = await passagesAt(found.map((r) => r.passage));
      return found.map((r): DatedPassage => {
        const passage = passages.get(r.passage)!;
        return { passage, date: passage.dates[r.n]!, first: r.first, last: r.last };
      });
    },
    async countEvents(eq) {
      const counted = countedAtIngest(eq);
      if (counted === 'all') return metaNumber('events');
      if (counted) {
        const [r] = await rows<{ events: number }>(`SELECT events FROM entity_counts WHERE type = $1 AND entity = $2`, [
          counted.type,
          counted.id,
        ]);
        return r?.events ?? 0;
      }
      const [main, long] = await Promise.all([countPart(eq, 'main'), countPart(eq, 'long')]);
      return main + long;
    },
    async articles(offset, limit, ids) {
      const found = ids
        ? await rows<ArticleRow>(`SELECT * FROM articles WHERE id = ANY($3) ORDER BY ${ARTICLE_ORDER} LIMIT $1 OFFSET $2`, [
            limit,
            offset,
            [...ids],
          ])
        : await rows<ArticleRow>(`SELECT * FROM articles ORDER BY ${ARTICLE_ORDER} LIMIT $1 OFFSET $2`, [limit, offset]);
      return found.map(articleFromRow);
    },
    async articlesInFile(file) {
      return (await rows<ArticleRow>(`SELECT * FROM articles WHERE file = $1 ORDER BY pos`, [file])).map(articleFromRow);
    },
    async termFrequency(term) {
      const [r] = await rows<{ doc: number }>(`SELECT doc FROM terms WHERE term = $1`, [term]);
      return r?.doc ?? 0;
    },
    async nearTerms(term) {
      const r = nearRange(term);
      const [inRange, without] = await Promise.all([
        rows<{ term: string }>(`SELECT term FROM terms WHERE term >= $1 AND term < $2 AND length(term) BETWEEN $3 AND $4`, [
          r.from,
          r.to,
          r.minLength,
          r.maxLength,
        ]),
        rows(`SELECT 1 FROM terms WHERE term = $1`, [term.slice(1)]),
      ]);
      return nearAmong(
        term,
        inRange.map((x) => x.term),
        without.length > 0,
      );
    },
    async termsWithPrefix(prefix, limit) {
      const found = await rows<{ term: string }>(
        `SELECT term FROM terms WHERE term > $1 AND term < $2 AND length(term) >= $4 ORDER BY term LIMIT $3`,
        [prefix, `${prefix}\u{10FFFF}`, limit, nearRange(prefix).minLength],
      );
      return found.map((x) => x.term);
    },
    async match(tq, limit) {
      const query = tsqueryOf(tq);
      if (!query) return { hits: [], total: 0 };
      if (tq.order === 'newest') {
        const found = await rows<PassageRow>(`${PASSAGE} WHERE p.tsv @@ $1::tsquery ORDER BY p.rowid DESC LIMIT $2`, [query, limit]);
        return { hits: found.map((r): TextHit => ({ passage: passageFromRow(r), score: 0 })), total: found.length };
      }
      // One word: the terms table has counted its passages already. Otherwise the index counts them.
      const only = !tq.phrases?.length && tq.terms.length === 1 ? [tq.terms[0]!].flat() : [];
      const total =
        only.length === 1
          ? await lookups.termFrequency(only[0]!)
          : (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM passages WHERE tsv @@ $1::tsquery`, [query]))[0]!.n;
      if (total === 0) return { hits: [], total: 0 };
      // As in SQLite: when very many match, the best of the most recently added (RANK_CAP) are ranked.
      const from =
        total > RANK_CAP ? `(SELECT rowid, tsv FROM passages WHERE tsv @@ $1::tsquery ORDER BY rowid DESC LIMIT ${RANK_CAP})` : 'passages';
      const ranked = await rows<{ rowid: number; rank: number }>(
        `SELECT rowid, ts_rank_cd(tsv, $1::tsquery, 1) AS rank FROM ${from} s WHERE tsv @@ $1::tsquery
          ORDER BY rank DESC, rowid DESC LIMIT $2`,
        [query, limit],
      );
      const passages = await passagesAt(ranked.map((r) => r.rowid));
      const hits = ranked.flatMap((r): TextHit[] => {
        const passage = passages.get(r.rowid);
        return passage ? [{ passage, score: r.rank }] : [];
      });
      return { hits, total };
    },
    async topicCounts(articles) {
      return rows<{ type: EntityType; id: string; passages: number }>(
        `SELECT type, entity AS id, count(*)::int AS passages FROM tags
        WHERE article IN (SELECT rowid FROM articles WHERE id = ANY($1)) GROUP BY type, entity ORDER BY type, entity`,
        [[...articles]],
      );
    },
    async articlesAddedSince(asked) {
      // A cursor past the last row number came from a corpus since rebuilt: start over (recording an id twice is harmless).
      const cursor = asked > (await metaNumber('last_article')) ? 0 : asked;
      const found = await rows<{ rowid: number; id: string }>(`SELECT rowid, id FROM articles WHERE rowid > $1 ORDER BY rowid`, [cursor]);
      return { ids: found.map((r) => r.id), cursor: found.at(-1)?.rowid ?? cursor };
    },
    async unknownNames(limit) {
      return rows<{ name: string; count: number }>(`SELECT name, count FROM names WHERE count >= 2 ORDER BY count DESC, name LIMIT $1`, [
        limit,
      ]);
    },
    close: () => pool.end(),
  };
  return withGazetteer(lookups, current, () => ({ gazetteer, names }));
}
