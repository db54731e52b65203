// One contract for every copy of the corpus: a replica's, loaded from a
// snapshot and brought up to date from the shared document log
// (src/app/replica-corpus.ts), must answer every command as the corpus of the
// folder the documents came from does, answer for answer. It runs on the real
// Postgres server in a database of its own where one answers, and on the
// embedded SQLite store otherwise (the log and snapshots are the same there).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { answerCommands as commands } from '../../src/commands/index.js';
import { runCli } from '../../src/cli/run-cli.js';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import { copyInProcess, snapshotIfDue } from '../../src/corpus/corpus-snapshot.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import { syncDocuments } from '../../src/corpus/shared-documents.js';
import { FolderTakenError, replicaCorpus } from '../../src/app/replica-corpus.js';
import { describeStartupError } from '../../src/app/startup-errors.js';
import { makeLogger } from '../../src/logger.js';
import { parseCommandLine } from '../../src/parse-command-line.js';
import { toJson } from '../../src/render/json.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { FIXTURES, REPO, tempData } from '../helpers/temp-data.js';
import { tempDir, tempStore } from '../helpers/temp-store.js';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';

const havePostgres = await postgresAnswers();
afterAll(dropMadeForTests);

const MARKDOWN = readFileSync(join(FIXTURES, 'markdown-article.md'), 'utf8');
const JSONL = readFileSync(join(FIXTURES, 'articles.jsonl'), 'utf8');

async function ask(corpus: Corpus, line: string): Promise<Record<string, unknown>> {
  const parsed = parseCommandLine(line, commands);
  if (!parsed.ok) throw new Error(`${line}: ${parsed.problem.code}`);
  return toJson(await parsed.command.execute({ corpus, options: parsed.options })) as Record<string, unknown>;
}

const LINES = [
  '/actor name:Iran',
  '/actor name:Erdogan',
  '/actor name:Pashinyan',
  '/actor name:Nobody Atlantis',
  '/actor name:Azerbaijan said:true',
  '/says actor:Azerbaijan',
  '/says actor:Azerbaijan about:Russia from:2025 to:2025',
  '/says actor:Azerbaijan about:Zangezur',
  '/corridor name:Zangezur',
  '/corridor name:Middle Corridor',
  '/timeline',
  '/timeline actor:Azerbaijan from:2020 to:2024',
  '/timeline actor:Azerbaijan corridor:Zangezur',
  '/timeline actor:Azerbaijan said:true',
  '/timeline from:2025-07 to:2025-08',
  '/sources',
  '/brief topic:Armenia',
  '/brief topic:Zangezur Corridor',
];
const SEARCHES = [
  'peace treaty',
  'Iran',
  'nuclear deal sanctions',
  '"peace treaty"',
  'armenai',
  'Armen',
  'Pashinyan Aliyev Washington',
  "a & b | !c:* <-> 'x' \\ ( )",
  'Иран',
  'x'.repeat(3000),
];

async function openShared(): Promise<{ store: Store; url: string | null }> {
  if (!havePostgres) return { store: tempStore().store, url: null };
  const url = await freshDatabase();
  return { store: await openStore(url), url };
}

