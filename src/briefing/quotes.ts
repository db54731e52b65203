// Passage -> quote with its full citation.
import type { Article, Passage } from '../corpus/records.js';
import type { Corpus } from '../corpus/corpus.js';
import { authorsOf } from '../text/author-list.js';
import type { ArticleRef, Quote, Span } from './answer-types.js';

/** The best quotes an answer carries (20 pages in Discord); the card says how many there are in all. */
export const MAX_QUOTES = 100;

export function articleRef(a: Article): ArticleRef {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    author: a.author,
    authors: authorsOf(a.author),
    published: a.published,
    published_approximate: a.publishedApproximate,
    published_at: a.publishedAt,
    url: a.url,
  };
}

/** Article lookups for one answer: a page of quotes often cites the same article several times. */
export function articleCache(corpus: Corpus): (id: string) => Article {
  const seen = new Map<string, Article>();
  return (id) => {
    let a = seen.get(id);
    if (!a) {
      a = corpus.article(id);
      if (!a) throw new Error(`a passage cites unknown article ${id}`);
      seen.set(id, a);
    }
    return a;
  };
}

export function toQuote(articleOf: (id: string) => Article, p: Passage, matches?: Span[]): Quote {
  return {
    id: p.id,
    text: p.text,
    kind: p.kind,
    ...(p.credit ? { credit: p.credit } : {}),
    article: articleRef(articleOf(p.articleId)),
    ...(matches ? { matches } : {}),
  };
}

export function quotesFor(corpus: Corpus, passages: readonly Passage[]): Quote[] {
  const articleOf = articleCache(corpus);
  return passages.map((p) => toQuote(articleOf, p));
}
