// Which headline a web page goes by when it declares several: the one the
// reader sees printed, and the declared one when the page prints none of them.
import { describe, expect, it } from 'vitest';
import { parseHtmlArticle } from '../../src/corpus/ingest/html-article.js';

const BODY = [
  'The ministers met in Tbilisi on Monday to discuss the rail link between the Black Sea ports and Baku.',
  'Officials said the talks would continue next month, and that the timetable for the works had not changed.',
  'Georgia and Azerbaijan have both asked the European Union to help pay for the new freight terminals.',
].map((p) => `<p>${p}</p>`);

function page(opts: { ld: string; og: string; h1: string[]; title?: string }): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: opts.ld });
  return `<html><head><title>${opts.title ?? opts.ld} | Caucasus Daily</title>
<meta property="og:title" content="${opts.og}"><meta property="og:site_name" content="Caucasus Daily">
<script type="application/ld+json">${ld}</script></head>
<body>${opts.h1.map((h) => `<h1>${h}</h1>`).join('')}<article>${BODY.join('\n')}</article></body></html>`;
}

const SOURCE = { file: 'page.html', format: 'html', retrieved: '2026-03-02', retrievedFrom: 'sidecar' } as const;
const titleOf = (html: string) => parseHtmlArticle(html, SOURCE, null, []).title;

describe('the headline of a page that declares several', () => {
  const ld = 'Rail link talks go on: what Georgia and Azerbaijan want, explained in 2024';
  const og = 'Georgia and Azerbaijan ask the EU to pay for the rail link';

  it('is the declared one the page prints, even when another is declared first', () => {
    expect(titleOf(page({ ld, og, h1: ['Caucasus Daily', `\n  ${og.replace('rail link', 'Rail  Link')}\n`] }))).toBe(og);
    expect(titleOf(page({ ld: og, og: ld, h1: [og] }))).toBe(og);
  });

  it('is the JSON-LD headline when the page prints none of those it declares', () => {
    expect(titleOf(page({ ld, og, h1: ['Log in'] }))).toBe(ld);
    expect(titleOf(page({ ld, og, h1: [] }))).toBe(ld);
  });

  it('can be the <title> without the site name, when that is what the page prints', () => {
    expect(titleOf(page({ ld, og, h1: ['Ministers meet on the rail link'], title: 'Ministers meet on the rail link' }))).toBe(
      'Ministers meet on the rail link',
    );
  });
});
