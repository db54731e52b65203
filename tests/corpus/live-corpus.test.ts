import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { liveCorpus } from '../../src/corpus/live-corpus.js';
import { makeLogger } from '../../src/logger.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { tempData } from '../helpers/temp-data.js';

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

describe('the live corpus', () => {
  it('reloads when `briefing ingest` writes a new build, and keeps the old corpus when a reload fails', async () => {
    const paths = tempData(SEED_FILES);
    const logs: string[] = [];
    const loaded: number[] = [];
    const live = liveCorpus(paths, makeLogger('info', (l) => logs.push(l)), (c) => loaded.push(c.data.articles.length));
    const before = live.current().data.articles.length;
    live.watchBuild();
    try {
      writeFileSync(join(paths.raw, 'border.md'), ARTICLE);
      buildCorpus(paths);
      expect(await waitFor(() => live.current().data.articles.length === before + 1)).toBe(true);
      expect(loaded).toEqual([before, before + 1]);
      expect(logs.join('\n')).toMatch(new RegExp(`corpus reloaded \\(a new build was written\\): ${before + 1} article\\(s\\) \\(was ${before}\\)`));

      writeFileSync(paths.gazetteer, '{ not json');
      expect(live.reload('SIGHUP')).toBe(false);
      expect(live.current().data.articles.length).toBe(before + 1);
      expect(logs.join('\n')).toMatch(/corpus reload \(SIGHUP\) failed; still answering from the corpus loaded before: .*gazetteer\.json/);
    } finally {
      live.stop();
    }
  });
});
