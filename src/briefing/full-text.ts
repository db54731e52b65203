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
  matches: Span[];
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

export function fullText(corpus: Corpus, terms: string[], mode: MatchMode): Hit[] {
  if (terms.length === 0) return [];
  const results = corpus.index().query((q) => {
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
    if (passage) hits.push({ passage, score: r.score, matches: spansOf(r.matchData) });
  }
  return hits;
}

function spansOf(matchData: lunr.MatchData): Span[] {
  const spans: Span[] = [];
  const meta = matchData.metadata as Record<string, Record<string, { position?: [number, number][] }>>;
  for (const fields of Object.values(meta)) {
    for (const { position } of Object.values(fields)) for (const [start, length] of position ?? []) spans.push({ start, length });
  }
  return spans.sort((a, b) => a.start - b.start).filter((s, i, all) => i === 0 || s.start !== all[i - 1]!.start);
}
