// The fallback for a name the gazetteer does not know: passages that mention
// it as written (every word, in order), ranked by lunr.
import type { Corpus } from '../corpus/corpus.js';
import { dedupeKey } from '../text/normalize.js';
import type { Quote } from './answer-types.js';
import { fullText, queryTerms } from './full-text.js';
import { toQuote } from './quotes.js';

export function mentionsOf(corpus: Corpus, name: string): Quote[] {
  const terms = queryTerms(name);
  const phrase = ` ${dedupeKey(name)} `;
  if (terms.length === 0 || phrase.trim() === '') return [];
  return fullText(corpus, terms, 'all')
    .filter((h) => ` ${dedupeKey(h.passage.text)} `.includes(phrase))
    .map((h) => toQuote(corpus, h.passage, h.matches));
}
