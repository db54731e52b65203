// Passage -> quote with its full citation.
import type { Article, Passage } from '../corpus/build-schema.js';
import type { Corpus } from '../corpus/corpus.js';
import type { ArticleRef, Quote, Span } from './answer-types.js';

export function articleRef(a: Article): ArticleRef {
  return { id: a.id, title: a.title, outlet: a.outlet, author: a.author, published: a.published, published_approximate: a.publishedApproximate };
}

export function toQuote(corpus: Corpus, p: Passage, matches?: Span[]): Quote {
  const a = corpus.article(p.articleId);
  if (!a) throw new Error(`passage ${p.id} cites unknown article ${p.articleId}`);
  return {
    id: p.id,
    text: p.text,
    kind: p.kind,
    ...(p.credit ? { credit: p.credit } : {}),
    article: articleRef(a),
    ...(matches ? { matches } : {}),
  };
}

// A quote without marks is read-only data: build it once per corpus and share it between answers,
// instead of rebuilding thousands per /actor on a common name (the benchmark's memory churn).
const shared = new WeakMap<Corpus, Map<string, Quote>>();

/** Quotes for passage ids, skipping ids the build does not hold. */
export function quotesFor(corpus: Corpus, ids: Iterable<string>): Quote[] {
  let made = shared.get(corpus);
  if (!made) shared.set(corpus, (made = new Map()));
  const out: Quote[] = [];
  for (const id of ids) {
    let q = made.get(id);
    if (!q) {
      const p = corpus.passage(id);
      if (!p) continue;
      made.set(id, (q = toQuote(corpus, p)));
    }
    out.push(q);
  }
  return out;
}
