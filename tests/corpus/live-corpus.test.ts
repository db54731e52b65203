import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { liveCorpus } from '../../src/corpus/live-corpus.js';
import { makeLogger } from '../../src/logger.js';
import { seedData } from '../helpers/seed-corpus.js';

const ARTICLE = `---
title: Baku and Yerevan agree on border commission
outlet: Test Wire
author: A. Writer
published: 2026-11-20
---

Azerbaijan and Armenia agreed on 18 November 2026 to meet again on the Zangezur Corridor.
`;

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  return check();
};

/** The seed corpus, live, recording its log lines and the batches of new article ids it reports. */
function openLive() {
  const paths = seedData();
  const logs: string[] = [];
  const added: string[][] = [];
  const live = liveCorpus(
    paths,
    makeLogger('info', (l) => logs.push(l)),
    { onAdded: (ids) => added.push(ids), pollMs: 20 },
  );
  return { paths, logs, added, live };
}

describe('the live corpus', () => {
  it('answers from rows `briefing ingest` commits, with no reload, and reports the new articles once', async () => {
    const { paths, added, live } = openLive();
    const corpus = live.current();
    const before = (await corpus.size()).articles;
    expect(await waitFor(() => added.length === 1)).toBe(true);
    expect(added[0]).toHaveLength(before);
    live.watchBuild();
    try {
      writeFileSync(join(paths.raw, 'border.md'), ARTICLE);
      buildCorpus(paths);
      // The same connection sees the new rows: nothing is loaded again.
      expect((await corpus.size()).articles).toBe(before + 1);
      expect(await waitFor(() => added.length === 2)).toBe(true);
      expect(added[1]).toHaveLength(1);
      expect((await corpus.article(added[1]![0]!))?.title).toBe('Baku and Yerevan agree on border commission');
    } finally {
      live.stop();
    }
  });

  // A worker thread loads the ingest code and reads raw/ twice: seconds on a busy machine.
  it('ingests raw/ again in a worker on reload, and keeps answering when that fails', { timeout: 60_000 }, async () => {
    const { paths, logs, added, live } = openLive();
    try {
      const before = (await live.current().size()).articles;
      writeFileSync(join(paths.raw, 'border.md'), ARTICLE);
      expect(await live.reload('SIGHUP')).toBe(true);
      expect((await live.current().size()).articles).toBe(before + 1);
      expect(added.at(-1)).toHaveLength(1);
      expect(logs.join('\n')).toMatch(/ingest \(SIGHUP\): corpus updated from raw\/: 1 new article\(s\)/);

      writeFileSync(paths.gazetteer, '{ not json');
      expect(await live.reload('SIGHUP')).toBe(false);
      expect((await live.current().size()).articles).toBe(before + 1);
      expect(logs.join('\n')).toMatch(/ingest \(SIGHUP\) failed; still answering from the corpus as it was: .*gazetteer\.json/);
    } finally {
      live.stop();
    }
  });
});
