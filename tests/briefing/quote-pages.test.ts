// Discord draws one page of an answer at a time: /actor, /says, /corridor and
// /search read that page's quotes only (five, not the hundred the answer
// holds), and the page drawn is the one the whole answer gives. The console
// and JSON, which ask for no page, get the whole answer as before.
import { afterAll, describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import type { Answer, Quote } from '../../src/briefing/answer-types.js';
import { MAX_QUOTES } from '../../src/briefing/quotes.js';
import { corridor } from '../../src/briefing/corridor.js';
import { says } from '../../src/briefing/says.js';
import { search } from '../../src/briefing/search.js';
import { pageWindow, renderPage } from '../../src/render/discord/render.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const PLANS = [
  'ports',
  'rail links',
  'gas exports',
  'visas',
  'flights',
  'border posts',
  'power lines',
  'roads',
  'grain',
  'banks',
  'tariffs',
  'ferries',
];
// An article in which Iran states twelve things: more than two pages of statements.
const STATEMENTS = [
  '---',
  'title: Tehran sets out its plans for the region',
  'outlet: Test Wire',
  'published: 2025-07-22',
  '---',
  '',
  ...PLANS.map((p, i) => `Iran said on day ${i + 1} of the talks that it would open new ${p} with its neighbours next year.\n`),
].join('\n');
const { corpus } = seedCorpus({ 'iran-plans.md': STATEMENTS });
afterAll(() => corpus.close());

const quotesOf = (a: Answer): Quote[] =>
  a.ok && (a.command === 'actor' || a.command === 'says' || a.command === 'corridor' || a.command === 'search') ? a.quotes : [];
type Ask = (w?: { offset: number; limit: number }) => Promise<Answer>;

describe('a page of quotes', () => {
  it.each<[string, Ask]>([
    ['/actor', (w) => actor(corpus, 'Iran', { window: w })],
    ['/actor said:true', (w) => actor(corpus, 'Iran', { said: true, window: w })],
    ['/says', (w) => says(corpus, { actor: 'Iran' }, w)],
    // The definition and the stance quotes lead, then the ranking without them.
    ['/corridor', (w) => corridor(corpus, 'Zangezur', w)],
    ['/search', (w) => search(corpus, 'Iran talks', w)],
    ['/search with a phrase', (w) => search(corpus, '"with its neighbours" Iran', w)],
    // Names of the other kind, and names the gazetteer lacks: the mention fallback.
    ['/actor of a corridor', (w) => actor(corpus, 'Zangezur corridor', { window: w })],
    ['/corridor of an actor', (w) => corridor(corpus, 'Iran', w)],
    ['/actor of an unknown name', (w) => actor(corpus, 'its neighbours', { window: w })],
  ])('%s reads the page asked for, and draws it as the whole answer does', async (line, ask) => {
    const whole = await ask();
    const all = quotesOf(whole);
    expect(all.length).toBeGreaterThan(5);
    if (line === '/corridor' && whole.ok && whole.command === 'corridor') expect(whole.corridor?.stances.length).toBeGreaterThan(0);
    expect(whole).not.toHaveProperty('page');
    const pages = Math.ceil(Math.min(MAX_QUOTES, all.length) / 5);
    for (let page = 0; page < pages; page++) {
      const paged = await ask(pageWindow('actor', page));
      expect(quotesOf(paged)).toEqual(all.slice(page * 5, page * 5 + 5));
      expect(paged).toMatchObject({ page: { offset: page * 5, total: all.length } });
      expect(renderPage(paged, page, line)).toEqual(renderPage(whole, page, line));
    }
  });
});
