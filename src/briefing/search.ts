// /search: quotes ranked by relevance, matched words marked. Every term must
// match; when none of the passages has them all, any term may; when still
// nothing, near spellings are tried. A "quoted phrase" must appear as written.
import type { Corpus } from '../corpus/corpus.js';
import { dedupeKey } from '../text/normalize.js';
import type { ProblemAnswer, SearchAnswer } from './answer-types.js';
import { fullText, queryTerms, spansOf, type Hit, type MatchMode } from './full-text.js';
import { toQuote } from './quotes.js';
import { MAX_QUERY_LENGTH, readOption } from './user-input.js';

/** The best quotes an answer carries (20 pages in Discord). Converting every hit of a common word cost more than the search itself. */
export const MAX_SEARCH_QUOTES = 100;

const PHRASE = /["“”«»]([^"“”«»]{2,})["“”«»]/g;

function containsPhrases(hit: Hit, phrases: string[]): boolean {
  const text = ` ${dedupeKey(hit.passage.text)} `;
  return phrases.every((p) => text.includes(` ${p} `));
}

export function search(corpus: Corpus, rawQuery: string): SearchAnswer | ProblemAnswer {
  const read = readOption('query', rawQuery, MAX_QUERY_LENGTH);
  if ('problem' in read) return { ok: false, command: 'search', problem: read.problem };
  const query = read.value;
  const terms = queryTerms(query);
  if (terms.length === 0) return { ok: false, command: 'search', problem: { code: 'no-search-terms', query } };
  const phrases = [...query.matchAll(PHRASE)].map((m) => dedupeKey(m[1]!)).filter(Boolean);

  let match: SearchAnswer['match'] = 'none';
  let hits: Hit[] = [];
  const modes: MatchMode[] = phrases.length > 0 ? ['all'] : terms.length > 1 ? ['all', 'any', 'fuzzy'] : ['all', 'fuzzy'];
  for (const mode of modes) {
    hits = fullText(corpus, terms, mode).filter((h) => containsPhrases(h, phrases));
    if (hits.length > 0) { match = mode; break; }
  }
  // lunr returns hits best first, so the cap keeps the most relevant.
  const quotes = hits.slice(0, MAX_SEARCH_QUOTES).map((h) => toQuote(corpus, h.passage, spansOf(h)));
  return { ok: true, command: 'search', query, terms, match, total: hits.length, quotes };
}
