// A changed gazetteer: every article is tagged again from its stored
// passages, in batches with progress, and no text changes. Cheaper than a
// rebuild: nothing is parsed, split or dated again.
import type { Passage } from '../records.js';
import { tagArticle } from '../ingest/build-article.js';
import type { GazetteerMatcher } from '../extract/gazetteer-matcher.js';
import type { ArticleRows } from './article-rows.js';
import type { Db } from './corpus-db.js';
import { passageFromRow, type PassageRow } from './rows.js';

const BATCH = 500;

export function retagAll(db: Db, rows: ArticleRows, matcher: GazetteerMatcher, known: Set<string>, log: (line: string) => void): number {
  const ids = db.prepare(`SELECT rowid FROM articles ORDER BY rowid`).pluck().all() as number[];
  const passagesOf = db.prepare(
    `SELECT p.*, a.id AS article_id FROM passages p JOIN articles a ON a.rowid = p.article WHERE p.article = ? ORDER BY p.seq`,
  );
  log(`The gazetteer changed: tagging ${ids.length} article(s) again ...`);
  for (let i = 0; i < ids.length; i += BATCH) {
    db.transaction(() => {
      for (const rowid of ids.slice(i, i + BATCH)) {
        const passages: Passage[] = (passagesOf.all(rowid) as PassageRow[]).map(passageFromRow);
        rows.retag(rowid, { passages, ...tagArticle(passages, matcher, known) });
      }
    })();
    if (ids.length > BATCH) log(`  tagged ${Math.min(i + BATCH, ids.length)}/${ids.length} articles`);
  }
  return ids.length;
}
