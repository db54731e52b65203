// Markdown and JSON articles state their metadata (title, outlet, author,
// date); only the body needs the layout steps. One function serves both.
import type { FrontMatter } from '../schema.js';
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { layoutArticle } from './article-layout.js';
import { buildLexicon } from './layout-cues.js';
import { parsePublished } from './published-date.js';

export function statedArticle(meta: FrontMatter, paragraphs: string[], source: ArticleSource, knownNames: string[]): ArticleDraft {
  const laid = layoutArticle(paragraphs, { runIn: false, author: meta.author ?? null, lex: buildLexicon(paragraphs, knownNames) });
  return {
    title: meta.title,
    outlet: meta.outlet,
    author: laid.author,
    published: meta.published ? parsePublished(meta.published) : null,
    url: meta.url ?? null,
    tags: meta.tags ?? laid.tags,
    items: laid.items,
    dropped: laid.dropped,
    source,
  };
}
