// A feed document (RSS 2.0, RSS 1.0/RDF, Atom 1.0 or JSON Feed) -> the items
// the fetcher works on, in one shape. feedsmith parses and detects the format;
// this only picks the fields, which each format names its own way.
import { createHash } from 'node:crypto';
import { parseFeed } from 'feedsmith';
import { canonicalUrl } from '../web/canonical-url.js';

export interface FeedItem {
  /** The feed's own id for the item (guid, Atom id, JSON Feed id), else its URL, else its title. */
  guid: string;
  /** Canonical URL of the article page. */
  url: string | null;
  title: string | null;
  authors: string[];
  /** As the feed states it (RFC 822 or ISO 8601). */
  published: string | null;
  /** Full text carried in the item (content:encoded, Atom content, content_html). */
  contentHtml: string | null;
  summary: string | null;
  /** Changes when the feed's copy of the item changes: the article may have been updated. */
  version: string;
}

export class FeedFormatError extends Error {}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
/** A string, or the text of { value } (Atom text constructs). */
const text = (v: unknown): string | null => {
  const s = typeof v === 'string' ? v : typeof obj(v).value === 'string' ? (obj(v).value as string) : null;
  return s?.trim() ? s.trim() : null;
};
const names = (v: unknown): string[] =>
  arr(v)
    .map((a) => text(a) ?? text(obj(a).name))
    .filter((n): n is string => n !== null)
    // An RSS <author> is an e-mail address, often with the name in brackets: "desk@x.org (Jane Doe)".
    .map((n) => /\(([^)]+)\)\s*$/.exec(n)?.[1] ?? n)
    .filter((n) => !/^\S+@\S+$/.test(n));

function atomLink(entry: Loose): string | null {
  const links = arr(entry.links).map(obj);
  const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  return text(alternate?.href);
}

function pick(format: string, raw: Loose): Omit<FeedItem, 'guid' | 'url' | 'version'> & { link: string | null; id: string | null } {
  const dc = obj(raw.dc);
  if (format === 'atom') {
    return {
      id: text(raw.id),
      link: atomLink(raw),
      title: text(raw.title),
      authors: names(raw.authors),
      published: text(raw.published) ?? text(raw.updated),
      contentHtml: text(raw.content),
      summary: text(raw.summary),
    };
  }
  if (format === 'json') {
    return {
      id: text(raw.id),
      link: text(raw.url) ?? text(raw.external_url),
      title: text(raw.title),
      authors: names(raw.authors ?? raw.author),
      published: text(raw.date_published) ?? text(raw.date_modified),
      contentHtml: text(raw.content_html) ?? (text(raw.content_text) ? `<p>${escapeHtml(text(raw.content_text)!)}</p>` : null),
      summary: text(raw.summary),
    };
  }
  // rss and rdf
  return {
    id: text(obj(raw.guid).value) ?? text(raw.guid),
    link: text(raw.link),
    title: text(raw.title),
    authors: [...names(dc.creators ?? dc.creator), ...names(raw.authors ?? raw.author)],
    published: text(raw.pubDate) ?? text(arr(dc.dates)[0]) ?? text(dc.date),
    contentHtml: text(obj(raw.content).encoded),
    summary: text(raw.description),
  };
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split(/\n\s*\n/)
    .join('</p><p>');
}

export function parseFeedItems(document: string, feedUrl: string): { title: string | null; items: FeedItem[] } {
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(document) as { format: string; feed: unknown };
  } catch (e) {
    throw new FeedFormatError(`not a readable RSS, Atom or JSON Feed document (${e instanceof Error ? e.message : String(e)})`);
  }
  const feed = obj(parsed.feed);
  const rawItems = arr(parsed.format === 'atom' ? feed.entries : feed.items).map(obj);
  const items: FeedItem[] = [];
  for (const raw of rawItems) {
    const p = pick(parsed.format, raw);
    const url = p.link ? canonicalUrl(p.link, feedUrl) : null;
    const guid = p.id ?? url ?? p.title;
    if (!guid) continue; // nothing identifies it: nothing to fetch or cite
    const version = createHash('sha256')
      .update(JSON.stringify([p.title, p.published, p.contentHtml, p.summary, raw.updated ?? raw.date_modified ?? null]))
      .digest('hex')
      .slice(0, 16);
    items.push({
      guid,
      url,
      title: p.title,
      authors: p.authors,
      published: p.published,
      contentHtml: p.contentHtml,
      summary: p.summary,
      version,
    });
  }
  return { title: text(feed.title), items: distinctGuids(items) };
}

/**
 * A feed that gives two different items the same GUID (a CMS bug, an id reused per day) would have them overwrite each
 * other's stored version, so both would be fetched again on every poll. Such items are told apart by their URL (or
 * title): the key does not depend on the order the feed lists them in. The same item listed twice is read once.
 */
function distinctGuids(items: FeedItem[]): FeedItem[] {
  const byGuid = new Map<string, FeedItem[]>();
  for (const i of items) byGuid.set(i.guid, [...(byGuid.get(i.guid) ?? []), i]);
  const out: FeedItem[] = [];
  const taken = new Set<string>();
  for (const i of items) {
    const shared = byGuid.get(i.guid)!.some((o) => (o.url ?? o.title) !== (i.url ?? i.title));
    const guid = shared ? `${i.guid}#${i.url ?? i.title ?? ''}` : i.guid;
    if (taken.has(guid)) continue;
    taken.add(guid);
    out.push(shared ? { ...i, guid } : i);
  }
  return out;
}
