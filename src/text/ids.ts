// Stable ids. An id depends only on what it names (an article's outlet and
// title, a passage's text), so re-ingesting the same input gives the same ids
// and adding an article changes no existing id.
import { createHash } from 'node:crypto';
import { dedupeKey } from './normalize.js';

export function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export function articleId(outlet: string | null, title: string): string {
  return shortHash(`${dedupeKey(outlet ?? '')}\n${dedupeKey(title)}`, 8);
}

/** Passage ids within one article; a hash collision lengthens the hash, deterministically. */
export function passageIds(article: string, texts: string[]): string[] {
  const used = new Set<string>();
  return texts.map((t) => {
    const full = createHash('sha256').update(dedupeKey(t)).digest('hex');
    let len = 6;
    while (used.has(full.slice(0, len)) && len < full.length) len++;
    const part = full.slice(0, len);
    used.add(part);
    return `${article}.${part}`;
  });
}
