// The fallback for a name the gazetteer does not know: passages that mention
// it as written (every word, in order), ranked by the full-text index.
import type { Corpus } from '../corpus/corpus.js';
import { searchTokens } from '../corpus/search-tokens.js';
import { dedupeKey } from '../text/normalize.js';
import type { Quote } from './answer-types.js';
import { findActor, findCorridor } from './entity-names.js';
import { fullText, hitQuotes, queryTerms } from './full-text.js';
import { MAX_QUOTES, quotesFor } from './quotes.js';

/**
 * Passages that mention the name as written, newest first. The index finds the
 * words in order (stemmed); the check as written (punctuation aside) drops the
 * few that differ, so a little more is asked for than is shown. Newest first
 * needs no scoring: at 70,000 articles, ranking every passage holding the words
 * cost more than the rest of the answer.
 */
const PHRASE_HEADROOM = 1.5;

export async function mentionsOf(corpus: Corpus, name: string): Promise<Quote[]> {
  const terms = queryTerms(name);
  const phrase = ` ${dedupeKey(name)} `;
  if (terms.length === 0 || phrase.trim() === '') return [];
  const words = searchTokens(name).map((t) => t.term);
  const found = await fullText(corpus, terms, 'all', Math.ceil(MAX_QUOTES * PHRASE_HEADROOM), [words], 'newest');
  const hits = found.hits.filter((h) => ` ${dedupeKey(h.passage.text)} `.includes(phrase)).slice(0, MAX_QUOTES);
  return hitQuotes(corpus, hits, found.stems);
}

/** The mention-search answer for /actor or /corridor, with a note saying why; null when nothing mentions the name. */
export async function mentionFallback(
  corpus: Corpus,
  name: string,
  asked: 'actor' | 'corridor',
): Promise<{ fallback: { kind: 'mentions'; name: string; note: string }; quotes: Quote[] } | null> {
  const other = asked === 'actor' ? findCorridor(corpus.names, name) : findActor(corpus.names, name);
  // A name of the other kind has its passages ranked at ingest: no full-text search needed.
  const quotes = other
    ? await quotesFor(corpus, await corpus.ranked(asked === 'actor' ? 'corridor' : 'actor', other.id, MAX_QUOTES))
    : await mentionsOf(corpus, name);
  if (quotes.length === 0) return null;
  const note = other
    ? `${other.name} is ${asked === 'actor' ? 'a corridor' : 'an actor'}: /${asked === 'actor' ? 'corridor' : 'actor'} ` +
      `name:${other.name} gives its card. Showing passages that mention "${name}".`
    : `"${name}" is not in the gazetteer; showing passages that mention it.`;
  return { fallback: { kind: 'mentions', name, note }, quotes };
}
