// Where quotations open and close in running text. An opening mark starts a
// word; a closing one ends a word or a sentence, so apostrophes inside words
// (aren't, Iran's) are neither. Shared by the passage builder (a quotation
// that runs over several sentences stays one passage) and the speech
// attribution (what is quoted, and who says it).

export const OPENING_QUOTE = /(?:^|[\s([—–-])['‘"“](?=[\p{L}\p{N}[…])/gu;
export const CLOSING_QUOTE = /(?<=[\p{L}\p{N}.,!?;…\])])['’"”](?=$|[\s.,;:!?)\]—–-])/gu;

/** Quotations opened minus quotations closed: above 0, the text ends inside a quotation. */
export function quoteBalance(text: string): number {
  return (text.match(OPENING_QUOTE)?.length ?? 0) - (text.match(CLOSING_QUOTE)?.length ?? 0);
}

/**
 * The quoted stretches of a text, [start, end) including their marks, outermost only. A quotation left open runs to
 * the end of the text (a quote that continues into the next paragraph).
 */
export function quotedRanges(text: string): [number, number][] {
  const marks: { at: number; open: boolean }[] = [];
  for (const m of text.matchAll(OPENING_QUOTE)) marks.push({ at: m.index + m[0].length - 1, open: true });
  for (const m of text.matchAll(CLOSING_QUOTE)) marks.push({ at: m.index, open: false });
  marks.sort((a, b) => a.at - b.at);
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (const m of marks) {
    if (m.open) {
      if (depth === 0) start = m.at;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) out.push([start, m.at + 1]);
    }
  }
  if (depth > 0) out.push([start, text.length]);
  return out;
}
