// A page updated long after it first appeared: both days are kept, and the
// text's relative dates count from the version that was read, not from 2012.
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/build-store.js';
import { exportCorpus } from '../../src/briefing/export.js';
import { contents } from '../helpers/corpus-contents.js';
import { tempData } from '../helpers/temp-data.js';

const page = (published: string, modified: string) => `<html><head><title>What is Nato?</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'What is Nato and which countries are in it?',
  datePublished: published,
  dateModified: modified,
  author: { '@type': 'Person', name: 'Duncan Walker' },
  publisher: { '@type': 'Organization', name: 'BBC' },
})}</script></head><body><article><h1>What is Nato and which countries are in it?</h1>
<p>Nato leaders met in Brussels last month to discuss spending on defence, and Turkey backed the plan.</p>
<p>The alliance was founded in 1949 by twelve countries, including the United States and the United Kingdom.</p>
<p>Finland joined the alliance after Russia invaded Ukraine, and Sweden followed a year later, officials said.</p>
</article></body></html>`;

describe('a page updated long after it first appeared', () => {
  it('keeps both days and dates "last month" from the version read', async () => {
    const paths = tempData({ 'nato.html': page('2012-05-10T14:29:05+00:00', '2026-04-25T09:00:00+00:00') });
    const corpus = openCorpus(paths);
    const { passages } = await contents(corpus);
    const exported = [];
    for await (const a of exportCorpus(corpus)) exported.push(a);
    expect(exported[0]).toMatchObject({ published: '2012-05-10', modified: '2026-04-25', authors: ['Duncan Walker'], outlet: 'BBC' });
    const lastMonth = passages.find((p) => p.text.includes('last month'))!.dates[0]!;
    expect(lastMonth).toMatchObject({ start: '2026-03', precision: 'month' });
  });

  it('counts from the publication day when the change was a day later', async () => {
    const paths = tempData({ 'nato.html': page('2026-04-24T14:29:05+00:00', '2026-04-25T09:00:00+00:00') });
    const { passages } = await contents(openCorpus(paths));
    expect(passages.find((p) => p.text.includes('last month'))!.dates[0]).toMatchObject({ start: '2026-03' });
  });
});
