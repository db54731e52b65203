// The ingest thread against a real data folder: kept between ingests (the
// pipeline is loaded once), closed when idle and started again when needed,
// one ingest at a time, a failing ingest reported without losing the thread.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestThread } from '../../src/corpus/ingest-thread.js';
import { seedData } from '../helpers/seed-corpus.js';

const article = (title: string) =>
  `---\ntitle: ${title}\noutlet: Test Wire\nauthor: A. Writer\npublished: 2026-11-20\n---\n\n` +
  'Azerbaijan and Armenia agreed on 18 November 2026 to meet again on the Zangezur Corridor.\n';

function thread(idleMs?: number) {
  const paths = seedData();
  let started = 0;
  const t = ingestThread(paths.root, { ...(idleMs ? { idleMs } : {}), started: () => started++ });
  return { paths, t, started: () => started };
}

// A worker thread loads the ingest code: a second or more on a busy machine.
describe('the ingest thread', { timeout: 60_000 }, () => {
  it('is kept between ingests: two in a row start one thread, and each reads what is new', async () => {
    const { paths, t, started } = thread();
    try {
      writeFileSync(join(paths.raw, 'one.md'), article('First talks'));
      const lines: string[] = [];
      expect(await t.run((l) => lines.push(l))).toEqual({ done: 'corpus updated from raw/: 1 new article(s)' });
      writeFileSync(join(paths.raw, 'two.md'), article('Second talks'));
      expect(await t.run(() => {})).toEqual({ done: 'corpus updated from raw/: 1 new article(s)' });
      expect(await t.run(() => {})).toEqual({ done: null });
      expect(started()).toBe(1);
    } finally {
      t.close();
    }
  });

  it('runs ingests asked for together one after the other, in order', async () => {
    const { paths, t, started } = thread();
    try {
      writeFileSync(join(paths.raw, 'one.md'), article('First talks'));
      const outcomes = await Promise.all([t.run(() => {}), t.run(() => {})]);
      expect(outcomes).toEqual([{ done: 'corpus updated from raw/: 1 new article(s)' }, { done: null }]);
      expect(started()).toBe(1);
    } finally {
      t.close();
    }
  });

  it('closes when idle, and the next ingest starts it again', async () => {
    const { paths, t, started } = thread(50);
    try {
      expect(await t.run(() => {})).toEqual({ done: null });
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(join(paths.raw, 'one.md'), article('First talks'));
      expect(await t.run(() => {})).toEqual({ done: 'corpus updated from raw/: 1 new article(s)' });
      expect(started()).toBe(2);
    } finally {
      t.close();
    }
  });

  it('reports a failing ingest and keeps the thread for the next; after close it says it stopped', async () => {
    const { paths, t, started } = thread();
    writeFileSync(paths.gazetteer, '{ not json');
    const failed = await t.run(() => {});
    expect('error' in failed && failed.error).toMatch(/gazetteer\.json/);
    writeFileSync(paths.gazetteer, JSON.stringify({ version: 1, actors: [], corridors: [] }));
    expect(await t.run(() => {})).toMatchObject({ done: expect.any(String) });
    expect(started()).toBe(1);
    t.close();
    expect(await t.run(() => {})).toEqual({ error: 'stopped' });
  });
});
