// Sentences -> passages. A passage is one sentence, or a few when one cannot
// stand alone: a quotation that runs over several sentences, a fragment of a
// few words, a sentence that continues the one before. Repeated pull quotes
// are kept once, in their fullest form.
import { dedupeKey, wordCount } from '../../text/normalize.js';
import { quoteBalance } from '../../text/quote-marks.js';
import type { LayoutItem } from './layout-item.js';

export interface PassageDraft {
  kind: 'body' | 'caption';
  text: string;
  credit?: string | undefined;
  /** Position of the passage in its article, from 0. */
  seq: number;
}

const MAX_QUOTE_SENTENCES = 5;
const MIN_PULL_QUOTE_WORDS = 6;

interface Open {
  item: LayoutItem;
  text: string;
  sentences: number;
  /** The paragraph of the last sentence joined. */
  paragraph: number;
}

function joins(cur: Open, next: LayoutItem): boolean {
  if (cur.item.kind !== 'body' || next.kind !== 'body') return false;
  // A lead-in that ends with a colon ("Kremlin spokesperson Dmitry Peskov said:") keeps the quote the next paragraph
  // holds: apart, the lead-in says nothing and the quote has no speaker.
  if (cur.paragraph !== next.paragraph) return /:$/.test(cur.text) && next.paragraph === cur.paragraph + 1 && cur.sentences < 3;
  if (quoteBalance(cur.text) > 0 && cur.sentences < MAX_QUOTE_SENTENCES) return true;
  if (cur.sentences >= 3) return false;
  return /^[\p{Ll}…]|^\.\.\./u.test(next.text) || /:$/.test(cur.text) || wordCount(next.text) < 4;
}

export function buildPassages(items: LayoutItem[]): { passages: PassageDraft[]; duplicates: number } {
  const merged: Open[] = [];
  for (const item of items) {
    const cur = merged.at(-1);
    if (cur && joins(cur, item)) {
      cur.text = `${cur.text} ${item.text}`;
      cur.sentences++;
      cur.paragraph = item.paragraph;
    } else {
      merged.push({ item, text: item.text, sentences: 1, paragraph: item.paragraph });
    }
  }
  const keep = keptPassages(
    merged.map((m) => dedupeKey(m.text)),
    merged.map((m) => wordCount(m.text)),
  );
  const passages: PassageDraft[] = [];
  merged.forEach((m, i) => {
    if (keep[i]) passages.push({ kind: m.item.kind, text: m.text, credit: m.item.credit, seq: passages.length });
  });
  return { passages, duplicates: merged.length - passages.length };
}

/**
 * Which passages stay: not empty, not an exact repeat of an earlier one, and
 * not a pull quote found inside a longer passage. Linear in the article's
 * length: a passage that contains another contains every run of words of it,
 * so the candidates are the passages holding its rarest run, instead of every
 * passage compared with every other (or with all that share its first words,
 * which in a long record of "On 3 March delegates met…" lines is most of them).
 */
function keptPassages(keys: string[], words: number[]): boolean[] {
  const firstAt = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k && !firstAt.has(k)) firstAt.set(k, i);
  });
  // Every run of MIN_PULL_QUOTE_WORDS words -> the passages holding it.
  const shingles = new Map<string, Set<number>>();
  const tokens = keys.map((k) => (k ? k.split(' ') : []));
  tokens.forEach((ws, i) => {
    for (let s = 0; s + MIN_PULL_QUOTE_WORDS <= ws.length; s++) {
      const sh = ws.slice(s, s + MIN_PULL_QUOTE_WORDS).join(' ');
      let set = shingles.get(sh);
      if (!set) shingles.set(sh, (set = new Set()));
      set.add(i);
    }
  });
  return keys.map((key, i) => {
    if (!key) return false;
    if (firstAt.get(key)! < i) return false; // an exact repeat: the first one stays
    if (words[i]! < MIN_PULL_QUOTE_WORDS || tokens[i]!.length < MIN_PULL_QUOTE_WORDS) return true;
    const ws = tokens[i]!;
    let rarest: Set<number> | undefined;
    for (let s = 0; s + MIN_PULL_QUOTE_WORDS <= ws.length; s++) {
      const holders = shingles.get(ws.slice(s, s + MIN_PULL_QUOTE_WORDS).join(' '))!;
      if (!rarest || holders.size < rarest.size) rarest = holders;
      if (rarest.size === 1) return true; // only this passage holds it: no other contains this one
    }
    for (const j of rarest ?? []) {
      if (j !== i && keys[j] !== key && ` ${keys[j]} `.includes(` ${key} `)) return false; // a pull quote of a longer passage
    }
    return true;
  });
}
