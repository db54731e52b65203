// Anything a user can type gets an answer or a clear message, never a throw.
import { describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import { corridor } from '../../src/briefing/corridor.js';
import { describeProblem } from '../../src/briefing/problems.js';
import { search } from '../../src/briefing/search.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const { corpus } = seedCorpus();

const HOSTILE = [
  'Iran:',
  '*',
  '-Iran',
  '~',
  '^',
  'Iran~',
  'Iran^x',
  '10:30',
  'https://x.com/a?b=c',
  '+',
  '',
  'x'.repeat(3000),
  'Iran\u0000\u0007\u001b[31m',
  '\u202EnarI\u202C',
  'Иран',
  'Путин',
  '@everyone',
  '<@&123>',
  '   ',
];

describe.each([
  ['actor', (t: string) => actor(corpus, t)],
  ['corridor', (t: string) => corridor(corpus, t)],
  ['search', (t: string) => search(corpus, t)],
] as const)('/%s with hostile input', (_, answer) => {
  it.each(HOSTILE.map((t) => [JSON.stringify(t).slice(0, 40), t]))('%s gets an answer or a clear message', (_, text) => {
    const a = answer(text);
    if (!a.ok) expect(describeProblem(a.problem).length).toBeGreaterThan(10);
  });
});

describe('specific bad inputs', () => {
  it('says an empty or blank value is empty', () => {
    for (const t of ['', '   ', '\u200B\u0000']) {
      const a = search(corpus, t);
      expect(!a.ok && a.problem.code).toBe('empty-input');
    }
  });

  it('refuses a 3000-character value with the limit in the message', () => {
    const a = actor(corpus, 'x'.repeat(3000));
    expect(a.ok).toBe(false);
    if (!a.ok) expect(describeProblem(a.problem)).toContain('3000 characters long; the limit is 100');
  });

  it('treats query syntax as plain words: "Iran:" searches Iran, "*" has nothing to search', () => {
    const iran = search(corpus, 'Iran:');
    expect(iran.ok && iran.quotes.length).toBeGreaterThan(10);
    expect(iran.ok && iran.quotes.length).toBeLessThan(corpus.size().passages);
    const star = search(corpus, '*');
    expect(!star.ok && star.problem.code).toBe('no-search-terms');
  });

  it('strips control and bidirectional characters before matching', () => {
    const a = actor(corpus, '\u202AIran\u0007');
    expect(a.ok && a.actor?.id).toBe('iran');
  });

  it('matches Cyrillic aliases', () => {
    const a = actor(corpus, 'Путин');
    expect(a.ok && a.actor?.id).toBe('vladimir-putin');
  });
});
