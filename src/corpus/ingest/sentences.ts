// Sentence splitting. sbd knows abbreviations (U.S., Jan., Gen., Mr., i.e.,
// "v." in case names) that Intl.Segmenter and naive regexes split on.
import sbd from 'sbd';
import { cleanArticleText } from '../../text/normalize.js';

// sbd keeps "... as possible.' Destruction in ..." together; a full stop inside a
// closing quote followed by a capital is a sentence end all the same.
const AFTER_CLOSING_QUOTE = /(?<=[.!?…]['’"”])\s+(?=['‘"“]?\p{Lu})/u;
const OPTIONS = { newline_boundaries: false, preserve_whitespace: false, sanitize: false, html_boundaries: false };

export function splitSentences(text: string): string[] {
  const clean = cleanArticleText(text);
  if (!clean) return [];
  return sbd
    .sentences(clean, OPTIONS)
    .flatMap((s) => s.split(AFTER_CLOSING_QUOTE))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
