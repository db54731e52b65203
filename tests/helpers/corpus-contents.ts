// Everything a small test corpus holds, read through the Corpus interface:
// articles in reading order of their files, and their passages.
import type { Article, Passage } from '../../src/corpus/records.js';
import type { Corpus } from '../../src/corpus/corpus.js';

export async function contents(corpus: Corpus): Promise<{ articles: Article[]; passages: Passage[] }> {
  const articles = (await corpus.articles(0, 100_000)).sort(
    (a, b) => a.source.file.localeCompare(b.source.file) || a.id.localeCompare(b.id),
  );
  const passages = await Promise.all(articles.map((a) => corpus.passagesOf(a.id)));
  return { articles, passages: passages.flat() };
}
