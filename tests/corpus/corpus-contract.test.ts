// One contract for both corpus backends: the SQLite file ingest writes, and
// the Postgres tables it is published to must answer every command alike.
// Search ranks with BM25 in one and ts_rank_cd in the other, so a search is
// compared by what it finds, not its order; everything else answer for answer.
// The Postgres half runs against a real server in a schema of its own (dropped
// afterwards), and is skipped where no server answers.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { answerCommands as commands } from '../../src/commands/index.js';
import { runCli } from '../../src/cli/run-cli.js';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import { readGazetteer } from '../../src/corpus/data-dir.js';
import { CorpusUnavailableError, openPgCorpus } from '../../src/corpus/pg/pg-corpus.js';
import { DEFAULT_CORPUS_SCHEMA } from '../../src/corpus/pg/pg-corpus-schema.js';
import { publishCorpus } from '../../src/corpus/pg/publish-corpus.js';
import { parseCommandLine } from '../../src/parse-command-line.js';
import { toJson } from '../../src/render/json.js';
import { SEED_FILES, seedCorpus } from '../helpers/seed-corpus.js';
import { FIXTURES, REPO, tempData } from '../helpers/temp-data.js';
import { admin, dropMadeForTests, freshDatabase, freshSchema, PG_URL, postgresAnswers } from '../helpers/test-postgres.js';

const havePostgres = await postgresAnswers();
afterAll(dropMadeForTests);

const MARKDOWN = readFileSync(join(FIXTURES, 'markdown-article.md'), 'utf8');
const JSONL = readFileSync(join(FIXTURES, 'articles.jsonl'), 'utf8');

async function ask(corpus: Corpus, line: string): Promise<Record<string, unknown>> {
  const parsed = parseCommandLine(line, commands);
  if (!parsed.ok) throw new Error(`${line}: ${parsed.problem.code}`);
  return toJson(await parsed.command.execute({ corpus, options: parsed.options })) as Record<string, unknown>;
}

