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

/** What a passage's id (and its template-text key) is made from: the hash of its text, punctuation and case aside. */
export function passageDigest(text: string): string {
  return createHash('sha256').update(dedupeKey(text)).digest('hex');
}

/** Passage ids within one article, from their digests; a hash collision lengthens the hash, deterministically. */
export function passageIds(article: string, digests: string[]): string[] {
  const used = new Set<string>();
  return digests.map((full) => {
    let len = 6;
    while (used.has(full.slice(0, len)) && len < full.length) len++;
    const part = full.slice(0, len);
    used.add(part);
    return `${article}.${part}`;
  });
}
