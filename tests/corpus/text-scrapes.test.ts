// Text scrapes: a .txt that is not an aggregator page is one article, its first
// line the headline; the byline and date lines under it are read as such and
// never quoted, in .txt and in .md alike.
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/build-store.js';
import { headerCredits } from '../../src/corpus/ingest/header-lines.js';
import { contents } from '../helpers/corpus-contents.js';
import { tempData } from '../helpers/temp-data.js';

const BODY =
  'Armenia and Azerbaijan resumed talks on the border on Monday, officials in Yerevan said.\n\n' +
  'Iran said it would watch the negotiations closely.';

describe('text scrapes', () => {
  it.each([
    ['Jane Doe | 27.02.2026', ['Jane Doe'], '27.02.2026'],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe'], null],
    ['Published on Feb 27, 2026', [], 'Feb 27, 2026'],
    ['By ANNA SMITH - February 27, 2026 at 10:30', ['Anna Smith'], 'February 27, 2026'],
  ])('reads the credit line %s', (line, authors, published) => {
    expect(headerCredits([line, 'The talks resumed on Monday.'])).toEqual({ authors, published, rest: ['The talks resumed on Monday.'] });
  });

  it('leaves a sentence that merely starts with a name, and a line far into the text, alone', () => {
    const text = ['Jane Doe said the talks would resume.', 'a', 'b', 'c', 'd', 'e', 'f', 'By Jane Doe'];
    expect(headerCredits(text).rest).toEqual(text);
  });

  it('ingests a plain .txt scrape as one article, credits read and never quoted', async () => {
    const paths = tempData({
      'kyiv.txt': `Border talks resume in Yerevan\n\nBy Ani Petrosyan\n\nPublished on Feb 27, 2026\n\n${BODY}\n`,
      'kyiv.meta.json': JSON.stringify({ retrieved: '2026-03-01', outlet: 'Kyiv Post' }),
      'oc.md': `# Ceasefire holds\n\nNino Beridze | 27.02.2026\n\n${BODY}\n`,
    });
    const { articles, passages } = await contents(openCorpus(paths));
    expect(articles.map((a) => [a.title, a.outlet, a.author, a.published]).sort()).toEqual([
      ['Border talks resume in Yerevan', 'Kyiv Post', 'Ani Petrosyan', '2026-02-27'],
      ['Ceasefire holds', null, 'Nino Beridze', '2026-02-27'],
    ]);
    const quoted = passages.map((p) => p.text).join('\n');
    expect(quoted).not.toMatch(/Ani Petrosyan|Nino Beridze|Published on|27\.02\.2026|Border talks resume/);
    expect(passages.filter((p) => p.text.startsWith('Armenia and Azerbaijan resumed talks'))).toHaveLength(2);
  });
});

describe('wire datelines', () => {
  it('are never quoted, and date a report that states no other date', async () => {
    const paths = tempData({
      'wire.md':
        '---\ntitle: Talks resume\noutlet: Wire\n---\n\n' +
        'WASHINGTON, August 8 (Xinhua) -- Armenia and Azerbaijan resumed talks, officials said.\n',
      'wire.meta.json': JSON.stringify({ retrieved: '1998-08-20' }),
      'dated.md':
        '---\ntitle: Talks end\noutlet: Wire\npublished: 1998-08-10\n---\n\n' +
        'MOSCOW, Aug. 9 (Reuters) - Russia said the talks had ended.\n',
    });
    const { articles, passages } = await contents(openCorpus(paths));
    expect(articles.find((a) => a.title === 'Talks resume')).toMatchObject({ published: '1998-08-08', publishedApproximate: true });
    expect(articles.find((a) => a.title === 'Talks end')).toMatchObject({ published: '1998-08-10' });
    // Where and when each was filed stays with the article (and in `briefing export`).
    expect(articles.map((a) => a.dateline).sort((a, b) => (a!.place < b!.place ? -1 : 1))).toEqual([
      { place: 'MOSCOW', agency: 'Reuters', text: 'Aug. 9', date: '1998-08-09' },
      { place: 'WASHINGTON', agency: 'Xinhua', text: 'August 8', date: '1998-08-08' },
    ]);
    expect(passages.map((p) => p.text).sort()).toEqual([
      'Armenia and Azerbaijan resumed talks, officials said.',
      'Russia said the talks had ended.',
    ]);
  });
});
