// Markdown articles, best with a front-matter block (without one, the first
// heading is the headline and a sidecar may give the rest):
//   ---
//   title: ...
//   outlet: ...
//   author: ...          (optional)
//   published: 2025-07-15 (optional)
//   url: https://...      (optional)
//   tags: [a, b]          (optional)
//   ---
// Headings and code are not quotable; an image's alt text is a caption and
// its title the credit.
import { marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { DataFileError, fromZodError } from '../data-file-error.js';
import { frontMatterSchema } from '../schema.js';
import { authorDisplay } from '../../text/author-list.js';
import type { RawSidecar } from '../schema.js';
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { headerCredits } from './header-lines.js';
import { statedArticle } from './stated-article.js';
import { creditedArticle } from './text-article.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseMarkdownArticle(text: string, source: ArticleSource, sidecar: RawSidecar | null, knownNames: string[]): ArticleDraft {
  const fm = FRONT_MATTER.exec(text);
  // Without front matter: the first heading (or line) is the headline, and the credit lines under it are read.
  if (!fm) return creditedArticle(firstHeading(text), markdownParagraphs(text), source, sidecar, knownNames);
  let meta: unknown;
  try {
    meta = parseYaml(fm[1]!);
  } catch (e) {
    throw new DataFileError(source.file, `front matter is not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
  const parsed = frontMatterSchema.safeParse(meta ?? {});
  if (!parsed.success) throw fromZodError(source.file, parsed.error, 'front matter: ');
  // Credit lines under the front matter ("By …", "Published on …") are never quoted; they fill what it leaves out.
  const credits = headerCredits(markdownParagraphs(text.slice(fm[0].length)));
  const stated = {
    ...parsed.data,
    author: parsed.data.author ?? authorDisplay(credits.authors),
    published: parsed.data.published ?? credits.published,
  };
  return statedArticle(stated, credits.rest, source, knownNames);
}

/** The first level-one heading's text, or null. */
function firstHeading(text: string): string | null {
  const h = marked.lexer(text).find((t): t is Tokens.Heading => t.type === 'heading' && (t as Tokens.Heading).depth === 1);
  return h ? inlineText(h.tokens) : null;
}

/** Block-level text in reading order; an image becomes "alt Photo: title" so the caption rules apply. */
function markdownParagraphs(body: string): string[] {
  const out: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (t.type === 'paragraph') {
        const p = t as Tokens.Paragraph;
        const only = p.tokens.length === 1 ? p.tokens[0] : undefined;
        if (only?.type === 'image') {
          const img = only as Tokens.Image;
          const credit = img.title ?? '';
          out.push(/^(Photo|Image|Credit|Picture)s?\s*:/i.test(credit) ? `${img.text} ${credit}` : `${img.text} Photo: ${credit}`.trim());
        } else out.push(inlineText(p.tokens));
      } else if (t.type === 'blockquote') walk((t as Tokens.Blockquote).tokens);
      else if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens);
      else if (t.type === 'text') out.push(inlineText((t as Tokens.Text).tokens ?? [t]));
      // headings, code, tables, html and rules carry no quotable prose
    }
  };
  walk(marked.lexer(body));
  return out.map((p) => p.trim()).filter(Boolean);
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'image') return inlineText(t.tokens);
      if (t.type === 'br') return ' ';
      if (t.type === 'html') return '';
      return 'text' in t && typeof t.text === 'string' ? decodeEntities(t.text) : '';
    })
    .join('');
}

function decodeEntities(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39|apos|nbsp);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[e] ?? _,
  );
}
