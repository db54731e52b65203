// HTML entities are decoded in every input format, in metadata and text,
// so a quote reads as the article did and each format gives the same id.
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/build-store.js';
import { contents } from '../helpers/corpus-contents.js';
import { tempData } from '../helpers/temp-data.js';

const MD = `---
title: Yerevan &amp; Baku &mdash; the road ahead
outlet: Test Gazette
author: Ani Petrosyan
published: 2025-07-20
---

Armenia&#8217;s talks with Azerbaijan resumed on 3 July &ndash; officials said so. AT&T was not involved.
`;

const RECORD = {
  title: 'Yerevan &amp; Baku &mdash; the road ahead',
  outlet: 'Other Wire',
  author: 'O. Ivanenko &amp; A. Writer',
  published: '2025-07-21',
  body: 'Iran&#39;s envoy said &quot;no&quot; to the plan.',
};
const JSONL = `${JSON.stringify(RECORD)}\n`;

describe('HTML entities', () => {
  it('are decoded in Markdown and JSON Lines, metadata and quotes alike, and "AT&T" stays as written', async () => {
    const corpus = openCorpus(tempData({ 'a.md': MD, 'b.jsonl': JSONL }));
    const { articles, passages } = await contents(corpus);
    expect(articles.map((a) => a.title)).toEqual(['Yerevan & Baku — the road ahead', 'Yerevan & Baku — the road ahead']);
    expect(articles.find((a) => a.outlet === 'Other Wire')?.author).toBe('O. Ivanenko & A. Writer');
    const texts = passages.map((p) => p.text).join('\n');
    expect(texts).toContain('Armenia’s talks with Azerbaijan resumed on 3 July – officials said so.');
    expect(texts).toContain('AT&T was not involved.');
    expect(texts).toContain('Iran\'s envoy said "no" to the plan.');
    expect(texts).not.toMatch(/&(amp|mdash|ndash|quot|#\d+);/);
    corpus.close();
  });
});
