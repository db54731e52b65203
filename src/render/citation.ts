// How a source is cited, in every renderer: outlet, title, author, date.
// Unknown parts are said to be unknown rather than left out.
import type { ArticleRef } from '../briefing/answer-types.js';
import { MONTHS } from '../text/months.js';

/** "15 Jul 2025", "about 31 Jul 2025", or "date unknown". */
export function formatPublished(a: Pick<ArticleRef, 'published' | 'published_approximate'>): string {
  if (!a.published) return 'date unknown';
  const [y, m, d] = a.published.split('-').map(Number);
  const day = `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
  return a.published_approximate ? `about ${day}` : day;
}

export function citation(a: ArticleRef): string {
  return [a.outlet ?? 'outlet unknown', `"${a.title}"`, a.author ?? 'author unknown', formatPublished(a)].join(' · ');
}
