// Word tokens with their offsets in the original text. Used by the entity
// tagger, the search tokenizer and the layout heuristics, so all three agree
// on where a word starts and ends.

export interface WordToken {
  /** The word as written (possessive 's kept). */
  raw: string;
  start: number;
  end: number;
}

// Letters and digits, joined by an apostrophe inside a word (aren't, Armenia's,
// O'Brien) or a period inside an abbreviation (U.S.). Hyphens, dashes and
// slashes separate words, so "Iran–Israel–US" yields three words.
const WORD_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function words(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    out.push({ raw: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** "Armenia's" -> "Armenia", "states’" stays; "U.S." -> "US". */
export function baseForm(raw: string): string {
  if (/^(?:\p{Lu}\.){2,}$/u.test(raw)) return raw.replace(/\./g, '');
  return raw.replace(/['’][sS]$/u, '');
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}
