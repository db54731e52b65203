// Random input never crashes ingest or an answer: property tests with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import { search } from '../../src/briefing/search.js';
import { parseAggregatorPage } from '../../src/corpus/ingest/aggregator-page.js';
import { buildPassages } from '../../src/corpus/ingest/passages.js';
import { articleDates } from '../../src/corpus/extract/dates/passage-dates.js';
import { firstDay, lastDay } from '../../src/corpus/extract/dates/date-value.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const source = { file: 'f.txt', format: 'aggregator-page' as const, retrieved: '2025-08-06', retrievedFrom: 'sidecar' as const };
const line = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', 'Hashtags', 'Related Articles', '5 hours ago', '- Outlet', 'Outlet', 'Photo: EPA', "'Quote.", '—'),
);

describe('fuzzing', () => {
  it('reads dates from any text without throwing, and every date is well formed and in order', async () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'in 2023',
        'between 1988 and 1994',
        '2021–2022',
        'On 10 July',
        'In March',
        'last week',
        'Two months later',
        '$10,000',
        '2,000 troops',
        'the 1990s',
        '12 March-15 April 2023',
        'yesterday',
        'may',
        '3/4',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 8 }).map((p) => p.join(' ')),
          { maxLength: 5 },
        ),
        fc.constantFrom('2025-08-06', '2024-01-02', null),
        (texts, published) => {
          for (const dates of articleDates(
            texts.map((text) => ({ text, kind: 'body' as const })),
            { published },
          )) {
            for (const d of dates) {
              expect(d.start).toMatch({ year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ }[d.precision]);
              if (d.end) expect(lastDay(d.end) >= firstDay(d.start)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parses any page made of plausible and random lines without throwing, and every passage has text', async () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        for (const d of parseAggregatorPage(lines.join('\n'), { source, sidecar: null, knownNames: [] })) {
          for (const p of buildPassages(d.items).passages) expect(p.text.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Two hundred answers (fast-check's default of 100 runs, a new seed each time the suite runs): a second on a busy
  // machine, so a generous limit (no figure is asserted).
  it('answers any typed text', { timeout: 60_000 }, async () => {
    const { corpus } = seedCorpus();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400, unit: 'binary' }), async (text) => {
        expect(typeof (await search(corpus, text)).ok).toBe('boolean');
        expect(typeof (await actor(corpus, text)).ok).toBe('boolean');
      }),
      { numRuns: 100 },
    );
  });
});
