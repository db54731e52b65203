// Text normalisation shared by ingest, tagging, the index and user input.
// One place decides what "the same word" means, so a name typed by a user,
// a gazetteer alias and a word in an article always compare alike.
import { decodeHTMLStrict } from 'entities';

// Letters that NFKD does not decompose but that readers treat as plain Latin.
const SPECIAL_LETTERS: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ə: 'e',
  Ə: 'E',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** Removes diacritics but keeps case: "Erdoğan" -> "Erdogan", "Bakı" -> "Baki". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/** Folded and lower-cased: the key used to compare names. */
export function foldKey(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

/**
 * A name key with the spelling choices of Azerbaijani, Turkish and Russian
 * transliteration folded away: Aliyev/Aliev/Əliyev, Gyumri/Giumri,
 * Qarabağ/Karabakh, Şuşa/Shusha. Lookups fall back to it when the name key
 * finds nothing; two different names rarely share one.
 */
export function transliterationKey(text: string): string {
  // ğ is written gh in English and kh after Russian (Qarabağ, Karabagh, Karabakh): all three become h.
  return nameKey(text.replace(/[əƏ]/g, 'a').replace(/[ğĞ]/g, 'h'))
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'h')
    .replace(/zh/g, 'j')
    .replace(/sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/q/g, 'k')
    .replace(/x/g, 'h')
    .replace(/iy|yi/g, 'i')
    .replace(/y(?=[aeiou])/g, 'i')
    .replace(/ii/g, 'i');
}

/** A name as lookups compare it: folded, possessive dropped, punctuation as spaces ("Erdoğan's" -> "erdogan"). */
export function nameKey(text: string): string {
  return foldKey(text)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// C0/C1 controls, zero-width and bidirectional formatting characters: they are
// invisible, break matching, and can reorder what a reader sees.
const INVISIBLE_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** User input as we will treat it: invisible characters removed, whitespace collapsed. */
export function cleanInput(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(/\s+/g, ' ').trim();
}

/**
 * HTML entities (&amp;, &mdash;, &#8217;) as the characters they stand for: pages saved from a
 * browser and feeds carry them in every format. Only complete entities, so "AT&T" stays as written.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/** A magazine's end-of-article mark ("… regime survival.” ■"): layout, not text. */
const END_MARK = /\s*[■□▪◼◾❖]+$/u;

/** Article text as we will store and quote it. */
export function cleanArticleText(text: string): string {
  return decodeEntities(text)
    .replace(INVISIBLE_RE, '')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:!?)])/g, '$1') // "nationals , for" -> "nationals, for"
    .replace(/\(\s+/g, '(')
    .trim()
    .replace(END_MARK, '');
}

/** A comparison form for dedupe: case, punctuation, quotes and spacing ignored. */
export function dedupeKey(text: string): string {
  return foldKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu);
  return m ? m.length : 0;
}
