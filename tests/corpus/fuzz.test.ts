// Random input never crashes ingest or an answer: property tests with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import { search } from '../../src/briefing/search.js';
import { parseAggregatorPage } from '../../src/corpus/ingest/aggregator-page.js';
import { buildPassages } from '../../src/corpus/ingest/passages.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const source = { file: 'f.txt', format: 'aggregator-page' as const, retrieved: '2025-08-06', retrievedFrom: 'sidecar' as const };
const line = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('', 'Hashtags', 'Related Articles', '5 hours ago', '- Outlet', 'Outlet', 'Photo: EPA', "'Quote.", '—'));

describe('fuzzing', () => {
  it('parses any page made of plausible and random lines without throwing, and every passage has text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        for (const d of parseAggregatorPage(lines.join('\n'), { source, sidecar: null, knownNames: [] })) {
          for (const p of buildPassages(d.items).passages) expect(p.text.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers any typed text', () => {
    const { corpus } = seedCorpus();
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        expect(typeof search(corpus, text).ok).toBe('boolean');
        expect(typeof actor(corpus, text).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
