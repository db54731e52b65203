// The Corpus over the SQLite database. Every method is one prepared query
// against an index, with a LIMIT, so an answer costs the page it shows. The
// connection reads while `briefing ingest` writes (WAL): the next query sees
// the new rows. Once a second it also checks whether the file was replaced
// by a rebuild, or the gazetteer changed, and follows.
import { statSync } from 'node:fs';
import type { Article, Passage, StanceRecord } from '../records.js';
import type { CorpusGazetteer, DatedPassage, EntityStats, EntityType, EventQuery, SyncCorpus, TextHit } from '../corpus.js';
import { withGazetteer } from '../corpus-gazetteer.js';
import { buildNameIndex, type NameIndex } from '../name-index.js';
import { nearAmong, nearRange } from '../near-terms.js';
import type { Gazetteer } from '../schema.js';
import { corpusFile, openForReading, type Db } from './corpus-db.js';
import { countedAtIngest, eventParts, eventWhere, type IdList } from '../event-sql.js';
import { matchExpression } from './fts-query.js';
import { articleFromRow, passageFromRow, type ArticleRow, type PassageRow } from './rows.js';

const PASSAGE = `SELECT p.*, a.id AS article_id FROM passages p JOIN articles a ON a.rowid = p.article`;
const IDS = `(SELECT value FROM json_each(?))`;
/** Leaves out the passages (by id) of a JSON list: none for '[]'. */
const NOT_EXCEPT = `AND passage NOT IN (SELECT rowid FROM passages WHERE id IN ${IDS})`;
/** An id list as the event queries take it: a JSON array read by json_each. */
const ID_LIST: IdList = { sql: `IN ${IDS}`, arg: (ids) => JSON.stringify(ids) };
const RECHECK_MS = 1000;
/**
 * Most matches a full-text query ranks. BM25 scores every match, about a
 * microsecond each; when a common word matches more than this, the best of
 * the most recently added ones are shown (row order is ingest order).
 */
export const RANK_CAP = 10_000;

// One actor's statements; the period and the entity spoken about are optional (NULL parameters match all).
const STATEMENT_WHERE = `s.actor = @actor AND (@first IS NULL OR s.day >= @first) AND (@last IS NULL OR (s.day <= @last AND s.day <> ''))
  AND (@about IS NULL OR EXISTS (SELECT 1 FROM tags t WHERE t.passage = s.passage AND t.type = @aboutType AND t.entity = @about))`;

function queries(db: Db) {
  const get = (sql: string) => db.prepare(sql);
  return {
    meta: get(`SELECT value FROM meta WHERE key = ?`).pluck(),
    article: get(`SELECT * FROM articles WHERE id = ?`),
    passage: get(`${PASSAGE} WHERE p.id = ?`),
    passageAt: get(`${PASSAGE} WHERE p.rowid = ?`),
    passagesOf: get(`${PASSAGE} WHERE p.article = (SELECT rowid FROM articles WHERE id = ?) ORDER BY p.seq`),
    around: get(`${PASSAGE} WHERE p.article = (SELECT rowid FROM articles WHERE id = ?) AND p.seq BETWEEN ? AND ? ORDER BY p.seq`),
    entity: get(`SELECT passages, articles, statements FROM entity_counts WHERE type = ? AND entity = ?`),
    statements: get(`SELECT s.passage FROM statements s WHERE ${STATEMENT_WHERE} ORDER BY s.day DESC, s.ord LIMIT ? OFFSET ?`).pluck(),
    statementCount: get(`SELECT count(*) FROM statements s WHERE ${STATEMENT_WHERE}`).pluck(),
    entityEvents: get(`SELECT events FROM entity_counts WHERE type = ? AND entity = ?`).pluck(),
    ranked: get(`SELECT passage FROM tags WHERE type = ? AND entity = ? ${NOT_EXCEPT}
      ORDER BY effective DESC, score DESC, ord LIMIT ? OFFSET ?`).pluck(),
    rankedIn: get(`SELECT passage FROM tags WHERE type = ? AND entity = ? AND article IN (SELECT rowid FROM articles WHERE id IN ${IDS})
      ${NOT_EXCEPT} ORDER BY effective DESC, score DESC, ord LIMIT ? OFFSET ?`).pluck(),
    definition: get(
      `SELECT passage FROM tags WHERE type = 'corridor' AND entity = ? AND definition > 0 ORDER BY definition DESC, ord LIMIT 1`,
    ).pluck(),
    // SQLite takes the bare columns from the row holding the MIN: of each stance, the first evidence in the actor's
    // own words, else the first evidence; then those in reading order.
    stances: get(`SELECT actor, stance, (SELECT id FROM passages WHERE rowid = s.passage) AS passage, own, ord,
      MIN((1 - own) || ord) AS best FROM stances s WHERE corridor = ? GROUP BY actor, stance ORDER BY ord`),
    newest: get(`SELECT rowid FROM articles ORDER BY published DESC, title_key, id LIMIT ? OFFSET ?`).pluck(),
    newestIn: get(`SELECT rowid FROM articles WHERE id IN ${IDS} ORDER BY published DESC, title_key, id LIMIT ? OFFSET ?`).pluck(),
    articleAt: get(`SELECT * FROM articles WHERE rowid = ?`),
    inFile: get(`SELECT * FROM articles WHERE file = ? ORDER BY pos`),
    frequency: get(`SELECT doc FROM passages_vocab WHERE term = ?`).pluck(),
    vocabRange: get(`SELECT term FROM terms WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`).pluck(),
    vocabHas: get(`SELECT 1 FROM terms WHERE term = ?`).pluck(),
    vocabPrefix: get(`SELECT term FROM terms WHERE term > ? AND term < ? ORDER BY term LIMIT ?`).pluck(),
    match: get(`SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`),
    // bm25() spelled out, not the rank column: FTS5 ranks every match for ORDER BY rank, rowid bound or not.
    matchSince: get(
      `SELECT rowid, bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ? OFFSET ?`,
    ),
    newestMatches: get(`SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?`).pluck(),
    newestMatch: get(`SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`).pluck(),
    matchCount: get(`SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?`).pluck(),
    topicCounts: get(`SELECT type, entity AS id, count(*) AS passages FROM tags
      WHERE article IN (SELECT rowid FROM articles WHERE id IN ${IDS}) GROUP BY type, entity ORDER BY type, entity`),
    addedSince: get(`SELECT rowid, id FROM articles WHERE rowid > ? ORDER BY rowid`),
    lastRow: get(`SELECT seq FROM sqlite_sequence WHERE name = 'articles'`).pluck(),
    names: get(`SELECT name, count FROM names WHERE count >= 2 ORDER BY count DESC, name LIMIT ?`),
  };
}

