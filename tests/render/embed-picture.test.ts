// The README's picture of an answer is drawn from the answer's own message:
// the lines stay inside the card, markup is drawn as a reader sees it, text
// is escaped for SVG, and the page buttons are there.
import { describe, expect, it } from 'vitest';
import { measureText } from '../../src/charts/font.js';
import { renderPng } from '../../src/charts/render-png.js';
import { embedSvg } from '../../src/render/discord/embed-picture.js';
import { renderPage } from '../../src/render/discord/render.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { actor } from '../../src/briefing/actor.js';

describe('a picture of an answer', () => {
  it('keeps every line inside the card, draws quotes with their bar, and the page buttons', async () => {
    const { corpus } = seedCorpus();
    const page = renderPage(await actor(corpus, 'Iran', { window: { offset: 0, limit: 5 } }), 0, '/actor name:Iran');
    await corpus.close();
    const svg = embedSvg(page, measureText);
    const texts = [...svg.matchAll(/<text x="(\d+)" y="\d+" font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)];
    expect(texts.length).toBeGreaterThan(10);
    for (const [, x, size, text] of texts) expect(Number(x) + measureText(text!, Number(size))).toBeLessThanOrEqual(760 - 16);
    // Markup is gone: no ** or escaped characters are drawn.
    expect(texts.some(([, , , t]) => /\*\*|\\\\/.test(t!))).toBe(false);
    expect(svg).toContain('Next ▶');
    expect(svg).toMatch(/<rect x="\d+" y="\d+" width="3" height="\d+" fill="#4e5058"\/>/);
    expect(renderPng(svg).subarray(1, 4).toString()).toBe('PNG');
  });

  it('escapes what SVG would read as markup', () => {
    const svg = embedSvg({ embeds: [{ title: 'A & B <script>', description: '> "x" < y & z' }] }, measureText);
    expect(svg).toContain('A &amp; B &lt;script&gt;');
    expect(svg).toContain('"x" &lt; y &amp; z');
    expect(svg).not.toContain('<script>');
  });
});
