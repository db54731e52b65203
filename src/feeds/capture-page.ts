// One article page, read from the web and saved in raw/ exactly as it came
// (plus a sidecar with what the feed said of it), so `briefing ingest` builds
// the same corpus offline and nothing fetched is ever lost. Used for feed
// items and for links a user pastes.
//
// Before saving, the page goes through the same HTML reading that ingest uses,
// to learn three things: whether it has article text at all (else the feed
// item's own full text is used, never a one-line summary), whether it is on
// topic, and its text fingerprint (the same wire story under two URLs).
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { GazetteerMatcher } from '../corpus/extract/gazetteer-matcher.js';
import type { ArticleDraft } from '../corpus/ingest/article-draft.js';
import { parseHtmlArticle } from '../corpus/ingest/html-article.js';
import { parsePublished } from '../corpus/ingest/published-date.js';
import type { RawSidecar } from '../corpus/schema.js';
import { dedupeKey } from '../text/normalize.js';
import { canonicalUrl } from '../web/canonical-url.js';
import { FetchError, type HttpClient } from '../web/http-client.js';
import type { FeedItem } from './feed-items.js';

/** Less article text than this is not an article (a video page, a gallery, a paywall stub). */
export const MIN_ARTICLE_CHARS = 300;

export interface CaptureContext {
  http: HttpClient;
  matcher: GazetteerMatcher;
  knownNames: string[];
  now: Date;
}

export interface Captured {
  /** Canonical URL: the page's own <link rel=canonical> when it is on the same site, else the fetched one. */
  url: string;
  html: string;
  sidecar: RawSidecar;
  fingerprint: string;
  /** Characters of article text found. */
  chars: number;
  /** Actors and corridors mentioned (ids). */
  topics: string[];
  /** Where the text came from: the page, or the feed item when the page had less. */
  from: 'page' | 'feed-item';
  title: string;
}

export class CaptureError extends Error {}

const sameSite = (a: string, b: string) => new URL(a).hostname.replace(/^www\./, '') === new URL(b).hostname.replace(/^www\./, '');