/** What a search found, in an order both can agree on. */
function found(answer: Record<string, unknown>) {
  const quotes = (answer.quotes as { id: string; matches?: unknown }[] | undefined) ?? [];
  return { ...answer, quotes: quotes.map((q) => JSON.stringify(q)).sort() };
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

describe.skipIf(!havePostgres)('the corpus on Postgres', async () => {
  const paths = tempData({ ...SEED_FILES, 'extra.md': MARKDOWN, 'more.jsonl': JSONL });
  const sqlite = openCorpus(paths);
  const target = { url: PG_URL, schema: freshSchema() };
  const publish = () => publishCorpus(paths.build, target, readGazetteer(paths).gazetteer);
  const first = havePostgres ? await publish() : null;
  const pg = havePostgres ? await openPgCorpus({ ...target, recheckMs: 0 }) : sqlite;
  afterAll(async () => {
    await sqlite.close();
    await pg.close();
  });

  it('is published whole the first time, and not again when nothing changed', async () => {
    expect(first).toMatchObject({ full: true, published: (await sqlite.size()).articles, removed: 0 });
    expect(await publish()).toMatchObject({ full: false, published: 0, removed: 0 });
  });

  it.each(LINES)('answers %s as SQLite does', async (line) => {
    expect(await ask(pg, line)).toEqual(await ask(sqlite, line));
  });

  it.each(SEARCHES.map((q) => [q.slice(0, 40), q]))('finds what SQLite finds for /search %j', async (_, query) => {
    const line = `/search query:${query}`;
    expect(found(await ask(pg, line))).toEqual(found(await ask(sqlite, line)));
  });

  it('looks up alike: sizes, counts, vocabulary, new articles, names, quotes in context', async () => {
    const both = async <T>(f: (c: Corpus) => Promise<T>) => {
      const [a, b] = await Promise.all([f(pg), f(sqlite)]);
      expect(a).toEqual(b);
      return a;
    };
    await both((c) => c.size());
    await both((c) => c.entity('actor', 'iran'));
    await both((c) => c.termFrequency('iran'));
    await both((c) => c.termFrequency('nosuchterm'));
    await both((c) => c.nearTerms('armenai'));
    await both((c) => c.termsWithPrefix('armen', 20));
    await both((c) => c.unknownNames(20));
    const added = await both((c) => c.articlesAddedSince(0));
    expect(added.ids.length).toBe((await sqlite.size()).articles);
    await both((c) => c.articlesAddedSince(added.cursor));
    await both((c) => c.topicCounts(added.ids.slice(0, 2)));
    await both((c) => c.ranked('actor', 'iran', 5, added.ids.slice(0, 1)));
    await both((c) =>
      c.events({ actor: null, corridor: null, first: '0000-01-01', last: '9999-12-31', articles: added.ids.slice(0, 1) }, 0, 50),
    );
    const quote = (await sqlite.ranked('corridor', 'zangezur', 1))[0]!;
    expect(await ask(pg, `/quote id:${quote.id}`)).toEqual(await ask(sqlite, `/quote id:${quote.id}`));
    await both((c) => c.articlesInFile('extra.md'));
  });

  it('follows ingest: a new file, a changed gazetteer, a removed file, then a rebuilt database', async () => {
    writeFileSync(join(paths.raw, 'late.md'), MARKDOWN.replace(/^title: .*$/m, 'title: A later article on the Lachin road'));
    buildCorpus(paths);
    expect(await publish()).toMatchObject({ full: false, published: 1, removed: 0 });
    expect(await ask(pg, '/sources')).toEqual(await ask(sqlite, '/sources'));

    const g = JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8'));
    g.actors.push({ id: 'mehdiyev', name: 'Mehdiyev', kind: 'person', aliases: [], adjectives: [] });
    writeFileSync(paths.gazetteer, JSON.stringify(g));
    buildCorpus(paths);
    const retagged = await publish();
    expect(retagged.full).toBe(false);
    expect(retagged.published).toBeGreaterThan(0);
    // Each use of the gazetteer looks for a newer one (here at once; by default at most once a second).
    await vi.waitFor(() => expect(pg.names.choices.some((c) => c.id === 'mehdiyev')).toBe(true));
    const retaggedSqlite = openCorpus(paths);
    expect(await ask(pg, '/actor name:Mehdiyev')).toEqual(await ask(retaggedSqlite, '/actor name:Mehdiyev'));
    expect(await ask(pg, '/actor name:Mehdiyev')).toMatchObject({ actor: { id: 'mehdiyev' } });
    await retaggedSqlite.close();

    rmSync(join(paths.raw, 'late.md'));
    buildCorpus(paths);
    expect(await publish()).toMatchObject({ full: false, removed: 1 });
    expect(await ask(pg, '/sources')).toEqual(await ask(sqlite, '/sources'));
    expect(await pg.termFrequency('lachin')).toBe(await sqlite.termFrequency('lachin'));

    rmSync(paths.build, { recursive: true, force: true });
    const rebuilt = openCorpus(paths);
    // A publish that stopped after its swap but before dropping the old tables left them: no obstacle.
    await admin((c) => c.query(`CREATE SCHEMA ${target.schema}_old`));
    const again = await publish();
    expect(again).toMatchObject({ full: true, published: (await rebuilt.size()).articles });
    expect(await ask(pg, '/timeline')).toEqual(await ask(rebuilt, '/timeline'));
    await rebuilt.close();
  });

  it("leaves another data folder's corpus alone when asked (a standby starting up), and replaces it otherwise", async () => {
    const { paths: other, corpus: otherCorpus } = seedCorpus();
    const before = await ask(pg, '/sources');
    const kept = await publishCorpus(other.build, target, readGazetteer(other).gazetteer, { keepAnother: true });
    expect(kept).toMatchObject({ keptAnother: true, published: 0 });
    expect(await ask(pg, '/sources')).toEqual(before);
    expect(await publishCorpus(other.build, target, readGazetteer(other).gazetteer)).toMatchObject({ full: true, keptAnother: false });
    expect(await ask(pg, '/sources')).toEqual(await ask(otherCorpus, '/sources'));
    await otherCorpus.close();
  });

  it('is published by `briefing ingest` where DATABASE_URL points: whole once, then only what changed', async () => {
    const url = await freshDatabase();
    const data = tempData(SEED_FILES);
    const err: string[] = [];
    const ingest = () =>
      runCli(['ingest', '--data', data.root], { out: () => {}, err: (t) => err.push(t), isTty: false, env: { DATABASE_URL: url } });
    expect(await ingest()).toBe(0);
    expect(err.join('\n')).toMatch(/published to Postgres: the whole corpus \(4 article\(s\)\)/);
    err.length = 0;
    expect(await ingest()).toBe(0);
    expect(err.join('\n')).not.toMatch(/published/);
    const published = await openPgCorpus({ url, schema: DEFAULT_CORPUS_SCHEMA });
    expect((await published.size()).articles).toBe(4);
    await published.close();
  });

  it('says so clearly where nothing was published', async () => {
    await expect(openPgCorpus({ url: PG_URL, schema: freshSchema() })).rejects.toThrow(CorpusUnavailableError);
    await expect(openPgCorpus({ url: PG_URL, schema: freshSchema() })).rejects.toThrow(/no corpus has been published there yet/);
  });
});
