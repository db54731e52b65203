// Markdown and JSON articles state their metadata (title, outlet, author,
// date); only the body needs the layout steps. One function serves both.
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { layoutArticle } from './article-layout.js';
import { buildLexicon } from './layout-cues.js';
import { parsePublished } from './published-date.js';

/** Metadata as a file states it; an HTML page may leave the outlet unknown. */
export interface StatedMeta {
  title: string;
  outlet: string | null;
  /** Used when neither the metadata nor the text names the outlet (a web page's host). */
  outletFallback?: string | null;
  author?: string | null | undefined;
  published?: string | null | undefined;
  modified?: string | null | undefined;
  url?: string | undefined;
  tags?: string[] | undefined;
}

export function statedArticle(
  meta: StatedMeta,
  paragraphs: string[],
  source: ArticleSource,
  knownNames: string[],
  o: { keepShortLines?: boolean } = {},
): ArticleDraft {
  const laid = layoutArticle(paragraphs, {
    runIn: false,
    author: meta.author ?? null,
    lex: buildLexicon(paragraphs, knownNames),
    keepShortLines: o.keepShortLines ?? false,
  });
  return {
    title: meta.title,
    // A disclaimer or copyright line naming the institution beats a web page's host name.
    outlet: meta.outlet ?? laid.outletHint ?? meta.outletFallback ?? null,
    author: laid.author,
    published: meta.published ? parsePublished(meta.published) : null,
    modified: meta.modified ? parsePublished(meta.modified) : null,
    url: meta.url ?? null,
    tags: meta.tags ?? laid.tags,
    items: laid.items,
    dropped: laid.dropped,
    source,
  };
}
