// Sentence splitting. sbd knows abbreviations (U.S., Jan., Gen., Mr., i.e.,
// "v." in case names) that Intl.Segmenter and naive regexes split on.
import sbd from 'sbd';
import { cleanArticleText } from '../../text/normalize.js';

// sbd keeps "... as possible.' Destruction in ..." together; a full stop inside a
// closing quote followed by a capital is a sentence end all the same.
const AFTER_CLOSING_QUOTE = /(?<=[.!?…]['’"”])\s+(?=['‘"“]?\p{Lu})/u;
const OPTIONS = { newline_boundaries: false, preserve_whitespace: false, sanitize: false, html_boundaries: false };

// sbd splits inside these ("https://evil.example/phish" became "https://evil" and
// "example/phish"), and a quote must be the article's text byte for byte: they
// are swapped for placeholders while sbd runs, then put back.
const UNSPLITTABLE = /\b(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d+(?:[.,]\d+)+/giu;
const HOLE = /\uE000(\d+)\uE001/g;

export function splitSentences(text: string): string[] {
  const clean = cleanArticleText(text);
  if (!clean) return [];
  const held: string[] = [];
  const guarded = clean.replace(UNSPLITTABLE, (m) => `\uE000${held.push(m) - 1}\uE001`);
  return boundaries(guarded, sbd.sentences(guarded, OPTIONS))
    .flatMap((s) => s.split(AFTER_CLOSING_QUOTE))
    .map((s) => s.trim().replace(HOLE, (_, n: string) => held[Number(n)]!))
    .filter((s) => s.length > 0);
}

/**
 * sbd's sentences used only as boundaries, cut from the text itself: sbd
 * sometimes drops a character (a lone leading "."), and a quote must be the
 * article's text. Whatever sbd left out stays with the sentence around it.
 */
function boundaries(text: string, found: string[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const s of found) {
    const tail = s.trim().slice(-12);
    const hit = tail ? text.indexOf(tail, at) : -1;
    if (hit < 0) continue;
    const end = hit + tail.length;
    out.push(text.slice(at, end));
    at = end;
  }
  if (at < text.length) {
    const rest = text.slice(at);
    if (out.length && !rest.trim()) out[out.length - 1] += rest;
    else out.push(rest);
  }
  return out;
}
