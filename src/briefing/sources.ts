// /sources: the articles in the corpus, newest first; undated ones last.
import type { Corpus } from '../corpus/corpus.js';
import type { Article } from '../corpus/records.js';
import type { AddedAnswer, SourceEntry, SourcesAnswer } from './answer-types.js';
import { articleRef } from './quotes.js';
import { clampOffset, windowOf, type Window } from './window.js';

export async function sources(corpus: Corpus, window?: Partial<Window>): Promise<SourcesAnswer> {
  const total = (await corpus.size()).articles;
  const w = windowOf(window);
  const offset = clampOffset(w, total);
  const articles = (await corpus.articles(offset, w.limit)).map(sourceEntry);
  return { ok: true, command: 'sources', articles, total, offset };
}

export function sourceEntry(a: Article): SourceEntry {
  return { ...articleRef(a), published_text: a.publishedText, passages: a.passages, tags: a.tags };
}

/** The card for an article added by URL: the articles its saved file now serves. */
export async function addedArticle(corpus: Corpus, file: string, outcome: AddedAnswer['outcome'], url: string): Promise<AddedAnswer> {
  const articles = (await corpus.articlesInFile(file)).map(sourceEntry);
  return { ok: true, command: 'add', outcome, url, articles, quotes: articles.reduce((n, a) => n + a.passages, 0) };
}
