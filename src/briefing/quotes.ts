// Passage -> quote with its full citation.
import type { Article, Passage } from '../corpus/records.js';
import type { Corpus } from '../corpus/corpus.js';
import { authorsOf } from '../text/author-list.js';
import type { ArticleRef, Quote, QuoteSpeech, Span } from './answer-types.js';
import type { Window } from './window.js';

/** The best quotes an answer carries (20 pages in Discord); the card says how many there are in all. */
export const MAX_QUOTES = 100;

/**
 * Which of an answer's MAX_QUOTES quotes to read: all of them (the console, JSON), or the page Discord draws, so that
 * a page or a button press reads five quotes, not a hundred.
 */
export function quoteWindow(window: Partial<Window> | undefined): { offset: number; limit: number; paged: boolean } {
  if (!window) return { offset: 0, limit: MAX_QUOTES, paged: false };
  const offset = Math.min(MAX_QUOTES, Math.max(0, Math.floor(window.offset ?? 0)));
  const limit = Math.max(0, Math.min(Math.floor(window.limit ?? MAX_QUOTES), MAX_QUOTES - offset));
  return { offset, limit, paged: true };
}

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

/**
 * The articles some passages cite, read in one query (a page of quotes often
 * cites one article several times), as a lookup the quotes are then built with.
 */
export async function articlesCited(corpus: Corpus, passages: readonly Passage[]): Promise<(id: string) => Article> {
  const ids = [...new Set(passages.map((p) => p.articleId))];
  const byId = new Map((ids.length ? await corpus.articles(0, ids.length, ids) : []).map((a) => [a.id, a]));
  return (id) => {
    const a = byId.get(id);
    if (!a) throw new Error(`a passage cites unknown article ${id}`);
    return a;
  };
}

/** A gazetteer actor's display name; the id when the gazetteer no longer has it. */
export type ActorNames = (id: string) => string | undefined;

export function quoteSpeech(p: Passage, actorName: ActorNames): QuoteSpeech | null {
  const s = p.speech;
  if (!s) return null;
  const named = (id: string | null) => (id ? { id, name: actorName(id) ?? id } : null);
  return {
    kind: s.kind,
    cue: s.cue,
    speaker: { name: s.speaker.name, actor: named(s.speaker.actor), anonymous: s.speaker.anonymous },
    about: s.about ? { name: s.about.name, actor: named(s.about.actor) } : null,
  };
}

export function toQuote(articleOf: (id: string) => Article, p: Passage, matches?: Span[], actorName: ActorNames = () => undefined): Quote {
  return {
    id: p.id,
    text: p.text,
    kind: p.kind,
    ...(p.credit ? { credit: p.credit } : {}),
    article: articleRef(articleOf(p.articleId)),
    ...(matches ? { matches } : {}),
    speech: quoteSpeech(p, actorName),
  };
}

export async function quotesFor(corpus: Corpus, passages: readonly Passage[]): Promise<Quote[]> {
  const articleOf = await articlesCited(corpus, passages);
  return passages.map((p) => toQuote(articleOf, p, undefined, (id) => corpus.actor(id)?.name));
}
