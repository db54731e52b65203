// /sources: every article in the corpus, newest first; undated ones last.
import type { Corpus } from '../corpus/corpus.js';
import type { SourcesAnswer } from './answer-types.js';
import { articleRef } from './quotes.js';

export function sources(corpus: Corpus): SourcesAnswer {
  const articles = [...corpus.data.articles]
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title))
    .map((a) => ({ ...articleRef(a), published_text: a.publishedText, url: a.url, passages: a.passages, tags: a.tags }));
  return { ok: true, command: 'sources', articles };
}
