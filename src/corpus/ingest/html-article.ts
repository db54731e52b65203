// An article page saved as HTML: fetched from a feed or a pasted link, or
// saved from a browser into raw/. The page's own declarations give the
// metadata (page-metadata.ts), then the sidecar (written from the feed item)
// fills the gaps. Readability finds the article body once navigation,
// footers, "related", newsletter and share blocks are gone; the body's blocks
// then go through the same layout steps as every other format.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { authorDisplay } from '../../text/author-list.js';
import type { RawSidecar } from '../schema.js';
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { pageMetadata, type PageDocument } from './page-metadata.js';
import { parsePublished } from './published-date.js';
import { statedArticle } from './stated-article.js';

/** Blocks that are never the article, by tag or ARIA role. */
const NEVER_ARTICLE =
  'script, style, noscript, template, iframe, form, nav, footer, aside, [role="navigation"], [role="contentinfo"], [role="complementary"]';
/** Class or id words of page furniture: related links, newsletter boxes, share bars, comments. */
const FURNITURE = new RegExp(
  String.raw`(?:^|[\s_-])(related|recommended|more-stories|read-more|readmore|newsletter|subscribe|subscription|signup|` +
    'share|sharing|social|comments?|promo|advert|ads|banner|cookie|breadcrumbs?|popular|trending|sidebar|paywall|' +
    String.raw`donate|tags)(?:$|[\s_-])`,
  'i',
);
const BLOCKS = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'TD', 'DD', 'DT']);
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'UL', 'OL', 'FIGURE', 'TABLE', 'TBODY', 'TR', 'DL', 'HEADER', 'SPAN']);
const HEADINGS = /^H[1-6]$/;

interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
  querySelector?(selector: string): DomNode | null;
  remove?(): void;
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Removes page furniture, keeping any block that holds most of the page's text (a wrapper named "has-sidebar"). */
function stripFurniture(document: ReturnType<typeof parseHTML>['document']): void {
  for (const el of [...document.querySelectorAll(NEVER_ARTICLE)]) el.remove();
  const bodyLength = squash(document.body?.textContent ?? '').length;
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE.test(names) || el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN')
      continue;
    if (el.querySelector('article, main, [itemprop="articleBody"]')) continue;
    if (squash(el.textContent).length > bodyLength * 0.3) continue;
    el.remove();
  }
}

/** Block text in reading order; a figcaption becomes a caption ("text Photo: credit"), headings are counted and left out. */
function blocksOf(root: DomNode, out: { paragraphs: string[]; headings: number }): void {
  let loose = '';
  const flush = () => {
    if (squash(loose)) out.paragraphs.push(squash(loose));
    loose = '';
  };
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 3) {
      loose += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.tagName ?? '';
    if (tag === 'BR') {
      loose += ' ';
      continue;
    }
    if (HEADINGS.test(tag)) {
      flush();
      if (squash(node.textContent)) out.headings++;
    } else if (tag === 'FIGCAPTION') {
      flush();
      const text = squash(node.textContent);
      if (text) out.paragraphs.push(/\b(Photo|Image|Credit|Picture)s?\s*:/i.test(text) ? text : `${text} Photo:`);
    } else if (tag === 'IMG' || tag === 'PICTURE' || tag === 'SVG' || tag === 'VIDEO') {
      // no text of its own
    } else if (BLOCKS.has(tag) && !hasBlockChild(node)) {
      flush();
      const text = squash(node.textContent);
      if (text) out.paragraphs.push(text);
    } else if (BLOCKS.has(tag) || CONTAINERS.has(tag)) {
      flush();
      blocksOf(node, out);
    } else loose += node.textContent ?? ''; // inline: a, em, strong, span...
  }
  flush();
}

function hasBlockChild(node: DomNode): boolean {
  return Array.from(node.childNodes).some(
    (c) => c.nodeType === 1 && (BLOCKS.has(c.tagName ?? '') || HEADINGS.test(c.tagName ?? '') || c.tagName === 'FIGCAPTION'),
  );
}

/** "Title | Outlet" or "Title - Outlet" in <title>: the outlet part goes. */
function withoutSiteSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const m = /^(.+?)\s+[|–—-]\s+(.+)$/.exec(title);
  return m && m[2]!.toLowerCase().includes(outlet.toLowerCase()) ? m[1]! : title;
}

function hostOf(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).hostname.replace(/^www\./, '') || null;
}

export function parseHtmlArticle(html: string, source: ArticleSource, sidecar: RawSidecar | null, knownNames: string[]): ArticleDraft {
  const { document } = parseHTML(html);
  const meta = pageMetadata(document as unknown as PageDocument);
  const firstHeading = squash(document.querySelector('h1')?.textContent ?? '') || null;
  stripFurniture(document);
  // charThreshold: short news items (300-500 characters) are articles too.
  const read = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const out = { paragraphs: [] as string[], headings: 0 };
  if (read?.content) blocksOf(parseHTML(`<html><body>${read.content}</body></html>`).document.body as unknown as DomNode, out);
  else if (document.body) blocksOf(document.body as unknown as DomNode, out);

  const url = meta.url && URL.canParse(meta.url) ? meta.url : (sidecar?.url ?? null);
  const named = meta.outlet ?? sidecar?.outlet ?? read?.siteName ?? null;
  const outlet = named ?? hostOf(url);
  const rawTitle = meta.title ?? sidecar?.title ?? firstHeading ?? meta.documentTitle ?? null;
  const title = rawTitle ? withoutSiteSuffix(rawTitle, outlet) : source.file.replace(/^.*\//, '').replace(/\.html?$/i, '');
  const authors = meta.authors.length ? meta.authors : (sidecar?.authors ?? (sidecar?.author ? [sidecar.author] : []));
  const byline = read?.byline ? squash(read.byline).replace(/^by\s+/i, '') : null;
  const draft = statedArticle(
    {
      title,
      outlet: named,
      outletFallback: hostOf(url),
      author: authorDisplay(authors) ?? (byline && byline.length <= 120 ? byline : null),
      // The page's date first, but only one that reads as a date: a page that states it badly leaves it to the feed.
      published: [meta.published, sidecar?.published].find((d) => d && parsePublished(d)) ?? null,
      url: url ?? undefined,
    },
    out.paragraphs,
    source,
    knownNames,
  );
  return { ...draft, dropped: { ...draft.dropped, headings: draft.dropped.headings + out.headings } };
}
