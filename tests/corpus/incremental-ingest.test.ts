// Incremental ingest against real SQLite files: each change to raw/ costs
// only itself, and the result is the corpus a full rebuild gives.
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { DataPaths } from '../../src/corpus/data-dir.js';
import { withIngestLock } from '../../src/corpus/db/ingest-lock.js';
import { contents } from '../helpers/corpus-contents.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { FIXTURES, REPO, tempData } from '../helpers/temp-data.js';

const md = readFileSync(join(FIXTURES, 'markdown-article.md'), 'utf8');
const jsonl = readFileSync(join(FIXTURES, 'articles.jsonl'), 'utf8');

/** Everything answers read, in a form two corpora can be compared in. */
async function snapshot(paths: DataPaths) {
  const corpus = openCorpus(paths);
  try {
    const c = await contents(corpus);
    return {
      articles: c.articles.map((a) => ({ ...a, source: { ...a.source, retrieved: '' } })),
      passages: c.passages,
      iran: await actor(corpus, 'Iran'),
      events: await corpus.countEvents({ actor: null, corridor: null, first: '0000-01-01', last: '9999-12-31' }),
    };
  } finally {
    await corpus.close();
  }
}

async function rebuiltFromScratch(paths: DataPaths) {
  rmSync(paths.build, { recursive: true, force: true });
  return await snapshot(paths);
}

describe('incremental ingest', () => {
  it('reads only new and changed files, and reports what it added, changed and removed', async () => {
    const paths = tempData({ ...SEED_FILES, 'a.md': md });
    const first = buildCorpus(paths).report;
    expect(first.files.map((f) => f.file)).toEqual(['000_seed.txt', 'a.md']);
    expect(first.added).toHaveLength(5);

    const again = buildCorpus(paths).report;
    expect(again).toMatchObject({ files: [], added: [], changed: [], removed: [], unchanged: 2 });

    writeFileSync(join(paths.raw, 'b.jsonl'), jsonl);
    const added = buildCorpus(paths).report;
    expect(added.files.map((f) => f.file)).toEqual(['b.jsonl']);
    expect(added.added).toHaveLength(2);
    expect(added.unchanged).toBe(2);

    writeFileSync(
      join(paths.raw, 'a.md'),
      md.replace(
        'Officials in Yerevan say the first section could open in 2026.',
        'Officials in Yerevan now say the first section could open in 2027.',
      ),
    );
    const changed = buildCorpus(paths).report;
    expect(changed.files.map((f) => f.file)).toEqual(['a.md']);
    expect(changed).toMatchObject({ added: [], removed: [] });
    expect(changed.changed).toHaveLength(1);

    rmSync(join(paths.raw, 'b.jsonl'));
    const removed = buildCorpus(paths).report;
    expect(removed.removed).toHaveLength(2);
    expect(await snapshot(paths)).toEqual(await rebuiltFromScratch(paths));
  });

  it('keeps the quote ids of unchanged sentences when an article changes', async () => {
    const paths = tempData({ 'a.md': md });
    const before = (await snapshot(paths)).passages;
    writeFileSync(
      join(paths.raw, 'a.md'),
      md.replace('Officials in Yerevan say the first section could open in 2026.', 'A sentence that was not there before, about Armenia.'),
    );
    const after = (await snapshot(paths)).passages;
    const kept = before.filter((p) => !p.text.startsWith('Officials in Yerevan'));
    for (const p of kept) expect(after.find((q) => q.id === p.id)?.text).toBe(p.text);
    expect(after.some((p) => p.text.startsWith('A sentence that was not there before'))).toBe(true);
    expect(after.some((p) => p.text.startsWith('Officials in Yerevan'))).toBe(false);
  });

  it('does not read a touched file with the same content again', async () => {
    const paths = tempData({ 'a.md': md });
    buildCorpus(paths);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(paths.raw, 'a.md'), later, later);
    expect(buildCorpus(paths).report).toMatchObject({ files: [], unchanged: 1 });
  });

  it('serves the next copy of an article when the file serving it goes away', async () => {
    const paths = tempData({ ...SEED_FILES, '001_again.txt': SEED_FILES['000_seed.txt'] });
    buildCorpus(paths);
    rmSync(join(paths.raw, '000_seed.txt'));
    rmSync(join(paths.raw, '000_seed.meta.json'));
    const r = buildCorpus(paths).report;
    expect(r.removed).toEqual([]);
    expect(r.changed).toHaveLength(4);
    const after = await snapshot(paths);
    expect(after.articles).toHaveLength(4);
    expect(after.articles.every((a) => a.source.file === '001_again.txt')).toBe(true);
  });

  it('tags every article again when the gazetteer changes, without changing text', async () => {
    const paths = tempData({ ...SEED_FILES, 'a.md': md });
    const before = await snapshot(paths);
    const g = JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8'));
    g.actors.push({ id: 'mehdiyev', name: 'Mehdiyev', kind: 'person', aliases: [], adjectives: [] });
    writeFileSync(paths.gazetteer, JSON.stringify(g));
    const logs: string[] = [];
    const r = buildCorpus(paths, { log: (l) => logs.push(l) }).report;
    expect(r.retagged).toBe(5);
    expect(logs.join('\n')).toMatch(/gazetteer changed: tagging 5 article\(s\) again/);
    const after = await snapshot(paths);
    expect(after.passages.map((p) => [p.id, p.text])).toEqual(before.passages.map((p) => [p.id, p.text]));
    const corpus = openCorpus(paths);
    const mehdiyev = await actor(corpus, 'Mehdiyev');
    expect(mehdiyev.ok && mehdiyev.actor?.mentions).toBeGreaterThanOrEqual(3);
    await corpus.close();
  });

  it('makes a second ingest wait, or say that another is running', async () => {
    const paths = tempData({ 'a.md': md });
    buildCorpus(paths);
    withIngestLock(paths.build, 0, () => {
      expect(() => buildCorpus(paths)).toThrow(/another "briefing ingest" is running on .* \(pid \d+\)/);
    });
    expect(buildCorpus(paths).report.unchanged).toBe(1);
  });

  it('answers from the corpus already built when it cannot be brought up to date (another ingest holds the folder)', async () => {
    const paths = tempData({ 'a.md': md });
    buildCorpus(paths);
    writeFileSync(join(paths.raw, 'b.jsonl'), jsonl);
    const logs: string[] = [];
    const corpus = withIngestLock(paths.build, 0, () => openCorpus(paths, (l) => logs.push(l)));
    expect(logs.join('\n')).toMatch(/another "briefing ingest" is running .*; answering from the corpus already built/);
    expect((await corpus.size()).articles).toBe(1);
    await corpus.close();
  });

  it('keeps answering from the previous articles of a file that turns bad, and reads it again next time', async () => {
    const paths = tempData({ ...SEED_FILES, 'a.md': md });
    buildCorpus(paths);
    writeFileSync(join(paths.raw, 'a.md'), '---\ntitle: [unclosed\n---\n\nJust text.');
    const r = buildCorpus(paths).report;
    expect(r.skipped).toEqual([{ file: 'a.md', reason: expect.stringMatching(/front matter is not valid YAML/) }]);
    expect((await snapshot(paths)).articles).toHaveLength(5);
    writeFileSync(join(paths.raw, 'a.md'), md.replace('Officials in Yerevan say', 'Officials in Yerevan said'));
    expect(buildCorpus(paths).report.files.map((f) => f.file)).toEqual(['a.md']);
  });
});
