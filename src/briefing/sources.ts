// /sources: the articles in the corpus, newest first; undated ones last.
import type { Corpus } from '../corpus/corpus.js';
import type { SourcesAnswer } from './answer-types.js';
import { articleRef } from './quotes.js';
import { clampOffset, windowOf, type Window } from './window.js';

export function sources(corpus: Corpus, window?: Partial<Window>): SourcesAnswer {
  const total = corpus.size().articles;
  const w = windowOf(window);
  const offset = clampOffset(w, total);
  const articles = corpus
    .articles(offset, w.limit)
    .map((a) => ({ ...articleRef(a), published_text: a.publishedText, url: a.url, passages: a.passages, tags: a.tags }));
  return { ok: true, command: 'sources', articles, total, offset };
}
