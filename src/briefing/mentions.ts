// The fallback for a name the gazetteer does not know: passages that mention
// it as written (every word, in order), ranked by lunr.
import type { Corpus } from '../corpus/corpus.js';
import { dedupeKey } from '../text/normalize.js';
import type { Quote } from './answer-types.js';
import { findActor, findCorridor } from './entity-names.js';
import { fullText, queryTerms, spansOf } from './full-text.js';
import { quotesFor, toQuote } from './quotes.js';
import { MAX_SEARCH_QUOTES } from './search.js';

export function mentionsOf(corpus: Corpus, name: string): Quote[] {
  const terms = queryTerms(name);
  const phrase = ` ${dedupeKey(name)} `;
  if (terms.length === 0 || phrase.trim() === '') return [];
  // Hits come best first: stop checking the phrase once enough are found.
  const quotes: Quote[] = [];
  for (const h of fullText(corpus, terms, 'all')) {
    if (quotes.length === MAX_SEARCH_QUOTES) break;
    if (` ${dedupeKey(h.passage.text)} `.includes(phrase)) quotes.push(toQuote(corpus, h.passage, spansOf(h)));
  }
  return quotes;
}

/** The mention-search answer for /actor or /corridor, with a note saying why; null when nothing mentions the name. */
export function mentionFallback(corpus: Corpus, name: string, asked: 'actor' | 'corridor'): { fallback: { kind: 'mentions'; name: string; note: string }; quotes: Quote[] } | null {
  const other = asked === 'actor' ? findCorridor(corpus.gazetteer, name) : findActor(corpus.gazetteer, name);
  // A name of the other kind has its passages mapped at ingest: no full-text search needed.
  const mapped = other && (asked === 'actor' ? corpus.data.corridors[other.id] : corpus.data.actors[other.id])?.passages;
  const quotes = mapped ? quotesFor(corpus, mapped.slice(0, MAX_SEARCH_QUOTES)) : mentionsOf(corpus, name);
  if (quotes.length === 0) return null;
  const note = other
    ? `${other.name} is ${asked === 'actor' ? 'a corridor' : 'an actor'}: /${asked === 'actor' ? 'corridor' : 'actor'} name:${other.name} gives its card. Showing passages that mention "${name}".`
    : `"${name}" is not in the gazetteer; showing passages that mention it.`;
  return { fallback: { kind: 'mentions', name, note }, quotes };
}
