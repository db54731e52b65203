// The one font every chart uses, shipped as an npm package (DejaVu Sans) and
// loaded from its file: a fresh machine with no system fonts renders the same
// picture, and Cyrillic and Azerbaijani letters (ə, ğ, ı, ş) have glyphs.
// Text is measured with the same font (fontkit), so the layout knows exactly
// how wide a label is and can keep labels from overlapping.
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

const require = createRequire(import.meta.url);
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const BOLD_FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Width in pixels of `text` at `size` px. */
export type TextMeasure = (text: string, size: number, bold?: boolean) => number;

let fonts: { regular: Fontkit.Font; bold: Fontkit.Font } | null = null;
/** Advance widths per character, in em, for each weight: a layout measures hundreds of labels. */
const advances = { regular: new Map<number, number>(), bold: new Map<number, number>() };

function load(file: string): Fontkit.Font {
  // Loaded on the first label measured, as its CommonJS build: every process imports this module (the answers'
  // charts), few draw a chart, and the ES build alone costs about 0.2 s of CPU at start-up (0.09 s this way).
  const fontkit = require('fontkit') as typeof Fontkit;
  const f = fontkit.openSync(file);
  // A collection file would hold several fonts; DejaVu ships single fonts.
  if (!('layout' in f)) throw new Error(`${file} is a font collection, not one font`);
  return f as Fontkit.Font;
}

/**
 * The sum of the characters' advance widths. Kerning only ever tightens DejaVu's
 * pairs, so this is never narrower than the drawn text: a layout that keeps
 * these widths apart keeps the drawn labels apart too.
 */
export const measureText: TextMeasure = (text, size, bold = false) => {
  fonts ??= { regular: load(FONT_FILE), bold: load(BOLD_FONT_FILE) };
  const font = bold ? fonts.bold : fonts.regular;
  const cache = bold ? advances.bold : advances.regular;
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let w = cache.get(cp);
    if (w === undefined) {
      w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      cache.set(cp, w);
    }
    em += w;
  }
  return em * size;
};
