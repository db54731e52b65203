// Whether two articles tell one story: a wire copy in another outlet, a lightly
// edited rewrite, an update at the same address. Judged from what they say,
// not from their addresses: most of the shorter one's sentences are the
// other's, or they are the same URL.
import type { Article, Passage } from '../corpus/records.js';
import { dedupeKey } from '../text/normalize.js';

/** The share of the shorter article's body sentences the other must hold. */
const SHARED = 0.5;

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
 * The articles grouped into stories, each story in the order given (its first article first). Every pair is
 * compared: a digest's period holds a few hundred articles at most.
 */
export function groupStories<T extends Told>(told: readonly T[]): T[][] {
  const head = told.map((_, i) => i);
  const find = (i: number): number => (head[i] === i ? i : (head[i] = find(head[i]!)));
  for (let i = 0; i < told.length; i++)
    for (let j = i + 1; j < told.length; j++) if (find(i) !== find(j) && sameStory(told[i]!, told[j]!)) head[find(j)] = find(i);
  const groups = new Map<number, T[]>();
  told.forEach((t, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), t]);
  });
  return [...groups.values()];
}
