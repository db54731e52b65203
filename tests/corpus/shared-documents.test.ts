// Scaled out, each data folder is a copy of the shared document log: what one
// folder saves reaches every other at its next sync, a newer local edit wins
// over an older logged copy, and a log entry naming a path outside a data
// folder's shared files is refused. Run on a real SQLite state file and, where
// a server answers, on Postgres.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { dataPaths, type DataPaths } from '../../src/corpus/data-dir.js';
import { describeSync, syncDocuments } from '../../src/corpus/shared-documents.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { REPO, testTmp, writeFiles } from '../helpers/temp-data.js';
import { tempDir } from '../helpers/temp-store.js';
import { dropMadeForTests, freshSchema, PG_URL, postgresAnswers } from '../helpers/test-postgres.js';

const havePostgres = await postgresAnswers();
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  await dropMadeForTests();
});

const backends: [string, boolean, () => Promise<Store>][] = [
  ['SQLite', true, async () => openSqliteStore(join(tempDir(), 'state.sqlite'))],
  ['Postgres', havePostgres, () => openPostgresStore(PG_URL, { schema: freshSchema(), maxConnections: 2 })],
];

const folder = (files: Record<string, string> = {}): DataPaths => {
  const paths = dataPaths(mkdtempSync(join(testTmp(), 'shared-')));
  writeFiles(paths.root, files);
  return paths;
};
const GAZETTEER = readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8');
const T0 = new Date('2026-03-02T10:00:00Z');
const later = (s: number) => new Date(T0.getTime() + s * 1000);

