// The fallback for a name the gazetteer does not know: passages that mention
// it as written (every word, in order), ranked by lunr.
import type { Corpus } from '../corpus/corpus.js';
import { dedupeKey } from '../text/normalize.js';
import type { Quote } from './answer-types.js';
import { findActor, findCorridor } from './entity-names.js';
import { fullText, queryTerms, spansOf } from './full-text.js';
import { toQuote } from './quotes.js';
import { MAX_SEARCH_QUOTES } from './search.js';

export function mentionsOf(corpus: Corpus, name: string): Quote[] {
  const terms = queryTerms(name);
  const phrase = ` ${dedupeKey(name)} `;
  if (terms.length === 0 || phrase.trim() === '') return [];
  return fullText(corpus, terms, 'all')
    .filter((h) => ` ${dedupeKey(h.passage.text)} `.includes(phrase))
    .slice(0, MAX_SEARCH_QUOTES)
    .map((h) => toQuote(corpus, h.passage, spansOf(h)));
}

/** The mention-search answer for /actor or /corridor, with a note saying why; null when nothing mentions the name. */
export function mentionFallback(corpus: Corpus, name: string, asked: 'actor' | 'corridor'): { fallback: { kind: 'mentions'; name: string; note: string }; quotes: Quote[] } | null {
  const quotes = mentionsOf(corpus, name);
  if (quotes.length === 0) return null;
  const other = asked === 'actor' ? findCorridor(corpus.gazetteer, name) : findActor(corpus.gazetteer, name);
  const note = other
    ? `${other.name} is ${asked === 'actor' ? 'a corridor' : 'an actor'}: /${asked === 'actor' ? 'corridor' : 'actor'} name:${other.name} gives its card. Showing passages that mention "${name}".`
    : `"${name}" is not in the gazetteer; showing passages that mention it.`;
  return { fallback: { kind: 'mentions', name, note }, quotes };
}
