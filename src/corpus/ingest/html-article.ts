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
import { creditedAgency, pageAuthors, wireOutlet } from './page-credits.js';

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

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
  const out = articleBody(document, meta.articleBody);

  const url = meta.url && URL.canParse(meta.url) ? meta.url : (sidecar?.url ?? null);
  const credits = [...meta.authors, out.byline ?? null];
  const named = wireOutlet(meta.outlet, credits, url) ?? sidecar?.outlet ?? creditedAgency(credits);
  const outlet = named ?? hostOf(url);
  // The declared headline first: measured on the fundus pages, it is the one the article goes by more often than <h1>.
  const rawTitle = meta.title ?? sidecar?.title ?? firstHeading ?? meta.documentTitle ?? null;
  const title = rawTitle ? withoutSiteSuffix(rawTitle, outlet) : source.file.replace(/^.*\//, '').replace(/\.html?$/i, '');
  const declared = meta.authors.length ? meta.authors : (sidecar?.authors ?? (sidecar?.author ? [sidecar.author] : []));
  const authors = pageAuthors(declared, out.byline ?? null, outlet);
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
    out.paragraphs,
    source,
    knownNames,
    { keepShortLines: true },
  );
  return { ...draft, dropped: { ...draft.dropped, headings: draft.dropped.headings + out.headings } };
}
