// Full-text search over passages through lunr's query API. Terms come from
// searchTokens(), never from raw user text, so no input can reach lunr's
// query parser.
import lunr from 'lunr';
import type { Passage } from '../corpus/build-schema.js';
import type { Corpus } from '../corpus/corpus.js';
import { isStopWord, } from '../corpus/search-index.js';
import { searchTokens } from '../corpus/search-tokens.js';
import type { Span } from './answer-types.js';

export interface Hit {
  passage: Passage;
  score: number;
  /** The index terms (stemmed) that matched; spansOf() turns them into marks for the hits shown. */
  stems: string[];
}

export type MatchMode = 'all' | 'any' | 'fuzzy';

/** Most terms a query keeps; the rest of a pasted paragraph adds cost, not precision. */
export const MAX_TERMS = 24;
const FUZZY_MIN_LENGTH = 5;

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

/** How many passages hold the term (after the search pipeline's stemming); -1 when the pipeline drops it, so lunr will too. */
function documentFrequency(index: lunr.Index, term: string): number {
  // Both are public fields of lunr.Index that @types/lunr leaves out.
  const idx = index as lunr.Index & { pipeline: lunr.Pipeline; invertedIndex: Record<string, Record<string, object>> };
  const stemmed = idx.pipeline.runString(term)[0];
  if (stemmed === undefined) return -1;
  const entry = idx.invertedIndex[stemmed];
  return entry ? Object.keys(entry.text ?? {}).length : 0;
}

/** For "any": the terms rare enough to tell passages apart; all of them when every term is common. */
function discriminating(idx: lunr.Index, terms: string[], passages: number): string[] {
  const rare = terms.filter((t) => documentFrequency(idx, t) <= passages * COMMON_SHARE);
  return rare.length > 0 ? rare : terms;
}

export function fullText(corpus: Corpus, allTerms: string[], mode: MatchMode): Hit[] {
  if (allTerms.length === 0) return [];
  const idx = corpus.index();
  // Every term is required: one no passage holds means no hits, without scoring the others.
  if (mode === 'all' && allTerms.some((t) => documentFrequency(idx, t) === 0)) return [];
  const terms = mode === 'any' && allTerms.length > 1 ? discriminating(idx, allTerms, corpus.data.passages.length) : allTerms;
  const results = idx.query((q) => {
    for (const term of terms) {
      const fuzzy = mode === 'fuzzy' && term.length >= FUZZY_MIN_LENGTH;
      q.term(term, {
        usePipeline: true,
        presence: mode === 'all' ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
        ...(fuzzy ? { editDistance: 1 } : {}),
      });
    }
  });
  const hits: Hit[] = [];
  for (const r of results) {
    const passage = corpus.passage(r.ref);
    if (passage) hits.push({ passage, score: r.score, stems: Object.keys(r.matchData.metadata) });
  }
  return hits;
}

/**
 * Where the matched terms occur in the passage, found with the index's own
 * tokenizer and stemmer. The index keeps no positions (they were most of its
 * size and load time); only the hits shown pay for their marks.
 */
export function spansOf(hit: Hit): Span[] {
  const stems = new Set(hit.stems);
  return searchTokens(hit.passage.text)
    .filter((t) => t.term && stems.has(lunr.stemmer(new lunr.Token(t.term, {})).toString()))
    .map((t) => ({ start: t.start, length: t.length }));
}
