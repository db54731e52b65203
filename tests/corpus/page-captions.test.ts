// Photo captions as pages mark them up: a caption is quoted as a caption (with
// its credit), never as the article's text, however the box is built.
import { describe, expect, it } from 'vitest';
import { parseHtmlArticle } from '../../src/corpus/ingest/html-article.js';
import { newsParagraphs } from '../helpers/news-pages.js';

const SOURCE = { file: 'page.html', format: 'html', retrieved: '2026-03-02', retrievedFrom: 'sidecar' } as const;
const paragraphs = newsParagraphs('captions', 6);
const page = (figure: string) => `<!doctype html><html><head><title>Talks resume</title></head><body>
<article><h1>Talks resume on the border crossing</h1>
${figure}
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;

const CAPTION = 'Delegations meet at the border crossing near Ijevan. The talks lasted six hours.';

function laidOut(figure: string) {
  const items = parseHtmlArticle(page(figure), SOURCE, null, []).items;
  return { body: items.filter((i) => i.kind === 'body').map((i) => i.text), captions: items.filter((i) => i.kind === 'caption') };
}

describe('photo captions', () => {
  it.each([
    [
      'a credit element before the caption',
      `<figure><img src="a.jpg"><figcaption><p class="image-credit">Ani Petrosyan | Reuters</p><p>${CAPTION}</p></figcaption></figure>`,
    ],
    [
      'a credit element after it',
      `<figure><img src="a.jpg"><figcaption><span>${CAPTION}</span><span>Credit: Ani Petrosyan | Reuters</span></figcaption></figure>`,
    ],
    [
      'a credit box of its own after the caption box',
      `<div><div class="imageEmbedCaption">${CAPTION}</div><div class="imageEmbedCredit">Ani Petrosyan | Reuters</div></div>`,
    ],
    [
      'a text-only caption box beside the picture',
      `<div class="box"><img src="a.jpg"><div class="caption-text">${CAPTION}</div>` +
        '<div class="credit">(Image: © Ani Petrosyan | Reuters)</div></div>',
    ],
    [
      'a credit written into the caption',
      `<figure><img src="a.jpg"><figcaption>${CAPTION} Photo: Ani Petrosyan | Reuters</figcaption></figure>`,
    ],
  ])('with %s: one caption passage with its credit, nothing of it in the body', (_, figure) => {
    const { body, captions } = laidOut(figure);
    expect(captions).toEqual([
      expect.objectContaining({ text: CAPTION, credit: expect.stringMatching(/^(?:© )?Ani Petrosyan \| Reuters$/) }),
    ]);
    expect(body.join('\n')).not.toMatch(/Ijevan|six hours|Petrosyan/);
    expect(body).toEqual(expect.arrayContaining([expect.stringContaining(paragraphs[0]!.slice(0, 40))]));
  });

  it('quotes a credit that stands with no caption nowhere', () => {
    const { body, captions } = laidOut('<figure><img src="a.jpg"><figcaption>(Photo: © Ani Petrosyan | Reuters)</figcaption></figure>');
    expect(captions).toEqual([]);
    expect(body.join('\n')).not.toContain('Petrosyan');
    expect(body).toHaveLength(paragraphs.length);
  });
});
