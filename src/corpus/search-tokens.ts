// The one tokenizer for indexing and for queries, hardened against lunr's
// defaults (ARCHITECTURE §4): it splits on every dash and slash, drops
// possessives, folds diacritics, keeps non-Latin scripts, and keeps "US" as a
// term before lower-casing would turn it into the stop word "us".
import { foldKey } from '../text/normalize.js';
import { baseForm, words } from '../text/words.js';

export interface SearchToken {
  term: string;
  start: number;
  length: number;
}

const UNITED_STATES = /^(?:US|U\.S\.|USA|U\.S\.A\.)$/;
export const US_TERM = 'usa';

export function searchTokens(text: string): SearchToken[] {
  return words(text).map((w) => ({
    term: UNITED_STATES.test(w.raw) || UNITED_STATES.test(baseForm(w.raw)) ? US_TERM : foldKey(baseForm(w.raw)).replace(/['’]/g, ''),
    start: w.start,
    length: w.end - w.start,
  }));
}
