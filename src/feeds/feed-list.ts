// DATA_DIR/feeds.json: read, add to, remove from. The file is the team's to
// review (it is checked in like the gazetteer); it is rewritten whole, to a
// temporary file first, so a crash mid-write never leaves half a list.
import { slugify } from 'transliteration';
import { foldDiacritics } from '../text/normalize.js';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fromZodError, parseJsonFile } from '../corpus/data-file-error.js';
import { shown, type DataPaths } from '../corpus/data-dir.js';
import { feedListSchema, type FeedEntry, type FeedList } from '../corpus/schema.js';
import { canonicalUrl } from '../web/canonical-url.js';

export function readFeedList(paths: DataPaths): FeedList {
  if (!existsSync(paths.feeds)) return { version: 1, feeds: [] };
  const file = shown(paths.feeds);
  const parsed = feedListSchema.safeParse(parseJsonFile(file, readFileSync(paths.feeds, 'utf8')));
  if (!parsed.success) throw fromZodError(file, parsed.error);
  return parsed.data;
}

function writeFeedList(paths: DataPaths, list: FeedList): void {
  const tmp = `${paths.feeds}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(list, null, 2)}\n`);
  renameSync(tmp, paths.feeds);
}

/**
 * "OC Media" -> "oc-media", "Новая газета Европа" -> "novaya-gazeta-evropa": a feed id people can type. Diacritics
 * are folded as names are (Azərbaycan -> azerbaycan), other scripts transliterated (the transliteration package knows
 * Cyrillic, Georgian, Armenian, Greek, CJK and more); a name of nothing typeable falls back to the host name.
 */
function slug(text: string): string {
  return slugify(foldDiacritics(text).replace(/^www\./i, ''), { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export type FeedListChange = { ok: true; feed: FeedEntry } | { ok: false; message: string };

export function addFeed(paths: DataPaths, input: { url: string; name?: string | undefined; keepAll?: boolean }): FeedListChange {
  const url = canonicalUrl(input.url.trim());
  if (!url || input.url.trim().length > 2000)
    return { ok: false, message: 'The feed address must be an http(s) URL (at most 2000 characters).' };
  const list = readFeedList(paths);
  const existing = list.feeds.find((f) => f.url === url);
  if (existing) return { ok: false, message: `That feed is already followed as "${existing.id}" (${existing.name}).` };
  const name = input.name?.replace(/\s+/g, ' ').trim().slice(0, 100) || new URL(url).hostname.replace(/^www\./, '');
  const base = (input.name?.trim() ? slug(name) : '') || slug(new URL(url).hostname) || 'feed';
  let id = base;
  for (let n = 2; list.feeds.some((f) => f.id === id); n++) id = `${base}-${n}`;
  const feed: FeedEntry = { id, name, url, keepAll: input.keepAll ?? false };
  writeFeedList(paths, { ...list, feeds: [...list.feeds, feed] });
  return { ok: true, feed };
}

/** By id, or by URL (as typed or canonical). */
export function removeFeed(paths: DataPaths, idOrUrl: string): FeedListChange {
  const list = readFeedList(paths);
  const key = idOrUrl.trim();
  const url = canonicalUrl(key);
  const feed = list.feeds.find((f) => f.id === key || f.url === key || (url !== null && f.url === url));
  if (!feed) return { ok: false, message: `No followed feed has the id or URL "${key.slice(0, 200)}". See the list for ids.` };
  writeFeedList(paths, { ...list, feeds: list.feeds.filter((f) => f !== feed) });
  return { ok: true, feed };
}
