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
import { MAX_QUOTES, quoteWindow } from './quotes.js';
import { MAX_QUERY_LENGTH, readOption } from './user-input.js';
import type { Window } from './window.js';

/** The best quotes a search answer carries; `total` says how many matched. */
export const MAX_SEARCH_QUOTES = MAX_QUOTES;

const PHRASE = /["“”«»]([^"“”«»]{2,})["“”«»]/g;

/** The index finds the words in order; this checks them as written (punctuation and case aside). */
function containsPhrases(hit: TextHit, phrases: string[]): boolean {
  const text = ` ${dedupeKey(hit.passage.text)} `;
  return phrases.every((p) => text.includes(` ${p} `));
}

/**
 * window: the page of the quotes to read (Discord's), else all MAX_SEARCH_QUOTES of them. Without a quoted phrase the
 * index ranks and reads that page alone; a phrase is checked as written after the index, so then the best quotes are
 * read and filtered, and the page is cut from them (its place among them would otherwise be unknown).
 */
export async function search(corpus: Corpus, rawQuery: string, window?: Partial<Window>): Promise<SearchAnswer | ProblemAnswer> {
  const read = readOption('query', rawQuery, MAX_QUERY_LENGTH);
  if ('problem' in read) return { ok: false, command: 'search', problem: read.problem };
  const query = read.value;
  const terms = queryTerms(query);
  if (terms.length === 0) return { ok: false, command: 'search', problem: { code: 'no-search-terms', query } };
  const quoted = [...query.matchAll(PHRASE)].map((m) => m[1]!).filter((p) => dedupeKey(p));
  const phrases = quoted.map(dedupeKey);
  const phraseTerms = quoted.map((p) => searchTokens(p).map((t) => t.term));
  const w = quoteWindow(window);
  const direct = phrases.length === 0;

  let match: SearchAnswer['match'] = 'none';
  let found: FullTextResult = { hits: [], total: 0, stems: new Set() };
  const modes: MatchMode[] =
    phrases.length > 0 ? ['all'] : terms.length > 1 ? ['all', 'any', 'fuzzy', 'prefix'] : ['all', 'fuzzy', 'prefix'];
  for (const mode of modes) {
    if (direct) {
      found = await fullText(corpus, terms, mode, w.limit, [], 'best', w.offset);
    } else {
      found = await fullText(corpus, terms, mode, MAX_SEARCH_QUOTES, phraseTerms);
      const kept = found.hits.filter((h) => containsPhrases(h, phrases));
      found = { ...found, hits: kept, total: kept.length ? found.total - (found.hits.length - kept.length) : 0 };
    }
    if (found.total > 0) {
      match = mode;
      break;
    }
  }
  // How many quotes the answer holds in all, of which `hits` is the window.
  const held = direct ? Math.min(MAX_SEARCH_QUOTES, found.total) : found.hits.length;
  const hits = direct ? found.hits : found.hits.slice(w.offset, w.offset + w.limit);
  const quotes = await hitQuotes(corpus, hits, found.stems);
  return {
    ok: true,
    command: 'search',
    query,
    terms,
    match,
    total: found.total,
    quotes,
    ...(w.paged ? { page: { offset: w.offset, total: held } } : {}),
  };
}
