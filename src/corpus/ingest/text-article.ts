// A plain-text article: a scrape saved as .txt that is not an aggregator page.
// Its first line is the headline (a sidecar's title wins), the credit lines
// under it give the author and date and are never quoted, and the rest goes
// through the layout steps every format shares. A text file is refused only
// when it holds no text at all.
import { authorDisplay } from '../../text/author-list.js';
import { DataFileError } from '../data-file-error.js';
import type { RawSidecar } from '../schema.js';
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { headerCredits } from './header-lines.js';
import { statedArticle } from './stated-article.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Paragraphs: blank lines separate them; a text with none has one per line. */
export function textParagraphs(text: string): string[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const split = blocks.length > 1 ? blocks : text.split('\n');
  return split.map(squash).filter(Boolean);
}

function hostOf(url: string | undefined): string | null {
  return url && URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : null;
}

/** The article from its paragraphs, the headline among them or not: shared by text and front-matter-less Markdown. */
export function creditedArticle(
  title: string | null,
  paragraphs: string[],
  source: ArticleSource,
  sidecar: RawSidecar | null,
  knownNames: string[],
): ArticleDraft {
  const headline = sidecar?.title ?? title ?? paragraphs[0] ?? null;
  // The first line is the headline unless a sidecar gave the title and the text starts with something else.
  const body = !title && !sidecar?.title ? paragraphs.slice(1) : paragraphs.filter((p, i) => i > 0 || squash(p) !== squash(headline ?? ''));
  if (!headline || body.length === 0) throw new DataFileError(source.file, 'no article text: the file holds no paragraph under its title');
  const credits = headerCredits(body);
  return statedArticle(
    {
      title: headline.slice(0, 300),
      outlet: sidecar?.outlet ?? null,
      outletFallback: hostOf(sidecar?.url),
      author: authorDisplay(credits.authors) ?? authorDisplay(sidecar?.authors ?? (sidecar?.author ? [sidecar.author] : [])),
      published: credits.published ?? sidecar?.published ?? null,
      url: sidecar?.url,
    },
    credits.rest,
    source,
    knownNames,
  );
}

export function parseTextArticle(text: string, source: ArticleSource, sidecar: RawSidecar | null, knownNames: string[]): ArticleDraft {
  return creditedArticle(null, textParagraphs(text), source, sidecar, knownNames);
}
