// Template text learnt from repetition. A passage that stands in two articles
// of one outlet with different titles (and that are not two versions of one
// story) is the outlet's furniture: an appeal, a standing disclaimer, a bio,
// a "follow us" line. It is not reporting, so it is never quoted, however it
// is worded.
//
// Every article's body passages are recorded here by key (shown or not). When
// an article makes a passage template text, the earlier articles still
// showing it are read again, and so drop it; when the last other holder goes,
// an article that hid it is read again and shows it. Ingest stays per file,
// and a rebuild from raw/ gives the same corpus whatever the order.
import type { TemplateLookup } from '../ingest/template-text.js';
import type { Db } from './corpus-db.js';

/** Two articles sharing more than this share of the smaller one's passages are versions of one story, not template evidence. */
const VERSION_OVERLAP = 0.5;

interface Holder {
  article: number;
  title_key: string;
  key: string;
}

export interface TemplateSentences {
  lookup: TemplateLookup;
  /** The outlet and keys the article with this id holds: read before it is removed. */
  keysOf(articleId: string): { outlet: string; keys: string[] } | null;
  /** Files of other articles whose showing of these keys is wrong now that an article holding them was added or removed: they are read again. */
  stale(outlet: string, keys: string[], except: string, change: 'added' | 'removed'): Set<string>;
}

export function templateSentences(db: Db): TemplateSentences {
  const q = {
    holders: db.prepare(`SELECT article, title_key, key FROM sentence_keys WHERE outlet = ? AND key IN (SELECT value FROM json_each(?))`),
    size: db.prepare(`SELECT count(*) FROM sentence_keys WHERE article = ?`).pluck(),
    shared: db
      .prepare(`SELECT count(*) FROM sentence_keys x JOIN sentence_keys y ON y.outlet = x.outlet AND y.key = x.key
      WHERE x.article = ? AND y.article = ?`)
      .pluck(),
    keysOf: db.prepare(`SELECT s.outlet, s.key FROM sentence_keys s JOIN articles a ON a.rowid = s.article WHERE a.id = ?`),
    showing: db.prepare(`SELECT s.article, s.title_key, s.shown, a.file FROM sentence_keys s JOIN articles a ON a.rowid = s.article
      WHERE s.outlet = ? AND s.key = ?`),
  };
  const size = (article: number) => q.size.get(article) as number;
  const versions = (a: number, b: number) => (q.shared.get(a, b) as number) > VERSION_OVERLAP * Math.min(size(a), size(b));

  return {
    lookup(outlet, titleKey, keys) {
      const found = new Set<string>();
      if (!outlet || keys.length === 0) return found;
      const holders = (q.holders.all(outlet, JSON.stringify(keys)) as Holder[]).filter((h) => h.title_key !== titleKey);
      const sharedWith = new Map<number, number>();
      for (const h of holders) sharedWith.set(h.article, (sharedWith.get(h.article) ?? 0) + 1);
      const isVersion = (article: number) => sharedWith.get(article)! > VERSION_OVERLAP * Math.min(keys.length, size(article));
      const evidence = new Map<number, boolean>();
      for (const h of holders) {
        if (found.has(h.key)) continue;
        let ok = evidence.get(h.article);
        if (ok === undefined) evidence.set(h.article, (ok = !isVersion(h.article)));
        if (ok) found.add(h.key);
      }
      return found;
    },
    keysOf(articleId) {
      const rows = q.keysOf.all(articleId) as { outlet: string; key: string }[];
      return rows.length ? { outlet: rows[0]!.outlet, keys: rows.map((r) => r.key) } : null;
    },
    stale(outlet, keys, except, change) {
      const files = new Set<string>();
      for (const key of new Set(keys)) {
        const rows = q.showing.all(outlet, key) as { article: number; title_key: string; shown: number; file: string }[];
        // A holder added can only hide a passage shown; one removed can only bring back a hidden one, and
        // not while three titles or more still share it. This keeps a line in every article of an outlet cheap.
        if (change === 'removed' && new Set(rows.map((r) => r.title_key)).size >= 3) continue;
        for (const r of rows) {
          if (r.file === except || (change === 'added') !== (r.shown === 1)) continue;
          const template = rows.some((o) => o.article !== r.article && o.title_key !== r.title_key && !versions(r.article, o.article));
          if (template === (r.shown === 1)) files.add(r.file);
        }
      }
      return files;
    },
  };
}
