// The corpus moved from an in-memory JSON build to a database; the answers
// did not change. tests/fixtures/answers-before-store.json holds, for every
// command line below, a hash of the full JSON answer the in-memory build gave
// on the seed page and the test fixtures. Full-text hits are compared as sets:
// the index ranks equal matches in its own order (BM25).
//
// Changed on purpose since, each with its hash updated: /timeline, where "In the spring of 2024" reads as
// March-May 2024 (a season keeps the months it names) instead of the year 2024 (ingest version 21).
import { createHash } from 'node:crypto';
import { readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerCommands as commands } from '../../src/commands/index.js';
import { parseCommandLine } from '../../src/parse-command-line.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { toJson } from '../../src/render/json.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { FIXTURES, tempData } from '../helpers/temp-data.js';

type Expected = { sha256: string } | { rankedByText: true; ids: string[]; total: number | null };
const expected = JSON.parse(readFileSync(join(FIXTURES, 'answers-before-store.json'), 'utf8')) as Record<string, Expected>;

/**
 * Fields added since the hashes were taken: `authors` beside every article's `author`, and
 * `published_at` and `url` in every citation (a /sources entry had `url` already: it stays compared);
 * `speech` on every quote, `statements` on every actor card and `said` on every corridor stance (who said what);
 * `also` on a /brief (the other outlets of each quote's story).
 */
const ADDED = new Set(['authors', 'published_at', 'speech', 'statements', 'said', 'also']);
const addedTo = (o: object, k: string) => ADDED.has(k) || (k === 'url' && 'authors' in o && !('passages' in o));

/**
 * Lists whose order is the entity ranking's: an answer's quotes, and the actors and corridors of a
 * quote or event. Ranking was changed on purpose after the hashes were taken (quotes where the
 * entity acts lead); what is quoted and tagged is compared, in id order.
 */
const RANKED = new Set(['quotes', 'actors', 'corridors']);
const byId = (list: unknown[]) =>
  list.every((x) => x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string')
    ? [...(list as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    : list;

/** JSON with keys sorted, so the hash does not depend on the order fields were written in. */
const canonical = (v: unknown, key = ''): string =>
  Array.isArray(v)
    ? `[${(RANKED.has(key) ? byId(v) : v).map((x) => canonical(x)).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .filter((k) => !addedTo(v, k))
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k], k)}`)
          .join(',')}}`
      : JSON.stringify(v);

describe('answers after the move to the corpus database', () => {
  const paths = tempData({
    ...SEED_FILES,
    'articles.jsonl': readFileSync(join(FIXTURES, 'articles.jsonl'), 'utf8'),
    'markdown-article.md': readFileSync(join(FIXTURES, 'markdown-article.md'), 'utf8'),
    'black-sea-page.txt': readFileSync(join(FIXTURES, 'pages/black-sea-page.txt'), 'utf8'),
  });
  // Files without a sidecar date relative phrases from their modification day: the day the hashes were taken.
  const day = new Date('2026-11-25T12:00:00Z');
  for (const f of ['articles.jsonl', 'markdown-article.md', 'black-sea-page.txt']) utimesSync(join(paths.raw, f), day, day);
  const corpus = openCorpus(paths);

  it.each(Object.keys(expected))('%s', async (line) => {
    const parsed = parseCommandLine(line, commands);
    if (!parsed.ok) throw new Error(parsed.problem.code);
    const answer = toJson(await parsed.command.execute({ corpus, options: parsed.options })) as Record<string, unknown>;
    const want = expected[line]!;
    if ('rankedByText' in want) {
      const quotes = answer.quotes as { id: string }[];
      expect(quotes.map((q) => q.id).sort()).toEqual(want.ids);
      expect(answer.total ?? null).toBe(want.total);
      return;
    }
    // Windowed answers gained `total` and `offset`; everything that was there is unchanged.
    const { total: _t, offset: _o, ...before } = answer;
    // /brief lists its latest events newest first since the hashes were taken (they were oldest first): the same events.
    if (answer.command === 'brief') before.events = [...(before.events as unknown[])].reverse();
    expect(createHash('sha256').update(canonical(before)).digest('hex')).toBe(want.sha256);
  });
});
