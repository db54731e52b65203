// `npm run bench:pg-corpus [-- --articles N] [--keep DIR] [--json]`: the
// corpus on Postgres beside the SQLite file it is published from, in one run,
// at N generated articles (default 10,000): what publishing costs (the whole
// corpus, then one new article), and every command's latency against both,
// with the same query mix as `npm run bench`. Needs a Postgres server:
// TEST_DATABASE_URL, or the local one (postgres://postgres@127.0.0.1:5432/test);
// a database of its own is made there and dropped at the end.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import { dataPaths, readGazetteer } from '../../src/corpus/data-dir.js';
import { openPgCorpus } from '../../src/corpus/pg/pg-corpus.js';
import { DEFAULT_CORPUS_SCHEMA } from '../../src/corpus/pg/pg-corpus-schema.js';
import { publishCorpus } from '../../src/corpus/pg/publish-corpus.js';
import { generateCorpus, seedDataDir } from './generate-corpus.js';
import { measureCommands, type CommandFigures } from './measure-commands.js';
import { queryMix } from './query-mix.js';
import { round } from './stats.js';
import { admin, PG_URL } from '../helpers/test-postgres.js';

const REPO = new URL('../../../', import.meta.url).pathname;

interface Report {
  corpus: { articles: number; passages: number };
  ingest_ms: number;
  publish: { whole_ms: number; one_more_ms: number; database_mb: number };
  sqlite: CommandFigures;
  postgres: CommandFigures;
  machine: { cpus: number; node: string; postgres: string; date: string };
}

async function main(argv: string[]): Promise<Report> {
  const args = parseArgs({
    args: argv,
    options: { articles: { type: 'string' }, keep: { type: 'string' }, json: { type: 'boolean' } },
  }).values;
  const articles = Number(args.articles ?? 10_000);
  if (!Number.isInteger(articles) || articles < 1 || articles > 100_000) {
    process.stderr.write(`--articles must be a whole number from 1 to 100000, not "${args.articles}"\n`);
    process.exit(2);
  }
  const log = (line: string) => process.stderr.write(`[bench:pg-corpus] ${line}\n`);
  const root = mkdtempSync(join(tmpdir(), 'briefing-pg-bench-'));
  const database = `briefing_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const version = await admin(async (c) => {
    await c.query(`CREATE DATABASE ${database}`);
    return String((await c.query('SHOW server_version')).rows[0].server_version);
  });
  try {
    // --keep DIR: the generated articles (and their SQLite build) stay there, and a later run with the same N reuses them.
    const paths = dataPaths(args.keep ? resolve(args.keep) : join(root, 'generated'));
    if (!existsSync(paths.raw)) {
      log(`generating ${articles} articles in ${paths.raw}`);
      const seed = openCorpus(seedDataDir(join(root, 'seed')));
      await generateCorpus(seed, articles, paths.raw);
      await seed.close();
      copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
    }
    log('ingest into SQLite');
    let done = 0;
    const built = buildCorpus(paths, {
      progress: (n, total) => {
        if (n - done >= 5000 || n === total) log(`  ingested ${(done = n)}/${total} files`);
      },
    });
    const target = { url: url.toString(), schema: DEFAULT_CORPUS_SCHEMA };
    const gazetteer = readGazetteer(paths).gazetteer;
    const whole = await publishCorpus(paths.build, target, gazetteer, { log });
    writeFileSync(
      join(paths.raw, 'zz-one-more.md'),
      '---\ntitle: One more article on the Zangezur corridor\noutlet: Bench Wire\npublished: 2026-11-30\n---\n\n' +
        'Armenia and Azerbaijan met again on 29 November 2026 to discuss the Zangezur corridor and the peace treaty.\n',
    );
    buildCorpus(paths);
    const oneMore = await publishCorpus(paths.build, target, gazetteer);
    rmSync(join(paths.raw, 'zz-one-more.md'));
    buildCorpus(paths);
    await publishCorpus(paths.build, target, gazetteer);
    const bytes = await admin(async (c) => Number((await c.query('SELECT pg_database_size($1) AS n', [database])).rows[0].n));

    const sqlite = openCorpus(paths);
    const postgres = await openPgCorpus(target);
    await admin(async (c) => c.query(`ANALYZE`)); // a fresh database's statistics, as autovacuum would leave them
    const mix = queryMix(sqlite.gazetteer);
    const measure = async (name: string, corpus: Corpus) => {
      log(`answer latency: ${name}`);
      return measureCommands(corpus, mix);
    };
    const first = await measure('SQLite', sqlite);
    const pgFigures = await measure('Postgres', postgres);
    const size = await sqlite.size();
    await sqlite.close();
    await postgres.close();
    return {
      corpus: size,
      ingest_ms: round(built.ms, 0),
      publish: { whole_ms: whole.ms, one_more_ms: oneMore.ms, database_mb: round(bytes / 2 ** 20, 1) },
      sqlite: first,
      postgres: pgFigures,
      machine: { cpus: cpus().length, node: process.version, postgres: version, date: new Date().toISOString().slice(0, 10) },
    };
  } finally {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}

function table(r: Report): string {
  const cell = (l: { p50_ms: number; p99_ms: number }, width: number) => `${l.p50_ms} / ${l.p99_ms}`.padEnd(width);
  const rows = (['actor', 'corridor', 'timeline', 'search', 'autocomplete'] as const).map(
    (k) => `| ${k.padEnd(12)} | ${cell(r.sqlite[k], 16)} | ${cell(r.postgres[k], 18)} |`,
  );
  return [
    `Corpus: ${r.corpus.articles} articles, ${r.corpus.passages} passages; ingest ${r.ingest_ms} ms (SQLite)`,
    `Publish to Postgres ${r.machine.postgres}: whole corpus ${r.publish.whole_ms} ms, one more article ${r.publish.one_more_ms} ms; ` +
      `database ${r.publish.database_mb} MB`,
    '',
    '| command      | SQLite p50 / p99 | Postgres p50 / p99 |',
    '| ------------ | ---------------- | ------------------ |',
    ...rows,
  ].join('\n');
}

main(process.argv.slice(2)).then(
  (r) => {
    process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(r, null, 2) : table(r)}\n`);
    process.exit(0);
  },
  (e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
