import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/corpus/ingest/article-draft.js';
import { parseAggregatorPage } from '../../src/corpus/ingest/aggregator-page.js';
import { FIXTURES, SEED_PAGE } from '../helpers/temp-data.js';

const source = { file: 'page.txt', format: 'aggregator-page' as const, retrieved: '2025-08-06', retrievedFrom: 'sidecar' as const };
const parse = (path: string): ArticleDraft[] => parseAggregatorPage(readFileSync(path, 'utf8'), { source, sidecar: null, knownNames: [] });
const texts = (d: ArticleDraft): string[] => d.items.map((i) => i.text);

describe('the aggregator page format, on a page in the same format the parser was not written against', () => {
  const [main, review, ferries] = parse(join(FIXTURES, 'pages/black-sea-page.txt'));

  it('finds the main article and every related block with its outlet', () => {
    expect([main?.title, review?.title, ferries?.title]).toEqual([
      "Georgia's balancing act on the Black Sea",
      'The port that never was',
      "Baku's new ferries",
    ]);
    expect([main?.outlet, review?.outlet, ferries?.outlet]).toEqual(['Caucasus Weekly', 'Eurasia Review', 'Caspian Monitor']);
  });

  it('takes authors from a bio, a "By" byline and a "date - name - section" byline', () => {
    expect([main?.author, review?.author, ferries?.author]).toEqual(['Mariam Kvaratskhelia', 'Tomas Vidal', 'Leyla Hasanova']);
  });

  it('resolves relative date lines against the retrieval day and marks them approximate', () => {
    expect(review?.published).toEqual({ date: '2025-08-04', approximate: true, text: '2 days ago' });
    expect(ferries?.published).toEqual({ date: '2025-06-03', approximate: false, text: null });
  });

  it('keeps captions apart from the body, with the credit cut where the next paragraph starts', () => {
    const caption = review!.items.find((i) => i.kind === 'caption');
    expect(caption?.text).toBe('Workers near the Anaklia site, Samegrelo region, Georgia, 3 May 2024.');
    expect(caption?.credit).toBe('EPA / Zurab Kurtsikidze');
    expect(texts(review!)).toContain('Georgian officials said in March that financing talks would resume.');
    expect(main!.items[0]).toMatchObject({ kind: 'caption', credit: 'Reuters / Irakli Gedenidze' });
  });

  it('drops appeals, republication notes, tag lines, bios and interface text', () => {
    const all = [main, review, ferries].flatMap((d) => texts(d!)).join('\n');
    for (const gone of [
      'reader-supported',
      'Donate',
      'originally published',
      'Try Our AI',
      'Hashtags',
      'is a journalist based',
      'is a correspondent',
      'She writes',
    ]) {
      expect(all).not.toContain(gone);
    }
    expect(main?.tags).toEqual(['Georgia', 'Black Sea', 'Middle Corridor', 'ports']);
    expect(review?.tags).toEqual(['shipping', 'Georgia', 'China']);
  });

  it('does not split sentences on abbreviations', () => {
    expect(texts(main!)).toContain('Critics in Tbilisi say the U.S. has lost interest.');
    expect(texts(main!)).toContain('Gen. Smith, a retired officer, disagrees.');
  });
});

describe('the seed page', () => {
  const drafts = parse(SEED_PAGE);
  const byTitle = (start: string) => drafts.find((d) => d.title.startsWith(start))!;

  it('splits sub-headings and photo credits out of one-line bodies', () => {
    const fog = texts(byTitle('The fog of war'));
    expect(fog.some((t) => t.startsWith("'In July, the Russians were able to capture"))).toBe(true);
    expect(fog.some((t) => t.includes('Operational encirclement'))).toBe(false);
    const caption = byTitle('The fog of war').items.find((i) => i.text.startsWith('Destruction in Kostyantynivka'));
    expect(caption).toMatchObject({
      kind: 'caption',
      text: 'Destruction in Kostyantynivka, Donetsk region, Ukraine, 30 July 2025.',
      credit: 'AFU / EPA',
    });
  });

  it('removes a byline run into the text and keeps the sentence it interrupted', () => {
    const realign = byTitle('Strategic realignment');
    expect(realign.author).toBe('Anna Matveeva');
    expect(texts(realign).some((t) => t.startsWith("When Armenia's prime minister, Nikol Pashinyan, met"))).toBe(true);
    expect(texts(realign).join(' ')).not.toContain('Visiting Senior Research Fellow');
  });
});

describe('metadata lines under the main title', () => {
  it('reads a "By" line and a date line as the author and date, not as paragraphs', () => {
    const page =
      'Title of the piece\nBy Jane Roe\n12 July 2025\nFirst paragraph of the article is here. It has two sentences.\nHashtags\nRelated ' +
      'Articles\n\nOutlet X\n1 day ago\n- Outlet X\nRelated title — Outlet X\nBody of the related article goes here.\n';
    const [main] = parseAggregatorPage(page, { source, sidecar: null, knownNames: [] });
    expect(main).toMatchObject({ title: 'Title of the piece', author: 'Jane Roe', published: { date: '2025-07-12', approximate: false } });
    expect(main!.items.map((i) => i.text)).toEqual(['First paragraph of the article is here.', 'It has two sentences.']);
  });
});

describe('other caption and bio forms', () => {
  const page = [
    'Main title here',
    'A damaged bridge in Kherson, 2 June 2025 (Photo: Reuters).',
    'The first real paragraph has a sentence. It has another one too.',
    'About the author: Jane Roe is a senior fellow at the Caucasus Institute.',
    'Hashtags',
    'Related Articles',
    '',
    'Outlet Y',
    '3 hrs ago',
    '- Outlet Y',
    'Another title — Outlet Y',
    'Officials met on Monday. Soldiers near Kupyansk, 5 June 2025. Photo by Anna Smith / AFP The talks resumed on Tuesday in Baku.',
  ].join('\n');
  const [main, related] = parseAggregatorPage(page, { source, sidecar: null, knownNames: [] });

  it('reads a bracketed credit at the end of a caption', () => {
    expect(main!.items[0]).toMatchObject({ kind: 'caption', text: 'A damaged bridge in Kherson, 2 June 2025', credit: 'Reuters' });
  });

  it('reads an "About the author" bio', () => {
    expect(main!.author).toBe('Jane Roe');
    expect(main!.items.map((i) => i.text).join(' ')).not.toContain('senior fellow');
  });

  it('cuts a "Photo by" credit where the text resumes', () => {
    expect(related!.items.map((i) => [i.kind, i.text])).toEqual([
      ['body', 'Officials met on Monday.'],
      ['caption', 'Soldiers near Kupyansk, 5 June 2025.'],
      ['body', 'The talks resumed on Tuesday in Baku.'],
    ]);
    expect(related!.items[1]!.credit).toBe('Anna Smith / AFP');
  });

  it('does not take "Photos by residents showed ..." for a credit', () => {
    const p =
      'T\nBody one is here.\nHashtags\nRelated Articles\n\nZ\n1 day ago\n- Z\nTitle — Z\nThe town was shelled overnight. Photos by ' +
      'residents showed the damage.\n';
    const [, r] = parseAggregatorPage(p, { source, sidecar: null, knownNames: [] });
    expect(r!.items.map((i) => i.kind)).toEqual(['body', 'body']);
  });
});
