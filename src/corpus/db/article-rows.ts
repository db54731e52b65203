// Writes one article's rows (and removes them again), keeping the counts,
// the unknown-name totals and the full-text index in step. Callers run these
// inside one transaction per raw file, so a reader never sees half an article.
import { firstDay, lastDay } from '../extract/dates/date-value.js';
import type { BuiltArticle } from '../ingest/build-article.js';
import { MIN_NEAR_TERM } from '../near-terms.js';
import { indexedTerms } from '../search-terms.js';
import { foldKey } from '../../text/normalize.js';
import type { Db } from './corpus-db.js';
import { LONG_EVENT_DAYS } from './corpus-schema.js';

const pad = (n: number) => String(n).padStart(6, '0');
/** Reading order across the corpus: file, then the article's place in it, then the passage. */
export const articleOrd = (file: string, pos: number) => `${file}\u0000${pad(pos)}`;
const passageOrd = (article: string, seq: number) => `${article}\u0000${pad(seq)}`;

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

export interface ArticleRows {
  insert(built: BuiltArticle, pos: number): void;
  /** Removes the article with this id, if the database holds it; true when it did. */
  remove(articleId: string): boolean;
  /** Replaces an article's tags, stances and unknown names (a gazetteer change), keeping its text. */
  retag(rowid: number, built: Pick<BuiltArticle, 'passages' | 'tags' | 'stances' | 'names'>): void;
}

