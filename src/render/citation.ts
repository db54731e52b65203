// How a source is cited, in every renderer: outlet, title, author, date.
// Unknown parts are said to be unknown rather than left out.
import type { AddedAnswer, ArticleRef } from '../briefing/answer-types.js';
import { MONTHS } from '../text/months.js';

/** "15 Jul 2025", "about 31 Jul 2025", or "date unknown". */
export function formatPublished(a: Pick<ArticleRef, 'published' | 'published_approximate'>): string {
  if (!a.published) return 'date unknown';
  const [y, m, d] = a.published.split('-').map(Number);
  const day = `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
  return a.published_approximate ? `about ${day}` : day;
}

/** One line on an article added by URL, for every renderer. */
export function addedHeadline(a: AddedAnswer): string {
  const what = a.articles.length === 1 ? 'the article' : `${a.articles.length} articles`;
  switch (a.outcome) {
    case 'new':
      return `Added ${what}: ${a.quotes} quote(s)`;
    case 'changed':
      return `The page had changed: ${what} now hold(s) ${a.quotes} quote(s) (unchanged sentences keep their ids)`;
    case 'unchanged':
      return `Already in the corpus, unchanged: ${a.quotes} quote(s)`;
    case 'duplicate':
      return `The same text is already in the corpus from another address: ${a.quotes} quote(s)`;
  }
}

/** Longest article URL a citation links to; a longer one is a tracking monster and is left out. */
const MAX_LINK = 300;

/**
 * The article's URL when it is safe to show as a link: http(s) only, and with
 * the characters that would end a Markdown link or an angle-bracket escape
 * percent-encoded. Null otherwise.
 */
export function linkableUrl(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const href = u.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return href.length <= MAX_LINK ? href : null;
}

export function citation(a: ArticleRef): string {
  const link = linkableUrl(a.url);
  return [a.outlet ?? 'outlet unknown', `"${a.title}"`, a.author ?? 'author unknown', formatPublished(a), ...(link ? [link] : [])].join(
    ' · ',
  );
}
