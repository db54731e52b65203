// Near spellings of an index term ("armenai" -> armenia), looked up in the
// vocabulary the same way in every database: one edit keeps the first letter,
// so the candidates are the terms under that letter of about the same length;
// dropping the first letter is the one edit that changes it.
import { distance } from 'fastest-levenshtein';

/** Near spellings are looked for only for longer words (FUZZY_MIN_LENGTH), so shorter terms need no vocabulary row. */
export const MIN_NEAR_TERM = 4;

/** The vocabulary range to read: terms from `from` (inclusive) to `to` (exclusive), of these lengths. */
export function nearRange(term: string): { from: string; to: string; minLength: number; maxLength: number } {
  const first = term[0]!;
  return {
    from: first,
    to: String.fromCodePoint(first.codePointAt(0)! + 1),
    minLength: Math.max(MIN_NEAR_TERM, term.length - 1),
    maxLength: term.length + 1,
  };
}

/** The near spellings among the range's terms, and the term without its first letter when the vocabulary has it. */
export function nearAmong(term: string, inRange: readonly string[], hasWithoutFirst: boolean): string[] {
  const near = inRange.filter((t) => t !== term && distance(t, term) <= 1);
  const edge = hasWithoutFirst && term.length - 1 >= MIN_NEAR_TERM ? [term.slice(1)] : [];
  return [...new Set([...near, ...edge])];
}