function read(html: string, sidecar: RawSidecar, ctx: CaptureContext): { draft: ArticleDraft; text: string } {
  const source = { file: 'page.html', format: 'html' as const, retrieved: sidecar.retrieved, retrievedFrom: 'sidecar' as const };
  const draft = parseHtmlArticle(html, source, sidecar, ctx.knownNames);
  return { draft, text: draft.items.map((i) => i.text).join(' ') };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Paragraphs an item's own text needs to count as the article, whatever element it came in. */
const MIN_ITEM_PARAGRAPHS = 3;
const MIN_PARAGRAPH_CHARS = 40;

/**
 * The item's own article text as HTML, or null. Judged by what it holds, not by the element it came in: many feeds put
 * whole articles in <description>, while a one- or two-line teaser (in whatever element) is never used as the article.
 */
export function itemArticleHtml(item: FeedItem | null): string | null {
  const candidate = item?.contentHtml ?? item?.summary ?? null;
  if (!candidate) return null;
  // Plain text with blank lines between paragraphs becomes paragraphs; HTML is kept as it is.
  const html = /<[a-z][^>]*>/i.test(candidate)
    ? candidate
    : candidate
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeAttr(p.trim())}</p>`)
        .join('');
  const paragraphs = html
    .split(/<\/p>|<br\s*\/?>\s*<br\s*\/?>|<\/(?:div|li|blockquote|h\d)>/i)
    .map((p) =>
      p
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length >= MIN_PARAGRAPH_CHARS);
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  return paragraphs.length >= MIN_ITEM_PARAGRAPHS && chars >= MIN_ARTICLE_CHARS ? html : null;
}

/** The feed item's full text as a page of its own, so it is saved and ingested like any other. */
function itemDocument(item: FeedItem, body: string, url: string | null): string {
  return `<!doctype html><html><head><meta charset="utf-8">${url ? `<link rel="canonical" href="${escapeAttr(url)}">` : ''}
<title>${escapeAttr(item.title ?? '')}</title></head><body><article>${body}</article></body></html>`;
}

export function sidecarFor(item: FeedItem | null, meta: { url: string; outlet?: string; feed?: string }, now: Date): RawSidecar {
  const published = item?.published && parsePublished(item.published) ? item.published : undefined;
  return {
    retrieved: now.toISOString().slice(0, 10),
    url: meta.url,
    ...(meta.outlet ? { outlet: meta.outlet } : {}),
    ...(item?.title ? { title: item.title.slice(0, 500) } : {}),
    ...(item?.authors.length ? { authors: item.authors.slice(0, 20) } : {}),
    ...(published ? { published } : {}),
    ...(meta.feed ? { feed: meta.feed } : {}),
  };
}

/**
 * Fetches the page at `url` (or uses the item's text when there is no page, or
 * when the page yields less), and returns what would be saved. Throws
 * FetchError for the web's failures and CaptureError when there is no article.
 */
export async function capturePage(
  url: string | null,
  item: FeedItem | null,
  meta: { outlet?: string; feed?: string },
  ctx: CaptureContext,
): Promise<Captured> {
  let page: { html: string; url: string } | null = null;
  let pageError: unknown = null;
  const itemHtml = itemArticleHtml(item);
  if (url) {
    try {
      const res = await ctx.http.get(url);
      if (res.notModified) throw new CaptureError('the server answered 304 to a request without validators');
      if (res.contentType && !/html|xml/i.test(res.contentType)) {
        throw new CaptureError(`${new URL(res.url).host} sent ${res.contentType.split(';')[0]}, not a web page`);
      }
      page = { html: res.text, url: res.url };
    } catch (e) {
      if (itemHtml)
        pageError = e; // the item's own text may still do
      else if (item?.summary && e instanceof Error && !(e instanceof FetchError && e.status === 429)) {
        throw new CaptureError(`${e.message}; the feed item carries only a summary, which is never used as the article`);
      } else throw e;
    }
  }
  const finalUrl = canonicalUrl(page?.url ?? url ?? '') ?? url;
  if (!finalUrl) throw new CaptureError('the item has no link and no text of its own');
  const sidecar = sidecarFor(item, { url: finalUrl, ...meta }, ctx.now);

  const fromPage = page ? read(page.html, sidecar, ctx) : null;
  const fromItem = item && itemHtml ? read(itemDocument(item, itemHtml, finalUrl), sidecar, ctx) : null;
  // The page wins unless the feed carries clearly more of the article (the page is a stub or a paywall).
  const usePage = fromPage && (!fromItem || fromPage.text.length >= fromItem.text.length * 0.6);
  const chosen = usePage ? fromPage : fromItem;
  if (!chosen || chosen.text.length < MIN_ARTICLE_CHARS) {
    const why = pageError instanceof Error ? `; the page failed: ${pageError.message}` : '';
    throw new CaptureError(
      `no article text: ${chosen?.text.length ?? 0} characters found ` +
        `(at least ${MIN_ARTICLE_CHARS} needed, and a feed summary is never used)${why}`,
    );
  }
  // A page may name its canonical address; only one on its own site is believed (else a page could claim another's URL).
  const declared = chosen.draft.url ? canonicalUrl(chosen.draft.url) : null;
  const canonical = declared && sameSite(declared, finalUrl) ? declared : finalUrl;
  const topics = [...new Set(ctx.matcher.find(`${chosen.draft.title}. ${chosen.text}`).map((m) => m.id))];
  return {
    url: canonical,
    html: usePage ? page!.html : itemDocument(item!, itemHtml!, canonical),
    sidecar: { ...sidecar, url: canonical },
    fingerprint: createHash('sha256').update(dedupeKey(chosen.text)).digest('hex'),
    chars: chosen.text.length,
    topics,
    from: usePage ? 'page' : 'feed-item',
    title: chosen.draft.title,
  };
}

/** raw/<folder>/<last path segment>-<hash of the URL>.html: one file per URL, so an updated article replaces its file. */
export function rawFileFor(folder: string, url: string): string {
  const u = new URL(url);
  const segment =
    u.pathname
      .split('/')
      .filter(Boolean)
      .at(-1)
      ?.replace(/\.[a-z0-9]+$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'index';
  return `${folder}/${segment}-${createHash('sha256').update(url).digest('hex').slice(0, 10)}.html`;
}

/** Writes the page and its sidecar, each through a temporary file: an ingest never reads half a page. */
export function saveCapture(raw: string, file: string, c: Captured): void {
  const abs = join(raw, file);
  mkdirSync(dirname(abs), { recursive: true });
  const write = (path: string, content: string) => {
    // A hidden name: an ingest running meanwhile never lists it.
    const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  };
  // The sidecar first: a page without its sidecar would be read with less metadata.
  write(abs.replace(/\.html$/, '.meta.json'), `${JSON.stringify(c.sidecar, null, 2)}\n`);
  write(abs, c.html);
}

export { FetchError };