export function openSqliteCorpus(build: string, loadGazetteer: () => Gazetteer): SyncCorpus {
  const file = corpusFile(build);
  let db!: Db;
  let q!: ReturnType<typeof queries>;
  let inode = 0;
  let gazetteer!: Gazetteer;
  let names!: NameIndex;
  let gazetteerHash = '';
  let checked = 0;
  const eventStatements = new Map<string, ReturnType<Db['prepare']>>();

  function attach(next: Db): void {
    db = next;
    q = queries(db);
    eventStatements.clear();
    inode = statSync(file).ino;
  }
  function refreshGazetteer(): void {
    const hash = q.meta.get('gazetteer') as string;
    if (hash !== gazetteerHash || !gazetteer) {
      gazetteer = loadGazetteer();
      names = buildNameIndex(gazetteer);
      gazetteerHash = hash;
    }
  }
  /** Follows a rebuild that replaced the file, and a re-tag that changed the gazetteer. */
  function current(): void {
    const now = Date.now();
    if (now - checked < RECHECK_MS) return;
    checked = now;
    try {
      if (statSync(file).ino !== inode) {
        const next = openForReading(build);
        if ('db' in next) {
          db.close();
          attach(next.db);
        }
      }
      refreshGazetteer();
    } catch {
      // The file is being replaced right now: keep answering from the open one.
    }
  }

  const opened = openForReading(build);
  if ('problem' in opened) throw new Error(`${file}: ${opened.problem}`);
  attach(opened.db);
  refreshGazetteer();
  checked = Date.now();

  const passageAt = (rowid: number) => passageFromRow(q.passageAt.get(rowid) as PassageRow);
  const countPart = (eq: EventQuery, part: 'main' | 'long') => {
    const w = eventWhere(eq, part, true, ID_LIST);
    return eventStatement(`SELECT count(*) AS n FROM ${w.from} WHERE ${w.where}`).pluck().get(w.args) as number;
  };
  const metaNumber = (key: string) => Number(q.meta.get(key) ?? 0);

  function eventStatement(sql: string) {
    let s = eventStatements.get(sql);
    if (!s) eventStatements.set(sql, (s = db.prepare(sql)));
    return s;
  }

  const lookups: Omit<SyncCorpus, keyof CorpusGazetteer> = {
    size() {
      current();
      return { articles: metaNumber('articles'), passages: metaNumber('passages') };
    },
    article(id) {
      current();
      const r = q.article.get(id) as ArticleRow | undefined;
      return r && articleFromRow(r);
    },
    passage(id) {
      current();
      const r = q.passage.get(id) as PassageRow | undefined;
      return r && passageFromRow(r);
    },
    passagesOf(id) {
      current();
      return (q.passagesOf.all(id) as PassageRow[]).map(passageFromRow);
    },
    around(p, n) {
      current();
      const rows = (q.around.all(p.articleId, p.seq - n, p.seq + n) as PassageRow[]).map(passageFromRow);
      return { before: rows.filter((x) => x.seq < p.seq), after: rows.filter((x) => x.seq > p.seq) };
    },
    entity(type, id) {
      current();
      const r = q.entity.get(type, id) as EntityStats | undefined;
      return r ?? { passages: 0, articles: 0, statements: 0 };
    },
    statements(sq, offset, limit) {
      current();
      const params = { actor: sq.actor, first: sq.first, last: sq.last, about: sq.about?.id ?? null, aboutType: sq.about?.type ?? null };
      const rows = q.statements.all(params, limit, offset) as number[];
      return { passages: rows.map(passageAt), total: q.statementCount.get(params) as number };
    },
    ranked(type, id, { limit, offset = 0, articles, except = [] }) {
      current();
      const left = JSON.stringify(except);
      const rows = (
        articles ? q.rankedIn.all(type, id, JSON.stringify(articles), left, limit, offset) : q.ranked.all(type, id, left, limit, offset)
      ) as number[];
      return rows.map(passageAt);
    },
    definition(id) {
      current();
      const r = q.definition.get(id) as number | undefined;
      return r === undefined ? undefined : passageAt(r);
    },
    stances(id) {
      current();
      return (q.stances.all(id) as (Omit<StanceRecord, 'own'> & { own: number })[]).map(({ actor, stance, passage, own }) => ({
        actor,
        stance,
        passage,
        own: own === 1,
      }));
    },
    events(eq, offset, limit) {
      current();
      const page = (part: 'main' | 'long', off: number, lim: number) => {
        const w = eventWhere(eq, part, false, ID_LIST);
        return eventStatement(
          `SELECT e.passage, e.n, e.first, e.last FROM ${w.from} WHERE ${w.where} ORDER BY ${w.order} LIMIT ? OFFSET ?`,
        ).all([...w.args, lim, off]) as { passage: number; n: number; first: string; last: string }[];
      };
      const rows = eventParts(offset, limit, countPart(eq, 'long'))
        .flatMap((p) => page(p.part, p.offset, p.limit))
        .slice(0, limit);
      return rows.map((r): DatedPassage => {
        const passage = passageAt(r.passage);
        return { passage, date: passage.dates[r.n]!, first: r.first, last: r.last };
      });
    },
    countEvents(eq) {
      current();
      const counted = countedAtIngest(eq);
      if (counted === 'all') return metaNumber('events');
      if (counted) return (q.entityEvents.get(counted.type, counted.id) as number | undefined) ?? 0;
      return countPart(eq, 'main') + countPart(eq, 'long');
    },
    articles(offset, limit, ids) {
      current();
      const rows = (ids ? q.newestIn.all(JSON.stringify(ids), limit, offset) : q.newest.all(limit, offset)) as number[];
      return rows.map((r) => articleFromRow(q.articleAt.get(r) as ArticleRow));
    },
    articlesInFile(file) {
      current();
      return (q.inFile.all(file) as ArticleRow[]).map(articleFromRow);
    },
    termFrequency(term) {
      current();
      return (q.frequency.get(term) as number | undefined) ?? 0;
    },
    nearTerms(term) {
      current();
      const r = nearRange(term);
      const inRange = q.vocabRange.all(r.from, r.to, r.minLength, r.maxLength) as string[];
      return nearAmong(term, inRange, q.vocabHas.get(term.slice(1)) !== undefined);
    },
    termsWithPrefix(prefix, limit) {
      current();
      return q.vocabPrefix.all(prefix, `${prefix}\u{10FFFF}`, limit) as string[];
    },
    match(tq, limit, offset = 0) {
      current();
      const expr = matchExpression(tq);
      if (!expr) return { hits: [], total: 0 };
      if (tq.order === 'newest') {
        // Walks the index lists backwards and stops at the limit: no scoring, no count.
        const rows = q.newestMatches.all(expr, limit, offset) as number[];
        return { hits: rows.map((r): TextHit => ({ passage: passageAt(r), score: 0 })), total: rows.length };
      }
      // Counting walks the index lists only; ranking scores every match, so it is capped (see RANK_CAP).
      const total = q.matchCount.get(expr) as number;
      if (total === 0) return { hits: [], total: 0 };
      const rows = (
        total > RANK_CAP ? q.matchSince.all(expr, q.newestMatch.get(expr, RANK_CAP - 1), limit, offset) : q.match.all(expr, limit, offset)
      ) as {
        rowid: number;
        rank: number;
      }[];
      return { hits: rows.map((r): TextHit => ({ passage: passageAt(r.rowid), score: -r.rank })), total };
    },
    topicCounts(articles) {
      current();
      return q.topicCounts.all(JSON.stringify(articles)) as { type: EntityType; id: string; passages: number }[];
    },
    articlesAddedSince(asked) {
      current();
      // A cursor past the last row number came from a file since rebuilt: start over (recording an id twice is harmless).
      const cursor = asked > Number(q.lastRow.get() ?? 0) ? 0 : asked;
      const rows = q.addedSince.all(cursor) as { rowid: number; id: string }[];
      return { ids: rows.map((r) => r.id), cursor: rows.at(-1)?.rowid ?? cursor };
    },
    unknownNames(limit) {
      current();
      return q.names.all(limit) as { name: string; count: number }[];
    },
    close: () => db.close(),
  };
  return withGazetteer(lookups, current, () => ({ gazetteer, names }));
}

export type { Article, Passage };
