// Full-text search over passages through the corpus's index. Terms come from
// searchTokens(), stemmed by the same function that built the index, never
// from raw user text, so no input can reach the engine's query syntax.
import type { Corpus, TextHit } from '../corpus/corpus.js';
import { isStopWord, stemTerm } from '../corpus/search-terms.js';
import { searchTokens } from '../corpus/search-tokens.js';
import type { Quote, Span } from './answer-types.js';
import { articlesCited, toQuote } from './quotes.js';

export type MatchMode = 'all' | 'any' | 'fuzzy' | 'prefix';

/** Most terms a query keeps; the rest of a pasted paragraph adds cost, not precision. */
export const MAX_TERMS = 24;
const FUZZY_MIN_LENGTH = 5;
/** A word cut short ("Armen") is completed only from this length, and into at most this many index terms. */
const PREFIX_MIN_LENGTH = 4;
const PREFIX_EXPANSIONS = 20;

/** The distinct, non-stop-word terms of `text`, in order. */
export function queryTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const t of searchTokens(text)) {
    if (t.term.length === 0 || isStopWord(t.term) || seen.has(t.term)) continue;
    seen.add(t.term);
    if (seen.size === MAX_TERMS) break;
  }
  return [...seen];
}

/** In "any" mode a term in more than this share of passages ranks little and costs most: it is left out while rarer terms remain. */
const COMMON_SHARE = 0.05;

export interface FullTextResult {
  hits: TextHit[];
  total: number;
  /** Every index term that counted as a match, for marking the hits shown. */
  stems: Set<string>;
}

const NONE: FullTextResult = { hits: [], total: 0, stems: new Set() };

/** `phrases`: word lists that must appear in this order (quoted phrases, unknown names); `offset`: hits passed over. */
export async function fullText(
  corpus: Corpus,
  terms: string[],
  mode: MatchMode,
  limit: number,
  phrases: string[][] = [],
  order: 'best' | 'newest' = 'best',
  offset = 0,
): Promise<FullTextResult> {
  if (terms.length === 0) return NONE;
  let stems = terms.map(stemTerm);
  const phraseStems = phrases.map((p) => p.map(stemTerm));
  // Every term is required: one no passage holds means no hits, without asking the index for more.
  const frequencies =
    mode === 'all' || (mode === 'any' && stems.length > 1) ? await Promise.all(stems.map((t) => corpus.termFrequency(t))) : [];
  if (mode === 'all' && frequencies.some((n) => n === 0)) return NONE;
  if (mode === 'any' && stems.length > 1) {
    const passages = (await corpus.size()).passages;
    const rare = stems.filter((_, i) => frequencies[i]! <= passages * COMMON_SHARE);
    if (rare.length > 0) stems = rare;
  }
  const spellings = await Promise.all(
    stems.map(async (t, i) => {
      if (mode === 'fuzzy' && terms[i]!.length >= FUZZY_MIN_LENGTH) return [t, ...(await corpus.nearTerms(t))];
      // Completions of the word as typed (not of its stem): "Armen" finds Armenia and Armenian.
      if (mode === 'prefix' && terms[i]!.length >= PREFIX_MIN_LENGTH) {
        return [t, ...(await corpus.termsWithPrefix(terms[i]!, PREFIX_EXPANSIONS))];
      }
      return [t];
    }),
  );
  const joined = mode === 'all' || mode === 'prefix' ? 'all' : 'any';
  const { hits, total } = await corpus.match({ terms: spellings, mode: joined, phrases: phraseStems, order }, limit, offset);
  return { hits, total, stems: new Set(spellings.flat()) };
}

/** Search hits as quotes, their matched words marked. */
export async function hitQuotes(corpus: Corpus, hits: readonly TextHit[], stems: Set<string>): Promise<Quote[]> {
  const articleOf = await articlesCited(
    corpus,
    hits.map((h) => h.passage),
  );
  return hits.map((h) => toQuote(articleOf, h.passage, spansOf(h.passage.text, stems), (id) => corpus.actor(id)?.name));
}

/**
 * Where the matched terms occur in a shown passage, found with the index's own
 * tokenizer and stemmer. The index keeps no positions; only the hits shown pay
 * for their marks.
 */
export function spansOf(text: string, stems: Set<string>): Span[] {
  return searchTokens(text)
    .filter((t) => t.term && stems.has(stemTerm(t.term)))
    .map((t) => ({ start: t.start, length: t.length }));
}
