// SVG -> PNG with resvg (Rust, prebuilt for each platform through npm, no
// browser and no system fonts): the font is loaded from its file, system
// fonts are not, so every machine draws the same picture.
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { BOLD_FONT_FILE, FONT_FAMILY, FONT_FILE } from './font.js';

export const RESVG_OPTIONS = {
  font: { fontFiles: [FONT_FILE, BOLD_FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  background: 'rgba(0,0,0,0)',
};

export function renderPng(svg: string): Buffer {
  return new Resvg(svg, RESVG_OPTIONS).render().asPng();
}

/** Off the event loop (resvg's thread pool): the bot keeps answering while a chart renders. */
export async function renderPngAsync(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, RESVG_OPTIONS)).asPng();
}