describe(`the corpus on a replica (${havePostgres ? 'Postgres' : 'the embedded store'})`, async () => {
  const paths = tempData({ ...SEED_FILES, 'extra.md': MARKDOWN, 'more.jsonl': JSONL });
  const source = openCorpus(paths);
  const { store } = await openShared();
  const lines: string[] = [];
  const log = makeLogger('info', (line) => lines.push(line));
  // The process that ingests: its folder into the log, then a snapshot of its corpus.
  const share = async () => {
    await syncDocuments(paths, store);
    buildCorpus(paths);
    return snapshotIfDue({
      paths,
      store,
      copy: copyInProcess(paths),
      now: new Date(),
      everyMs: 0,
    });
  };
  expect(await share()).toMatch(/^corpus snapshot stored for new processes: [\d.]+ MB gzipped, up to document \d+, in \d+ ms$/);
  const replicaPaths = dataPaths(tempDir());
  const replica = await replicaCorpus(replicaPaths, log, store, { pollMs: 50 });
  await replica.caughtUp();
  const r = () => replica.current();
  afterAll(async () => {
    replica.stop();
    await source.close();
    await store.close();
  });

  it('starts from the snapshot, then brings in every document', () => {
    const said = lines.join('\n');
    expect(said).toMatch(/loaded the corpus snapshot of 20\d\d-.*up to document \d+\) in \d+ ms/);
    expect(said).toMatch(/shared documents: \d+ document\(s\) from the shared log/);
  });

  it.each(LINES)('answers %s as the source folder does', async (line) => {
    expect(await ask(r(), line)).toEqual(await ask(source, line));
  });

  it.each(SEARCHES.map((q) => [q.slice(0, 40), q]))('answers /search %j as the source folder does', async (_, query) => {
    const line = `/search query:${query}`;
    expect(await ask(r(), line)).toEqual(await ask(source, line));
  });

  it('looks up alike: sizes, counts, vocabulary, names, quotes in context', async () => {
    const both = async <T>(f: (c: Corpus) => Promise<T>) => {
      const [a, b] = await Promise.all([f(r()), f(source)]);
      expect(a).toEqual(b);
      return a;
    };
    await both((c) => c.size());
    await both((c) => c.entity('actor', 'iran'));
    await both((c) => c.termFrequency('iran'));
    await both((c) => c.nearTerms('armenai'));
    await both((c) => c.termsWithPrefix('armen', 20));
    await both((c) => c.unknownNames(20));
    const quote = (await source.ranked('corridor', 'zangezur', { limit: 1 }))[0]!;
    expect(await ask(r(), `/quote id:${quote.id}`)).toEqual(await ask(source, `/quote id:${quote.id}`));
    await both((c) => c.articlesInFile('extra.md'));
  });

  it('follows the log: a new file, a changed gazetteer, a removed file', async () => {
    writeFileSync(join(paths.raw, 'late.md'), MARKDOWN.replace(/^title: .*$/m, 'title: A later article on the Lachin road'));
    await share();
    await vi.waitFor(async () => expect(await ask(r(), '/sources')).toEqual(await ask(source, '/sources')), { timeout: 20_000 });

    const g = JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8'));
    g.actors.push({ id: 'mehdiyev', name: 'Mehdiyev', kind: 'person', aliases: [], adjectives: [] });
    writeFileSync(paths.gazetteer, JSON.stringify(g));
    await share();
    await vi.waitFor(async () => expect(await ask(r(), '/actor name:Mehdiyev')).toMatchObject({ actor: { id: 'mehdiyev' } }), {
      timeout: 20_000,
    });
    const retagged = openCorpus(paths);
    expect(await ask(r(), '/actor name:Mehdiyev')).toEqual(await ask(retagged, '/actor name:Mehdiyev'));
    await retagged.close();

    // A file removed where the documents come from is removed from the replica's corpus too.
    rmSync(join(paths.raw, 'late.md'));
    await share();
    await vi.waitFor(async () => expect(await ask(r(), '/sources')).toEqual(await ask(source, '/sources')), { timeout: 20_000 });
    expect(JSON.stringify(await ask(r(), '/sources'))).not.toContain('A later article on the Lachin road');
  });

  it('ingests, when it starts again, documents a stopped replica brought in but did not ingest', async () => {
    const folder = dataPaths(tempDir());
    const first = await replicaCorpus(folder, log, store, { pollMs: 60_000 });
    await first.caughtUp();
    first.stop();
    writeFileSync(join(paths.raw, 'stopped.md'), MARKDOWN.replace(/^title: .*$/m, 'title: Brought in before a stop'));
    await share();
    // The documents come in, and the process stops before its ingest.
    await syncDocuments(folder, store, new Date(), { push: false });
    const again = await replicaCorpus(folder, log, store, { pollMs: 60_000 });
    await again.caughtUp();
    expect(JSON.stringify(await ask(again.current(), '/sources'))).toContain('Brought in before a stop');
    again.stop();
  });

  it('refuses a folder another live replica keeps its corpus in, and takes it over once that one has ended', async () => {
    const folder = dataPaths(tempDir());
    mkdirSync(folder.build, { recursive: true });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(folder.build, 'replica.lock'), String(other.pid));
      const refused = await replicaCorpus(folder, log, store, { pollMs: 60_000 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(FolderTakenError);
      expect(describeStartupError(refused, { apiUrl: 'http://x', dataDir: folder.root })).toMatch(
        new RegExp(`another \`briefing serve\` \\(pid ${other.pid}\\) keeps its corpus in .*: give each replica a DATA_DIR of its own`),
      );
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    const taken = await replicaCorpus(folder, log, store, { pollMs: 60_000 });
    await taken.caughtUp();
    expect(readFileSync(join(folder.build, 'replica.lock'), 'utf8')).toBe(String(process.pid));
    taken.stop();
    expect(existsSync(join(folder.build, 'replica.lock'))).toBe(false);
  });

  it('builds from the documents when the snapshot is damaged, saying so', async () => {
    const { store: damaged } = await openShared();
    const other = tempData({ ...SEED_FILES, 'extra.md': MARKDOWN });
    const otherCorpus = openCorpus(other);
    await syncDocuments(other, damaged);
    await snapshotIfDue({ paths: other, store: damaged, copy: copyInProcess(other), now: new Date(), everyMs: 0 });
    const s = (await damaged.latestSnapshot())!;
    await damaged.putSnapshotChunk(s.id, 0, Buffer.from('not the corpus').toString('base64'));
    const said: string[] = [];
    const fresh = await replicaCorpus(
      dataPaths(tempDir()),
      makeLogger('info', (l) => said.push(l)),
      damaged,
      { pollMs: 50 },
    );
    await fresh.caughtUp();
    expect(said.join('\n')).toMatch(/the corpus snapshot could not be loaded \(.*\); building from the documents/);
    expect(await ask(fresh.current(), '/sources')).toEqual(await ask(otherCorpus, '/sources'));
    fresh.stop();
    await otherCorpus.close();
    await damaged.close();
  });

  it('builds from the documents where no snapshot was stored yet', async () => {
    const { store: bare } = await openShared();
    const other = tempData({ ...SEED_FILES, 'extra.md': MARKDOWN, 'more.jsonl': JSONL });
    const otherCorpus = openCorpus(other);
    await syncDocuments(other, bare);
    const fresh = await replicaCorpus(dataPaths(tempDir()), log, bare, { pollMs: 50 });
    await fresh.caughtUp();
    expect(await ask(fresh.current(), '/sources')).toEqual(await ask(otherCorpus, '/sources'));
    fresh.stop();
    await otherCorpus.close();
    await bare.close();
  });
});

describe.skipIf(!havePostgres)('`briefing ingest` with a Postgres DATABASE_URL', () => {
  it('logs the folder and stores a snapshot, then none while nothing new was logged', async () => {
    const url = await freshDatabase();
    const data = tempData(SEED_FILES);
    const err: string[] = [];
    const ingest = () =>
      runCli(['ingest', '--data', data.root], { out: () => {}, err: (t) => err.push(t), isTty: false, env: { DATABASE_URL: url } });
    expect(await ingest()).toBe(0);
    expect(err.join('\n')).toMatch(/shared documents: \d+ logged for the other processes/);
    expect(err.join('\n')).toMatch(/corpus snapshot stored for new processes/);
    err.length = 0;
    expect(await ingest()).toBe(0);
    expect(err.join('\n')).not.toMatch(/snapshot/);
    rmSync(data.build, { recursive: true, force: true });
  });
});