describe.each(backends)('shared documents on the %s store', (_name, available, open) => {
  it.skipIf(!available)('bring what one folder saved into another, and a newer edit back', async () => {
    const store = await open();
    stores.push(store);
    const a = folder({
      'raw/feeds/daily/talks.html': '<html>talks</html>',
      'raw/feeds/daily/talks.meta.json': '{"retrieved":"2026-03-01"}',
      'raw/notes.md': '# Notes',
      'feeds.json': '{"version":1,"feeds":[]}',
      'gazetteer.json': '{}',
    });
    // A file with no sidecar is dated by its time: that time travels with it.
    utimesSync(join(a.raw, 'notes.md'), new Date('2026-02-20T08:00:00Z'), new Date('2026-02-20T08:00:00Z'));
    expect(await syncDocuments(a, store, T0)).toEqual({ pulled: 0, pushed: 5, removed: 0, withheld: 0, refused: [], changed: [] });
    // Nothing changed: nothing moves.
    expect(await syncDocuments(a, store, later(5))).toEqual({ pulled: 0, pushed: 0, removed: 0, withheld: 0, refused: [], changed: [] });

    const b = folder();
    const pulled = await syncDocuments(b, store, later(10));
    expect(pulled).toMatchObject({ pulled: 5, pushed: 0 });
    // What the pull wrote is what the ingest after it reads.
    expect(pulled.changed.sort()).toEqual([
      'feeds.json',
      'gazetteer.json',
      'raw/feeds/daily/talks.html',
      'raw/feeds/daily/talks.meta.json',
      'raw/notes.md',
    ]);
    for (const f of ['raw/feeds/daily/talks.html', 'raw/feeds/daily/talks.meta.json', 'raw/notes.md', 'feeds.json', 'gazetteer.json'])
      expect(readFileSync(join(b.root, f), 'utf8')).toBe(readFileSync(join(a.root, f), 'utf8'));
    expect(statSync(join(b.raw, 'notes.md')).mtime.toISOString()).toBe('2026-02-20T08:00:00.000Z');
    // No temporary file is left behind.
    expect(readdirSync(join(b.raw, 'feeds/daily')).sort()).toEqual(['talks.html', 'talks.meta.json']);

    // B saves a page and edits the feed list; A gets both at its next sync.
    writeFileSync(join(b.raw, 'added.md'), '# Added');
    writeFileSync(b.feeds, '{"version":1,"feeds":[{"id":"x"}]}');
    expect(await syncDocuments(b, store, later(20))).toMatchObject({ pulled: 0, pushed: 2 });
    expect(await syncDocuments(a, store, later(30))).toMatchObject({ pulled: 2 });
    expect(readFileSync(join(a.raw, 'added.md'), 'utf8')).toBe('# Added');
    expect(readFileSync(a.feeds, 'utf8')).toContain('"x"');
  });

  it.skipIf(!available)('keeps a local edit newer than the logged copy, and logs it', async () => {
    const store = await open();
    stores.push(store);
    const a = folder({ 'feeds.json': 'old' });
    utimesSync(a.feeds, T0, T0);
    await syncDocuments(a, store, T0);
    const b = folder({ 'feeds.json': 'edited in b' });
    // B's copy was changed after A's was logged: B's wins, here and then in A.
    utimesSync(b.feeds, later(60), later(60));
    expect(await syncDocuments(b, store, later(70))).toMatchObject({ pulled: 0, pushed: 1 });
    expect(readFileSync(b.feeds, 'utf8')).toBe('edited in b');
    await syncDocuments(a, store, later(80));
    expect(readFileSync(a.feeds, 'utf8')).toBe('edited in b');
  });

  it.skipIf(!available)('removes in every folder a file removed from one, and brings back a folder that lost its files', async () => {
    const store = await open();
    stores.push(store);
    // The files' own times are now: so are the syncs' (a removal is weighed against the time of the local copy).
    const pages = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`raw/p${i}.md`, `# Page ${i}\n\nArmenia and Iran met on day ${i}.\n`]),
    );
    const sidecar = JSON.stringify({ url: 'https://example.org/p1', outlet: 'Example', retrieved: '2026-12-01' });
    const a = folder({ ...pages, 'raw/p1.meta.json': sidecar, 'gazetteer.json': GAZETTEER });
    buildCorpus(a);
    await syncDocuments(a, store);
    const b = folder();
    await syncDocuments(b, store);
    buildCorpus(b);
    expect(existsSync(join(b.raw, 'p1.meta.json'))).toBe(true);
    // A removes two pages, one with its sidecar: logged as removals at its next sync (its corpus had them), and B
    // removes them too, the sidecar with its page.
    rmSync(join(a.raw, 'p1.md'));
    rmSync(join(a.raw, 'p1.meta.json'));
    rmSync(join(a.raw, 'p2.md'));
    expect(await syncDocuments(a, store)).toMatchObject({ pulled: 0, pushed: 3, withheld: 0 });
    expect(existsSync(join(a.raw, 'p1.md'))).toBe(false);
    expect(await syncDocuments(b, store)).toMatchObject({ pulled: 0, removed: 3 });
    expect(existsSync(join(b.raw, 'p1.md'))).toBe(false);
    expect(existsSync(join(b.raw, 'p1.meta.json'))).toBe(false);
    expect(existsSync(join(b.raw, 'p3.md'))).toBe(true);
    expect(buildCorpus(b).report.removed).toHaveLength(2);
    // A page saved again after its removal comes back everywhere.
    writeFileSync(join(a.raw, 'p1.md'), '# Page 1, again\n\nArmenia said it again.\n');
    await syncDocuments(a, store);
    expect(await syncDocuments(b, store)).toMatchObject({ pulled: 1 });
    expect(readFileSync(join(b.raw, 'p1.md'), 'utf8')).toContain('# Page 1, again');
    buildCorpus(b);
    // A folder that lost its files (an emptied raw/) removes nothing anywhere: it gets them back, and says why.
    rmSync(b.raw, { recursive: true });
    const lost = await syncDocuments(b, store);
    expect(lost).toMatchObject({ pushed: 0, withheld: 149, pulled: 149 });
    expect(describeSync(lost)).toMatch(
      /149 file\(s\) missing from raw\/ NOT logged as removed: that many at once looks like a lost folder/,
    );
    expect(readdirSync(b.raw)).toHaveLength(149);
    await syncDocuments(a, store);
    expect(readdirSync(a.raw)).toHaveLength(149);
  });

  it.skipIf(!available)('refuses a logged path outside the shared files of a data folder', async () => {
    const store = await open();
    stores.push(store);
    const hostile = ['../outside.md', 'raw/../../outside.md', '/etc/passwd', 'build/corpus.sqlite', 'raw/.hidden'];
    await store.putDocuments(
      hostile.map((path) => ({ path, sha: path, content: Buffer.from('x').toString('base64'), modified: T0.toISOString() })),
      T0,
    );
    const b = folder();
    const report = await syncDocuments(b, store, T0);
    expect(report.pulled).toBe(0);
    expect(report.refused.sort()).toEqual([...hostile].sort());
    expect(existsSync(join(b.root, '..', 'outside.md'))).toBe(false);
    expect(existsSync(join(b.root, 'build', 'corpus.sqlite'))).toBe(false);
  });
});
