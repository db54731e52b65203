// `watch test` on a real corpus: which articles a rule matches over a period,
// names looked up as /actor looks them up, and the quotes that show why.
import { describe, expect, it } from 'vitest';
import { readSince, watchTest, type WatchTestAnswer } from '../../src/briefing/watch/watch-test.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { tempData } from '../helpers/temp-data.js';

const md = (title: string, outlet: string, published: string, paragraphs: string[]) =>
  `---\ntitle: ${title}\noutlet: ${outlet}\nauthor: A. Writer\npublished: ${published}\n---\n\n${paragraphs.join('\n\n')}\n`;

const corpus = openCorpus(
  tempData({
    'rail.md': md('Rail link talks', 'OC Media', '2026-12-04', [
      'Iran said on Monday it backed the Middle Corridor, and officials in Tehran promised new freight terminals.',
      'Georgia welcomed the plan, which its ports would serve.',
      'Delegates from eight capitals discussed tariffs, customs, gauges, wagons, cranes, warehouses, insurance, financing, ' +
        'timetables, tenders, inspections, quotas, licences, audits, pilots, tugs, berths and digital paperwork before ' +
        'agreeing on the new container ferries.',
    ]),
    'treaty.md': md('Peace treaty text agreed', 'Caucasus Daily', '2026-12-02', [
      'Armenia and Azerbaijan agreed the text of a peace treaty in Washington, diplomats said.',
      'The football federations of both countries also met, but that had nothing to do with the talks.',
    ]),
    'match.md': md('A football match', 'Caucasus Daily', '2026-12-03', [
      'The peace treaty was the talk of the stadium before the football match in Tbilisi, fans said.',
    ]),
    'old.md': md('Old talks on the corridor', 'OC Media', '2026-10-01', [
      'Iran said the Middle Corridor would never bypass its territory, the ministry said in October.',
    ]),
  }),
);
const NOW = new Date('2026-12-07T12:00:00Z');
const test = async (rule: string, since = '7d') => {
  const a = await watchTest(corpus, rule, { since, now: NOW });
  if (!a.ok) throw new Error(`${rule}: ${a.problem.code}`);
  return a;
};
const titles = (a: WatchTestAnswer) => a.matches.map((m) => m.article.title).sort();

describe('watch test', () => {
  it('matches an actor and a corridor anywhere in the article, within the period', async () => {
    const a = await test('actor:Iran corridor:"Middle Corridor"');
    expect(a).toMatchObject({ since: '2026-11-30', scanned: 3, matched: 1 });
    expect(titles(a)).toEqual(['Rail link talks']);
    // The October article matches too once the period reaches it.
    expect(titles(await test('actor:Iran corridor:"Middle Corridor"', '90d'))).toEqual(['Old talks on the corridor', 'Rail link talks']);
    expect((await test('actor:Iran', '2026-10-01')).matched).toBe(2);
    expect((await test('actor:Iran', 'all')).matched).toBe(2);
  });

  it('finds a word anywhere in a long passage, in any form the search index folds together', async () => {
    // "ferries" comes after more than two dozen other words of its sentence, and is asked for in the singular.
    expect(titles(await test('ferry'))).toEqual(['Rail link talks']);
    expect(titles(await test('ports serve'))).toEqual(['Rail link talks']);
  });

  it('reads names as /actor does: aliases and other spellings of the gazetteer', async () => {
    expect(titles(await test('actor:Tehran'))).toEqual(titles(await test('actor:Iran')));
  });

  it('takes OR, exclusions, phrases and outlets', async () => {
    // Tbilisi names Georgia, as /actor counts it.
    expect(titles(await test('actor:Georgia OR actor:Azerbaijan'))).toEqual([
      'A football match',
      'Peace treaty text agreed',
      'Rail link talks',
    ]);
    // The article about the match says "football"; the treaty's own article does too, in another paragraph.
    expect(titles(await test('"peace treaty" -football'))).toEqual([]);
    expect(titles(await test('"peace treaty" -stadium'))).toEqual(['Peace treaty text agreed']);
    expect(titles(await test('outlet:"oc media" actor:Georgia'))).toEqual(['Rail link talks']);
  });

  it('shows why with the passages that meet the most of the rule, its words marked', async () => {
    const a = await test('"peace treaty" Washington');
    const quote = a.matches[0]!.quotes[0]!;
    expect(quote.text).toMatch(/^Armenia and Azerbaijan agreed the text of a peace treaty in Washington/);
    expect(quote.matches!.map((s) => quote.text.slice(s.start, s.start + s.length)).sort()).toEqual(['Washington', 'peace treaty']);
    expect(quote.article).toMatchObject({ title: 'Peace treaty text agreed', outlet: 'Caucasus Daily', published: '2026-12-02' });
  });

  it('answers a mistake with a problem: the rule, an unknown name with the closest, the period', async () => {
    expect(await watchTest(corpus, 'actor:Iran OR (', { since: '7d', now: NOW })).toMatchObject({
      ok: false,
      problem: { code: 'bad-rule', message: 'the rule ends where a term was expected', at: 15 },
    });
    const unknown = await watchTest(corpus, 'actor:Azerbajan', { since: '7d', now: NOW });
    expect(unknown).toMatchObject({ ok: false, problem: { code: 'unknown-actor', name: 'Azerbajan' } });
    expect(!unknown.ok && unknown.problem.code === 'unknown-actor' && unknown.problem.suggestions[0]?.name).toBe('Azerbaijan');
    expect(await watchTest(corpus, 'Iran', { since: 'last week', now: NOW })).toMatchObject({ ok: false, problem: { code: 'bad-since' } });
    expect(readSince('30d', NOW)).toEqual({ since: '2026-11-07' });
  });
});
