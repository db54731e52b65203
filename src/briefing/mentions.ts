// The fallback for a name the gazetteer does not know: passages that mention
// it as written (every word, in order), ranked by the full-text index.
import type { Corpus } from '../corpus/corpus.js';
import { searchTokens } from '../corpus/search-tokens.js';
import { dedupeKey } from '../text/normalize.js';
import type { Quote, QuotePage } from './answer-types.js';
import { findActor, findCorridor } from './entity-names.js';
import { fullText, hitQuotes, queryTerms } from './full-text.js';
import { MAX_QUOTES, quotesFor, quoteWindow } from './quotes.js';
import type { Window } from './window.js';

/**
 * Passages that mention the name as written, newest first. The index finds the
 * words in order (stemmed); the check as written (punctuation aside) drops the
 * few that differ, so a little more is asked for than is shown. Newest first
 * needs no scoring: at 70,000 articles, ranking every passage holding the words
 * cost more than the rest of the answer.
 */
const PHRASE_HEADROOM = 1.5;

/** The mentions as quotes (only those of `window`, when given: the check as written needs them all read), and how many. */
export async function mentionsOf(corpus: Corpus, name: string, window?: Partial<Window>): Promise<{ quotes: Quote[]; total: number }> {
  const terms = queryTerms(name);
  const phrase = ` ${dedupeKey(name)} `;
  if (terms.length === 0 || phrase.trim() === '') return { quotes: [], total: 0 };
  const words = searchTokens(name).map((t) => t.term);
  const found = await fullText(corpus, terms, 'all', Math.ceil(MAX_QUOTES * PHRASE_HEADROOM), [words], 'newest');
  const hits = found.hits.filter((h) => ` ${dedupeKey(h.passage.text)} `.includes(phrase)).slice(0, MAX_QUOTES);
  const w = quoteWindow(window);
  return { quotes: await hitQuotes(corpus, hits.slice(w.offset, w.offset + w.limit), found.stems), total: hits.length };
}

/** The mention-search answer for /actor or /corridor, with a note saying why; null when nothing mentions the name. */
export async function mentionFallback(
  corpus: Corpus,
  name: string,
  asked: 'actor' | 'corridor',
  window?: Partial<Window>,
): Promise<{ fallback: { kind: 'mentions'; name: string; note: string }; quotes: Quote[]; page?: QuotePage } | null> {
  const other = asked === 'actor' ? findCorridor(corpus.names, name) : findActor(corpus.names, name);
  const w = quoteWindow(window);
  // A name of the other kind has its passages ranked at ingest: no full-text search needed.
  const type = asked === 'actor' ? 'corridor' : 'actor';
  const { quotes, total } = other
    ? {
        quotes: await quotesFor(corpus, await corpus.ranked(type, other.id, { limit: w.limit, offset: w.offset })),
        total: Math.min(MAX_QUOTES, (await corpus.entity(type, other.id)).passages),
      }
    : await mentionsOf(corpus, name, window);
  if (total === 0) return null;
  const note = other
    ? `${other.name} is ${asked === 'actor' ? 'a corridor' : 'an actor'}: /${asked === 'actor' ? 'corridor' : 'actor'} ` +
      `name:${other.name} gives its card. Showing passages that mention "${name}".`
    : `"${name}" is not in the gazetteer; showing passages that mention it.`;
  return { fallback: { kind: 'mentions', name, note }, quotes, ...(w.paged ? { page: { offset: w.offset, total } } : {}) };
}
