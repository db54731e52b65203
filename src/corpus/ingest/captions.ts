// Photo captions inside article text. A caption ends with a credit
// ("... 30 July 2025. Photo: AFU / EPA") or is followed by a credit sentence
// ("Screenshot from US Department of Justice ..."). In a flattened body the
// credit runs straight into the next paragraph, so its end is recovered with
// the layout cues.
import { isVerblessFragment, splitCredit, type Lexicon } from './layout-cues.js';
import type { LayoutItem } from './layout-item.js';

const CREDIT_PREFIX = /^(?:Photo(?:graph)?|Image|Picture|Illustration|Photo credit|Credit)s?(?:\s*:\s*|\s+by\s+)/i;
const CREDIT_SENTENCE = /^(?:(?:Screenshot|Photo|Image|Picture|Video still)s? (?:from|via|courtesy of)|Screenshot by|Courtesy of)\s/i;
/** "A damaged bridge in Kherson (Photo: Reuters).", "… in October (Picture: Claudio Bresciani/AP)". */
const TRAILING_CREDIT = /\s*[([](?:Photo(?:graph)?|Image|Picture|Illustration|Credit)s?(?::|\s+by)\s*([^)\]]*)[)\]]\.?$/i;
/** A credit in brackets standing alone after the caption it belongs to: "(Photo: Frank van Beek / UN Photo." */
const BRACKETED_CREDIT = /^[([]\s*(?:Photo(?:graph)?|Image|Picture|Illustration|Credit)s?\s*(?::|\s+by)\s*(.*?)[)\]]?\.?$/i;
const MID_MARKER = /\s(?=(?:Photo(?:graph)?|Image|Credit)s?:(?:\s|$))/;
const TERMINAL = /[.!?]['’"”)]?$/;

/** Marks caption items and removes credits; the text a credit ran into stays as body. */
export function extractCaptions(items: LayoutItem[], lex: Lexicon): LayoutItem[] {
  const out: LayoutItem[] = [];
  const queue = [...items];
  for (let k = 0; k < queue.length; k++) {
    const item = queue[k]!;
    if (item.kind !== 'body') {
      out.push(item);
      continue;
    }
    // "caption text Photo: credit" with no full stop before the marker.
    const mid = MID_MARKER.exec(item.text);
    if (mid && mid.index > 0 && !CREDIT_PREFIX.test(item.text)) {
      queue.splice(k + 1, 0, { ...item, text: item.text.slice(mid.index + 1) });
      out.push({ ...item, text: item.text.slice(0, mid.index) });
      continue;
    }
    const trailing = TRAILING_CREDIT.exec(item.text);
    if (trailing && trailing.index > 0) {
      out.push({ ...item, kind: 'caption', text: item.text.slice(0, trailing.index).trim(), credit: trailing[1]!.trim() || undefined });
      continue;
    }
    let credit: string | null = null;
    let rest = '';
    const prefix = CREDIT_PREFIX.exec(item.text);
    const bracketed = BRACKETED_CREDIT.exec(item.text);
    if (bracketed && out.at(-1)?.paragraph === item.paragraph) {
      credit = bracketed[1]!.trim();
    } else if (prefix) {
      const after = item.text.slice(prefix[0].length);
      const lastInParagraph = queue[k + 1]?.paragraph !== item.paragraph;
      if (lastInParagraph && !TERMINAL.test(after)) credit = after.trim();
      else ({ credit, rest } = splitCredit(after, lex));
      // "Photos by residents showed ..." is a sentence: a "by" credit must name someone.
      if (/\sby\s+$/i.test(prefix[0]) && !credit) {
        credit = null;
        rest = '';
      }
    } else if (CREDIT_SENTENCE.test(item.text)) {
      credit = item.text;
    }
    if (credit === null) {
      out.push(item);
      continue;
    }
    markCaption(out, item.paragraph, credit);
    if (rest) queue.splice(k + 1, 0, { ...item, text: rest, afterCredit: true });
  }
  return out;
}

/** The sentence before a credit is its caption; verbless fragments before it join it. */
function markCaption(out: LayoutItem[], paragraph: number, credit: string): void {
  const caption = out.at(-1);
  if (caption?.kind !== 'body') return;
  caption.kind = 'caption';
  caption.credit = credit || undefined;
  for (let n = 0; n < 2; n++) {
    const prev = out.at(-2);
    if (prev?.kind !== 'body' || prev.paragraph !== paragraph || !isVerblessFragment(prev.text)) break;
    caption.text = `${prev.text} ${caption.text}`;
    out.splice(out.length - 2, 1);
  }
}
