// Whether two articles tell one story: a wire copy in another outlet, a lightly
// edited rewrite, an update at the same address. Judged from what they say,
// not from their addresses: most of the shorter one's sentences are the
// other's, or they are the same URL.
import type { Article, Passage } from '../corpus/records.js';
import { dedupeKey } from '../text/normalize.js';

/** The share of the shorter article's body sentences the other must hold. */
const SHARED = 0.5;
/** More articles than this holding one sentence: furniture, left out of the comparison. */
const MAX_HOLDERS = 50;

const keysOf = (passages: readonly Passage[]) =>
  new Set(passages.filter((p) => p.kind === 'body' && p.text.length >= 40).map((p) => dedupeKey(p.text)));

export function sameStory(
  a: { article: Article; passages: readonly Passage[] },
  b: { article: Article; passages: readonly Passage[] },
): boolean {
  if (a.article.url && a.article.url === b.article.url) return true;
  const [x, y] = [keysOf(a.passages), keysOf(b.passages)];
  const smaller = Math.min(x.size, y.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const k of x) if (y.has(k)) shared++;
  return shared >= SHARED * smaller;
}

/** An article with its passages, as a story is told from them. */
export interface Told {
  article: Article;
  passages: readonly Passage[];
}

/**
 * The articles grouped into stories, each story in the order given (its first article first). Articles are
 * compared only where they share a sentence or an address (an index of both), so a day of 800 articles costs a
 * few milliseconds, not the 300,000 comparisons of every pair.
 */
export function groupStories<T extends Told>(told: readonly T[]): T[][] {
  const head = told.map((_, i) => i);
  const find = (i: number): number => (head[i] === i ? i : (head[i] = find(head[i]!)));
  const join = (i: number, j: number) => {
    const [a, b] = [find(i), find(j)];
    if (a !== b) head[Math.max(a, b)] = Math.min(a, b);
  };
  const keys = told.map((t) => keysOf(t.passages));
  const byKey = new Map<string, number[]>();
  const byUrl = new Map<string, number>();
  told.forEach((t, i) => {
    for (const k of keys[i]!) byKey.set(k, [...(byKey.get(k) ?? []), i]);
    const url = t.article.url;
    if (url && byUrl.has(url)) join(byUrl.get(url)!, i);
    else if (url) byUrl.set(url, i);
  });
  // How many sentences each pair shares, for the pairs that share any.
  const shared = new Map<string, number>();
  for (const holders of byKey.values()) {
    // A sentence in this many articles at once is an outlet's furniture, not a story's.
    if (holders.length > MAX_HOLDERS) continue;
    for (let x = 0; x < holders.length; x++)
      for (let y = x + 1; y < holders.length; y++) {
        const pair = `${holders[x]}:${holders[y]}`;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
  }
  for (const [pair, n] of shared) {
    const [i, j] = pair.split(':').map(Number) as [number, number];
    if (n >= SHARED * Math.min(keys[i]!.size, keys[j]!.size)) join(i, j);
  }
  const groups = new Map<number, T[]>();
  told.forEach((t, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), t]);
  });
  return [...groups.values()];
}
