// Scores ingest on the real published articles in ../shared/corpus/real/
// (read from there, never copied in), against what its README says a
// correct ingest gets right. Skipped where ../shared is absent.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../src/corpus/build-store.js';
import { contents } from './helpers/corpus-contents.js';
import { REPO, tempData } from './helpers/temp-data.js';

const REAL = join(REPO, '../shared/corpus/real');

/** From the sample's README: each article's outlet, and whether it has two authors. */
const EXPECTED: { title: RegExp; outlet: string; authors: 0 | 1 | 2 }[] = [
  { title: /^Why Central Asia Focuses so Much on Railways/, outlet: 'RUSI', authors: 1 },
  { title: /^Georgia's pro-EU protesters defiant/, outlet: 'BBC News', authors: 1 },
  { title: /^Western Opportunities Amid Change in the South Caucasus/, outlet: 'RUSI', authors: 2 },
  { title: /^Peace Prospects in the South Caucasus/, outlet: 'RUSI', authors: 1 },
  { title: /^Georgia is dousing the last embers of democracy/, outlet: 'The Economist', authors: 0 },
  { title: /^Can the Middle Corridor be Europe's Middle Ground/, outlet: 'RUSI', authors: 2 },
];

/** Kinds of text that must never be quotable, in general wordings. */
const NEVER_QUOTED = [
  /\bviews expressed\b/i,
  /\bsend (us )?(a|your) (short )?pitch\b/i,
  /\bguidelines for contributors\b/i,
  /\bsign up (for|to)\b/i,
  /^(Hashtags|Comments|Related Articles|No comments yet)/,
  /\bis an? (Senior |Associate |Research )*(Fellow|Professor|Director)\b/,
];

describe.skipIf(!existsSync(REAL))('the real sample', async () => {
  const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.startsWith('real_')) : [];
  const paths = tempData({});
  for (const f of files) copyFileSync(join(REAL, f), join(paths.raw, f));
  const corpus = existsSync(REAL) ? openCorpus(paths) : null;
  const got = corpus ? await contents(corpus) : { articles: [], passages: [] };

  it.each(EXPECTED.map((e) => [e.title.source, e] as const))('%s: outlet and authors', (_, want) => {
    const a = got.articles.find((x) => want.title.test(x.title));
    expect(a, 'article found').toBeDefined();
    expect(a!.outlet).toBe(want.outlet);
    const named = a!.author === null ? 0 : a!.author.split(/,\s+|\s+and\s+/).length;
    expect(named).toBe(want.authors);
  });

  it('quotes no disclaimer, pitch, sign-up, interface line or author bio', async () => {
    const leaks = got.passages.filter((p) => NEVER_QUOTED.some((re) => re.test(p.text))).map((p) => p.text.slice(0, 80));
    expect(leaks).toEqual([]);
  });
});
