// /search: quotes ranked by relevance, matched words marked. Every term must
// match; when none of the passages has them all, any term may; when still
// nothing, near spellings are tried, and last a word cut short is completed
// ("Armen" -> Armenia), so a prefix never outranks a whole word. A "quoted
// phrase" must appear as written.
import type { Corpus, TextHit } from '../corpus/corpus.js';
import { searchTokens } from '../corpus/search-tokens.js';
import { dedupeKey } from '../text/normalize.js';
import type { ProblemAnswer, SearchAnswer } from './answer-types.js';
import { fullText, hitQuotes, queryTerms, type FullTextResult, type MatchMode } from './full-text.js';
import { MAX_QUOTES } from './quotes.js';
import { MAX_QUERY_LENGTH, readOption } from './user-input.js';

/** The best quotes a search answer carries; `total` says how many matched. */
export const MAX_SEARCH_QUOTES = MAX_QUOTES;

const PHRASE = /["“”«»]([^"“”«»]{2,})["“”«»]/g;

/** The index finds the words in order; this checks them as written (punctuation and case aside). */
function containsPhrases(hit: TextHit, phrases: string[]): boolean {
  const text = ` ${dedupeKey(hit.passage.text)} `;
  return phrases.every((p) => text.includes(` ${p} `));
}

export async function search(corpus: Corpus, rawQuery: string): Promise<SearchAnswer | ProblemAnswer> {
  const read = readOption('query', rawQuery, MAX_QUERY_LENGTH);
  if ('problem' in read) return { ok: false, command: 'search', problem: read.problem };
  const query = read.value;
  const terms = queryTerms(query);
  if (terms.length === 0) return { ok: false, command: 'search', problem: { code: 'no-search-terms', query } };
  const quoted = [...query.matchAll(PHRASE)].map((m) => m[1]!).filter((p) => dedupeKey(p));
  const phrases = quoted.map(dedupeKey);
  const phraseTerms = quoted.map((p) => searchTokens(p).map((t) => t.term));

  let match: SearchAnswer['match'] = 'none';
  let found: FullTextResult = { hits: [], total: 0, stems: new Set() };
  const modes: MatchMode[] =
    phrases.length > 0 ? ['all'] : terms.length > 1 ? ['all', 'any', 'fuzzy', 'prefix'] : ['all', 'fuzzy', 'prefix'];
  for (const mode of modes) {
    found = await fullText(corpus, terms, mode, MAX_SEARCH_QUOTES, phraseTerms);
    const kept = found.hits.filter((h) => containsPhrases(h, phrases));
    found = { ...found, hits: kept, total: found.total - (found.hits.length - kept.length) };
    if (found.hits.length > 0) {
      match = mode;
      break;
    }
  }
  const quotes = await hitQuotes(corpus, found.hits, found.stems);
  return { ok: true, command: 'search', query, terms, match, total: found.hits.length ? found.total : 0, quotes };
}
