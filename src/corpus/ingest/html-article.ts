// An article page saved as HTML: fetched from a feed or a pasted link, or
// saved from a browser into raw/. The page's own declarations give the
// metadata (page-metadata.ts), then the sidecar (written from the feed item)
// fills the gaps. Readability finds the article body once navigation,
// footers, "related", newsletter and share blocks are gone; the body's blocks
// then go through the same layout steps as every other format.
import { parseHTML } from 'linkedom';
import { articleBody } from './html-body.js';
import { authorDisplay } from '../../text/author-list.js';
import type { RawSidecar } from '../schema.js';
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { pageMetadata, type PageDocument } from './page-metadata.js';
import { parsePublished } from './published-date.js';
import { statedArticle } from './stated-article.js';
import { creditedAgency, leadingByline, pageAuthors, wireOutlet } from './page-credits.js';

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** "Title | Outlet" or "Title - Outlet" in <title>: the outlet part goes. */
function withoutSiteSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const m = /^(.+?)\s+[|–—-]\s+(.+)$/.exec(title);
  return m && m[2]!.toLowerCase().includes(outlet.toLowerCase()) ? m[1]! : title;
}

const titleKey = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The headline a reader sees: of the headlines the page declares (JSON-LD, OpenGraph, Twitter, <title>), the one
 * an <h1> of the page shows. Pages often declare a search-engine or social headline beside the one they print.
 */
function shownHeadline(headings: readonly string[], declared: readonly string[]): string | null {
  const shown = new Set(headings.map(titleKey));
  return declared.find((t) => shown.has(titleKey(t))) ?? null;
}

function hostOf(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).hostname.replace(/^www\./, '') || null;
}

export function parseHtmlArticle(html: string, source: ArticleSource, sidecar: RawSidecar | null, knownNames: string[]): ArticleDraft {
  const { document } = parseHTML(html);
  const meta = pageMetadata(document as unknown as PageDocument);
  // Read before Readability, which takes headings out of the page it is given.
  const headings = [...document.querySelectorAll('h1')].map((h) => squash(h.textContent)).filter(Boolean);
  const firstHeading = headings[0] ?? null;
  const out = articleBody(document, meta.articleBody);

  const url = meta.url && URL.canParse(meta.url) ? meta.url : (sidecar?.url ?? null);
  const credits = [...meta.authors, out.byline ?? null];
  const named = wireOutlet(meta.outlet, credits, url) ?? sidecar?.outlet ?? creditedAgency(credits);
  const outlet = named ?? hostOf(url);
  // A declared headline the page also prints first. Otherwise the declared one: measured on the fundus pages, it is
  // the one the article goes by more often than <h1>, whose first instance is often a site banner or "Log in".
  const siteless = meta.documentTitle ? withoutSiteSuffix(meta.documentTitle, outlet) : null;
  const shown = shownHeadline(headings, [...meta.titles, ...(siteless ? [siteless] : [])]);
  const rawTitle = shown ?? meta.title ?? sidecar?.title ?? firstHeading ?? meta.documentTitle ?? null;
  const title = rawTitle ? withoutSiteSuffix(rawTitle, outlet) : source.file.replace(/^.*\//, '').replace(/\.html?$/i, '');
  const declared = meta.authors.length ? meta.authors : (sidecar?.authors ?? (sidecar?.author ? [sidecar.author] : []));
  // A name alone at the head of the text is the byline, printed there instead of above it: never a quote.
  const lead = out.captionAt?.has(0) ? null : leadingByline(out.paragraphs[0], knownNames);
  const authors = pageAuthors(declared, [out.byline ?? null, lead], outlet);
  const paragraphs = lead ? out.paragraphs.slice(1) : out.paragraphs;
  const captionAt = lead ? new Map([...(out.captionAt ?? [])].map(([i, credit]) => [i - 1, credit] as const)) : out.captionAt;
  const draft = statedArticle(
    {
      title,
      outlet: named,
      outletFallback: hostOf(url),
      author: authorDisplay(authors),
      // The page's date first, but only one that reads as a date: a page that states it badly leaves it to the feed.
      published: [meta.published, sidecar?.published].find((d) => d && parsePublished(d)) ?? null,
      modified: meta.modified,
      url: url ?? undefined,
    },
    paragraphs,
    source,
    knownNames,
    { keepShortLines: true, captionAt },
  );
  return { ...draft, dropped: { ...draft.dropped, headings: draft.dropped.headings + out.headings } };
}
