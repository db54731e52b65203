// Anything a user can type gets an answer or a clear message, never a throw.
import { describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import { corridor } from '../../src/briefing/corridor.js';
import { describeProblem } from '../../src/briefing/problems.js';
import { search } from '../../src/briefing/search.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const { corpus } = seedCorpus();

/** What each command answers: `quotes` (an answer with quotes), `none` (an answer with none), or the problem's code. */
type Outcome = 'quotes' | 'none' | 'unknown-actor' | 'unknown-corridor' | 'no-search-terms' | 'empty-input' | 'input-too-long';

const HOSTILE: [input: string, actor: Outcome, corridor: Outcome, search: Outcome][] = [
  ['Iran:', 'quotes', 'quotes', 'quotes'],
  ['*', 'unknown-actor', 'unknown-corridor', 'no-search-terms'],
  ['-Iran', 'quotes', 'quotes', 'quotes'],
  ['~', 'unknown-actor', 'unknown-corridor', 'no-search-terms'],
  ['^', 'unknown-actor', 'unknown-corridor', 'no-search-terms'],
  ['Iran~', 'quotes', 'quotes', 'quotes'],
  ['Iran^x', 'unknown-actor', 'unknown-corridor', 'quotes'],
  ['10:30', 'unknown-actor', 'unknown-corridor', 'quotes'],
  ['https://x.com/a?b=c', 'unknown-actor', 'unknown-corridor', 'none'],
  ['+', 'unknown-actor', 'unknown-corridor', 'no-search-terms'],
  ['', 'empty-input', 'empty-input', 'empty-input'],
  ['x'.repeat(3000), 'input-too-long', 'input-too-long', 'input-too-long'],
  ['Iran\u0000\u0007\u001b[31m', 'unknown-actor', 'unknown-corridor', 'quotes'],
  ['\u202EnarI\u202C', 'unknown-actor', 'unknown-corridor', 'none'],
  ['Иран', 'quotes', 'quotes', 'none'],
  ['Путин', 'quotes', 'quotes', 'none'],
  ['@everyone', 'unknown-actor', 'unknown-corridor', 'none'],
  ['<@&123>', 'unknown-actor', 'unknown-corridor', 'none'],
  ['   ', 'empty-input', 'empty-input', 'empty-input'],
];

const outcome = (a: Awaited<ReturnType<typeof actor> | ReturnType<typeof corridor> | ReturnType<typeof search>>): Outcome =>
  a.ok ? (a.quotes.length > 0 ? 'quotes' : 'none') : (a.problem.code as Outcome);

describe.each([
  ['actor', 1, (t: string) => actor(corpus, t)],
  ['corridor', 2, (t: string) => corridor(corpus, t)],
  ['search', 3, (t: string) => search(corpus, t)],
] as const)('/%s with hostile input', (_, column, answer) => {
  it.each(HOSTILE.map((row) => [JSON.stringify(row[0]).slice(0, 40), row[0], row[column]] as const))(
    '%s answers %s',
    async (_, text, expected) => {
      const a = await answer(text);
      expect(outcome(a)).toBe(expected);
      // A problem always comes with words a person can act on.
      if (!a.ok) expect(describeProblem(a.problem).length).toBeGreaterThan(10);
    },
  );
});

describe('specific bad inputs', () => {
  it('says an empty or blank value is empty', async () => {
    for (const t of ['', '   ', '\u200B\u0000']) {
      const a = await search(corpus, t);
      expect(!a.ok && a.problem.code).toBe('empty-input');
    }
  });

  it('refuses a 3000-character value with the limit in the message', async () => {
    const a = await actor(corpus, 'x'.repeat(3000));
    expect(a.ok).toBe(false);
    if (!a.ok) expect(describeProblem(a.problem)).toContain('3000 characters long; the limit is 100');
  });

  it('treats query syntax as plain words: "Iran:" searches Iran, "*" has nothing to search', async () => {
    const iran = await search(corpus, 'Iran:');
    expect(iran.ok && iran.quotes.length).toBeGreaterThan(10);
    expect(iran.ok && iran.quotes.length).toBeLessThan((await corpus.size()).passages);
    const star = await search(corpus, '*');
    expect(!star.ok && star.problem.code).toBe('no-search-terms');
  });

  it('strips control and bidirectional characters before matching', async () => {
    const a = await actor(corpus, '\u202AIran\u0007');
    expect(a.ok && a.actor?.id).toBe('iran');
  });

  it('matches Cyrillic aliases', async () => {
    const a = await actor(corpus, 'Путин');
    expect(a.ok && a.actor?.id).toBe('vladimir-putin');
  });
});
