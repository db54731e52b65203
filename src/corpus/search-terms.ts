// What full-text search indexes and looks up: the search tokens of a text,
// stemmed (Porter) and joined by spaces. The database's own tokenizer only
// splits that string on spaces, so the index, the query and the marks on a
// shown quote all go through this one function.
import { stemmer } from 'stemmer';
import { searchTokens } from './search-tokens.js';

// English stop words (the list lunr used): never searched for, since nearly every passage holds them.
const STOP_WORDS = new Set(
  (
    'a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does ' +
    'either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like ' +
    'likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since ' +
    'so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who ' +
    'whom why will with would yet you your'
  ).split(' '),
);

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

/** The index form of a search token. Only plain Latin words are stemmed; other scripts and numbers stay as they are. */
export function stemTerm(term: string): string {
  return /^[a-z]{3,}$/.test(term) ? stemmer(term) : term;
}

/** The text the full-text index holds for a passage. */
export function indexedTerms(text: string): string {
  return searchTokens(text)
    .map((t) => stemTerm(t.term))
    .filter(Boolean)
    .join(' ');
}