export function articleRows(db: Db): ArticleRows {
  const q = {
    article: db.prepare(`INSERT INTO articles (id, title, title_key, outlet, author, published, published_approximate, published_text,
        published_at, modified, dateline, url, tags, file, pos, format, retrieved, retrieved_from, passages, ord)
      VALUES (@id, @title, @title_key, @outlet, @author, @published, @published_approximate, @published_text,
        @published_at, @modified, @dateline, @url, @tags, @file, @pos, @format, @retrieved, @retrieved_from, @passages, @ord)`),
    passage: db.prepare(
      `INSERT INTO passages (id, article, seq, kind, text, credit, actors, corridors, dates, speech) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updatePassageTags: db.prepare(`UPDATE passages SET actors = ?, corridors = ?, speech = ? WHERE rowid = ?`),
    statement: db.prepare(`INSERT INTO statements (actor, passage, article, day, ord) VALUES (?, ?, ?, ?, ?)`),
    statementCounts: db.prepare(`SELECT actor, count(*) AS n FROM statements WHERE article = ? GROUP BY actor`),
    publishedOf: db.prepare(`SELECT published FROM articles WHERE rowid = ?`).pluck(),
    fts: db.prepare(`INSERT INTO passages_fts (rowid, terms) VALUES (?, ?)`),
    term: db.prepare(`INSERT OR IGNORE INTO terms (term) VALUES (?)`),
    tag: db.prepare(`INSERT INTO tags (type, entity, passage, article, score, effective, definition, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    stance: db.prepare(`INSERT INTO stances (corridor, actor, stance, passage, article, ord, own) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    event: db.prepare(`INSERT INTO events (passage, article, n, first, last, article_id, seq, long) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    eventTag: db.prepare(
      `INSERT INTO event_tags (type, entity, event, article, first, last, article_id, seq, n, long) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    count: db.prepare(`INSERT INTO entity_counts (type, entity, passages, articles, events, statements) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (type, entity) DO UPDATE SET passages = passages + excluded.passages, articles = articles + excluded.articles,
        events = events + excluded.events, statements = statements + excluded.statements`),
    articleName: db.prepare(`INSERT INTO article_names (article, name, count) VALUES (?, ?, ?)`),
    name: db.prepare(`INSERT INTO names (name, count) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET count = count + excluded.count`),
    total: db.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + CAST(? AS INTEGER) WHERE key = ?`),
    find: db.prepare(`SELECT rowid, ord FROM articles WHERE id = ?`),
    passagesOf: db.prepare(`SELECT rowid FROM passages WHERE article = ? ORDER BY seq`).pluck(),
    tagCounts: db.prepare(`SELECT type, entity, count(*) AS n FROM tags WHERE article = ? GROUP BY type, entity`),
    eventCounts: db.prepare(`SELECT type, entity, count(*) AS n FROM event_tags WHERE article = ? GROUP BY type, entity`),
    namesOf: db.prepare(`SELECT name, count FROM article_names WHERE article = ?`),
    ftsDelete: db.prepare(`DELETE FROM passages_fts WHERE rowid = ?`),
    dropEmptyCounts: db.prepare(`DELETE FROM entity_counts WHERE passages <= 0 AND events <= 0 AND statements <= 0`),
    dropEmptyNames: db.prepare(`DELETE FROM names WHERE count <= 0`),
    deleteFrom: Object.fromEntries(
      ['tags', 'stances', 'event_tags', 'article_names', 'statements'].map((t) => [t, db.prepare(`DELETE FROM ${t} WHERE article = ?`)]),
    ),
    deleteEvents: db.prepare(`DELETE FROM events WHERE article = ?`),
    deletePassages: db.prepare(`DELETE FROM passages WHERE article = ?`),
    deleteArticle: db.prepare(`DELETE FROM articles WHERE rowid = ?`),
    sentenceKey: db.prepare(`INSERT INTO sentence_keys (outlet, key, article, title_key, shown) VALUES (?, ?, ?, ?, ?)`),
    deleteSentenceKeys: db.prepare(`DELETE FROM sentence_keys WHERE article = ?`),
    eventsOf: db.prepare(`SELECT rowid, passage, first, last, seq, n, long FROM events WHERE article = ?`),
  };

  /** Tags, stances, events under each entity, names and counts: everything the gazetteer decides. */
  function writeTagged(
    rowid: number,
    ord: string,
    articleId: string,
    built: Pick<BuiltArticle, 'passages' | 'tags' | 'stances' | 'names'>,
    passageRows: number[],
  ): void {
    const counts = new Map<string, { type: string; entity: string; passages: number; events: number; statements: number }>();
    const countOf = (type: string, entity: string) => {
      const key = `${type}\u0000${entity}`;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { type, entity, passages: 0, events: 0, statements: 0 }));
      return c;
    };
    const day = (q.publishedOf.get(rowid) as string | null) ?? '';
    built.passages.forEach((p, i) => {
      const actor = p.speech?.speaker.actor;
      if (!actor) return;
      q.statement.run(actor, passageRows[i], rowid, day, passageOrd(ord, p.seq));
      countOf('actor', actor).statements++;
    });
    for (const t of built.tags) {
      const p = built.passages[t.passage]!;
      q.tag.run(t.type, t.entity, passageRows[t.passage], rowid, t.score, t.effective, t.definition, passageOrd(ord, p.seq));
      countOf(t.type, t.entity).passages++;
    }
    // The stance's place in the article breaks ties inside one passage.
    built.stances.forEach((s, i) => {
      q.stance.run(
        s.corridor,
        s.actor,
        s.stance,
        passageRows[s.passage],
        rowid,
        `${passageOrd(ord, built.passages[s.passage]!.seq)}\u0000${pad(i)}`,
        s.own ? 1 : 0,
      );
    });
    const byPassage = new Map(passageRows.map((r, i) => [r, built.passages[i]!]));
    for (const e of q.eventsOf.all(rowid) as {
      rowid: number;
      passage: number;
      first: string;
      last: string;
      seq: number;
      n: number;
      long: number;
    }[]) {
      const p = byPassage.get(e.passage)!;
      for (const [type, list] of [
        ['actor', p.actors],
        ['corridor', p.corridors],
      ] as const) {
        for (const t of list) {
          q.eventTag.run(type, t.id, e.rowid, rowid, e.first, e.last, articleId, e.seq, e.n, e.long);
          countOf(type, t.id).events++;
        }
      }
    }
    for (const c of counts.values()) q.count.run(c.type, c.entity, c.passages, c.passages > 0 ? 1 : 0, c.events, c.statements);
    for (const [name, n] of built.names) {
      q.articleName.run(rowid, name, n);
      q.name.run(name, n);
    }
  }

  /** Undoes writeTagged. */
  function clearTagged(rowid: number): void {
    for (const c of q.tagCounts.all(rowid) as { type: string; entity: string; n: number }[]) q.count.run(c.type, c.entity, -c.n, -1, 0, 0);
    for (const c of q.eventCounts.all(rowid) as { type: string; entity: string; n: number }[]) q.count.run(c.type, c.entity, 0, 0, -c.n, 0);
    for (const c of q.statementCounts.all(rowid) as { actor: string; n: number }[]) q.count.run('actor', c.actor, 0, 0, 0, -c.n);
    for (const n of q.namesOf.all(rowid) as { name: string; count: number }[]) q.name.run(n.name, -n.count);
    for (const stmt of Object.values(q.deleteFrom)) stmt.run(rowid);
    q.dropEmptyCounts.run();
    q.dropEmptyNames.run();
  }

  return {
    insert(built, pos) {
      const a = built.article;
      const ord = articleOrd(a.source.file, pos);
      const rowid = Number(
        q.article.run({
          id: a.id,
          title: a.title,
          title_key: foldKey(a.title),
          outlet: a.outlet,
          author: a.author,
          published: a.published,
          published_approximate: a.publishedApproximate ? 1 : 0,
          published_text: a.publishedText,
          published_at: a.publishedAt,
          modified: a.modified,
          dateline: a.dateline ? JSON.stringify(a.dateline) : null,
          url: a.url,
          tags: JSON.stringify(a.tags),
          file: a.source.file,
          pos,
          format: a.source.format,
          retrieved: a.source.retrieved,
          retrieved_from: a.source.retrievedFrom,
          passages: a.passages,
          ord,
        }).lastInsertRowid,
      );
      const vocabulary = new Set<string>();
      const passageRows = built.passages.map((p) => {
        const pr = Number(
          q.passage.run(
            p.id,
            rowid,
            p.seq,
            p.kind,
            p.text,
            p.credit ?? null,
            JSON.stringify(p.actors),
            JSON.stringify(p.corridors),
            JSON.stringify(p.dates),
            p.speech ? JSON.stringify(p.speech) : null,
          ).lastInsertRowid,
        );
        const terms = indexedTerms(p.text);
        q.fts.run(pr, terms);
        for (const t of terms.split(' ')) if (t.length >= MIN_NEAR_TERM) vocabulary.add(t);
        p.dates.forEach((d, n) => {
          const first = firstDay(d.start);
          const last = lastDay(d.end ?? d.start);
          q.event.run(pr, rowid, n, first, last, a.id, p.seq, daysBetween(first, last) > LONG_EVENT_DAYS ? 1 : 0);
        });
        return pr;
      });
      for (const t of vocabulary) q.term.run(t);
      // Template text is learnt per outlet; an article without one teaches nothing.
      if (a.outlet) for (const k of built.sentenceKeys) q.sentenceKey.run(a.outlet, k.key, rowid, foldKey(a.title), k.shown ? 1 : 0);
      q.total.run(1, 'articles');
      q.total.run(built.passages.length, 'passages');
      q.total.run(
        built.passages.reduce((n, p) => n + p.dates.length, 0),
        'events',
      );
      writeTagged(rowid, ord, a.id, built, passageRows);
    },
    remove(articleId) {
      const row = q.find.get(articleId) as { rowid: number } | undefined;
      if (!row) return false;
      clearTagged(row.rowid);
      const passageRows = q.passagesOf.all(row.rowid) as number[];
      for (const pr of passageRows) q.ftsDelete.run(pr);
      q.total.run(-1, 'articles');
      q.total.run(-passageRows.length, 'passages');
      q.total.run(-q.deleteEvents.run(row.rowid).changes, 'events');
      q.deletePassages.run(row.rowid);
      q.deleteSentenceKeys.run(row.rowid);
      q.deleteArticle.run(row.rowid);
      return true;
    },
    retag(rowid, built) {
      const ord = db.prepare(`SELECT ord, id FROM articles WHERE rowid = ?`).get(rowid) as { ord: string; id: string };
      clearTagged(rowid);
      const passageRows = q.passagesOf.all(rowid) as number[];
      built.passages.forEach((p, i) => {
        q.updatePassageTags.run(
          JSON.stringify(p.actors),
          JSON.stringify(p.corridors),
          p.speech ? JSON.stringify(p.speech) : null,
          passageRows[i],
        );
      });
      writeTagged(rowid, ord.ord, ord.id, built, passageRows);
    },
  };
}
