// Boxes inside an article that belong to the page, named as such by their class: a donation appeal, a carousel of
// other stories. Their text is never the article's; the article's own paragraphs around them stay.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleBody } from '../../src/corpus/ingest/html-body.js';
import { newsParagraphs } from '../helpers/news-pages.js';

const paragraphs = newsParagraphs('furniture', 6);
const page = (box: string) => `<!doctype html><html><head><title>Talks resume</title></head><body>
<article><h1>Talks resume on the border crossing</h1>
${paragraphs
  .slice(0, 3)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
${box}
${paragraphs
  .slice(3)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</article></body></html>`;

describe('furniture boxes named by their class', () => {
  const appeal = ['Support Caspian Weekly', 'We are proud to bring readers honest and independent news.'];
  const teaser = 'Ferry line to Aktau opens after ten years of delay';
  const rail = 'Three things to know about the new customs rules';
  const standfirst = 'The two sides have agreed to reopen the crossing within weeks, officials in both capitals say.';
  it.each([
    ['a donation appeal', `<div class="p-4 donation"><h2>${appeal[0]}</h2><p>${appeal[1]}</p></div>`, appeal],
    ['a carousel of other stories', `<div class="story-carousel"><h3>${teaser}</h3></div>`, [teaser]],
    ['a recirculation rail', `<section class="recirc-rail"><p>${rail}</p></section>`, [rail]],
    ['a standfirst', `<p class="e-standfirst">${standfirst}</p>`, [standfirst]],
    [
      'a sub-title under the headline',
      `<div class="lead-content"><p class="lead-content__sub-title">${standfirst}</p></div>`,
      [standfirst],
    ],
  ])('leaves out %s and keeps every paragraph around it', (_, box, texts) => {
    const body = articleBody(parseHTML(page(box)).document, null).paragraphs.join('\n');
    for (const p of paragraphs) expect(body).toContain(p);
    for (const t of texts) expect(body).not.toContain(t);
  });
});

describe('a declared body in the publisher markup', () => {
  it('keeps the words of Markdown links and emphasis, and drops layout markers', () => {
    const text = newsParagraphs('markdown', 16);
    const declared = [
      `+++dropcap In 2006, the envoy went to see [a documentary on the border](https://example.org/film) in Baku. ${text[0]}`,
      `The talks were **not** over, the ministry said. ${text[1]}`,
      ...text.slice(2),
    ].join('\n');
    // A page built by script: its HTML holds a teaser, its declaration the article.
    const html = '<!doctype html><html><body><article><p>Subscribe for the full story.</p></article></body></html>';
    const body = articleBody(parseHTML(html).document, declared).paragraphs.join('\n');
    expect(body).toContain('In 2006, the envoy went to see a documentary on the border in Baku.');
    expect(body).toContain('The talks were not over, the ministry said.');
    expect(body).not.toMatch(/\+\+\+|\]\(|https:|\*\*/);
  });
});
