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
  shown: number;
  file: string;
}

/**
 * Holders of one key read at a time: shown ones first (the index's order), then enough hidden ones to find
 * evidence. A line in every article of an outlet has thousands of holders; this stays a short index range.
 */
const HOLDERS_READ = 16;
/** Past this many titles sharing a passage, one going away cannot bring it back anywhere. */
const SURE_TITLES = 3;

export interface TemplateSentences {
  /**
   * Which of a new article's keys are template text. As it finds out, it notes the files of earlier articles
   * that show one of those passages: the new article is what makes it template text there too.
   */
  lookup: TemplateLookup;
  /** The file whose articles are being built: lookups on its behalf remember what its own articles teach each other. */
  beginFile(file: string): void;
  /** Files noted by lookup since the last call, and cleared; may be the current file itself (see beginFile). */
  takeStale(): Set<string>;
  /** The outlet and keys the article with this id holds: read before it is removed. */
  keysOf(articleId: string): { outlet: string; keys: string[] } | null;
  /** Files of articles hiding one of these keys that no longer is template text once an article holding it went. */
  staleAfterRemoval(outlet: string, keys: string[], except: string): Set<string>;
}

export function templateSentences(db: Db): TemplateSentences {
  const q = {
    holders: db.prepare(`SELECT s.article, s.title_key, s.shown, a.file FROM sentence_keys s JOIN articles a ON a.rowid = s.article
      WHERE s.outlet = ? AND s.key = ? ORDER BY s.shown DESC LIMIT ${HOLDERS_READ}`),
    // Most of an article's passages are its own: one query finds the few keys anyone else holds.
    held: db.prepare(`SELECT DISTINCT key FROM sentence_keys WHERE outlet = ? AND key IN (SELECT value FROM json_each(?))`).pluck(),
    size: db.prepare(`SELECT count(*) FROM sentence_keys WHERE article = ?`).pluck(),
    sharedWithKeys: db.prepare(`SELECT count(*) FROM sentence_keys WHERE article = ? AND key IN (SELECT value FROM json_each(?))`).pluck(),
    shared: db
      .prepare(`SELECT count(*) FROM sentence_keys x JOIN sentence_keys y ON y.outlet = x.outlet AND y.key = x.key
      WHERE x.article = ? AND y.article = ?`)
      .pluck(),
    keysOf: db.prepare(`SELECT s.outlet, s.key FROM sentence_keys s JOIN articles a ON a.rowid = s.article WHERE a.id = ?`),
    titles: db.prepare(`SELECT DISTINCT title_key FROM sentence_keys WHERE outlet = ? AND key = ? LIMIT ${SURE_TITLES}`).pluck(),
  };
  const size = (article: number) => q.size.get(article) as number;
  const versions = (a: number, b: number) => (q.shared.get(a, b) as number) > VERSION_OVERLAP * Math.min(size(a), size(b));
  let stale = new Set<string>();
  let current = '';
  // Two articles of one file that share a passage: the first was written showing it before the second was
  // read. The file is read again, and this time its articles know the passage is template text from the start
  // (the second is gone from the table while its file is rewritten).
  const taughtInFile = new Map<string, Set<string>>();

  return {
    lookup(outlet, titleKey, keys) {
      const found = new Set<string>();
      if (!outlet || keys.length === 0) return found;
      const ownKeys = JSON.stringify(keys);
      // Whether an article already stored is evidence for this one: another title, and not a version of it.
      const evidence = new Map<number, boolean>();
      const isEvidence = (h: Holder) => {
        let ok = evidence.get(h.article);
        if (ok === undefined) {
          const shared = q.sharedWithKeys.get(h.article, ownKeys) as number;
          ok = h.title_key !== titleKey && shared <= VERSION_OVERLAP * Math.min(keys.length, size(h.article));
          evidence.set(h.article, ok);
        }
        return ok;
      };
      const taught = taughtInFile.get(current);
      const held = new Set(q.held.all(outlet, ownKeys) as string[]);
      for (const key of keys) {
        if (taught?.has(`${outlet}\u0000${key}`)) {
          found.add(key);
          continue;
        }
        if (!held.has(key)) continue;
        const holders = (q.holders.all(outlet, key) as Holder[]).filter(isEvidence);
        if (holders.length === 0) continue;
        found.add(key);
        for (const h of holders) {
          if (h.shown !== 1) continue;
          stale.add(h.file);
          if (h.file === current)
            (taughtInFile.get(current) ?? taughtInFile.set(current, new Set()).get(current)!).add(`${outlet}\u0000${key}`);
        }
      }
      return found;
    },
    beginFile(file) {
      current = file;
    },
    takeStale() {
      const taken = stale;
      stale = new Set();
      return taken;
    },
    keysOf(articleId) {
      const rows = q.keysOf.all(articleId) as { outlet: string; key: string }[];
      return rows.length ? { outlet: rows[0]!.outlet, keys: rows.map((r) => r.key) } : null;
    },
    staleAfterRemoval(outlet, keys, except) {
      const files = new Set<string>();
      for (const key of new Set(keys)) {
        // While three titles still share it, it stays template text for every one of them.
        if ((q.titles.all(outlet, key) as string[]).length >= SURE_TITLES) continue;
        const rows = q.holders.all(outlet, key) as Holder[];
        for (const r of rows) {
          if (r.shown === 1 || r.file === except) continue;
          const template = rows.some((o) => o.article !== r.article && o.title_key !== r.title_key && !versions(r.article, o.article));
          if (!template) files.add(r.file);
        }
      }
      return files;
    },
  };
}
