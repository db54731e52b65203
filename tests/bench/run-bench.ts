// `npm run bench [-- --json] [--articles N] [--interactions M] [--rate R]`:
// ingest, adding one article, database size, start-up, memory, answer
// latency, the naive FTS5 baseline and end-to-end throughput, on the seed corpus and on N generated
// articles (default 1,000), all in one run (--skip-seed: the generated corpus only). Progress goes to stderr; the
// table (or one JSON object) to stdout. Generated files live in a temp folder.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, openCorpus, type BuildResult } from '../../src/corpus/build-store.js';
import { dataPaths, type DataPaths } from '../../src/corpus/data-dir.js';
import { measureE2e, type E2eFigures } from './e2e-load.js';
import { measureCharts, type ChartFigures } from './measure-charts.js';
import { generateCorpus, seedDataDir } from './generate-corpus.js';
import { measureBaseline, measureCommands, ROUNDS, type BaselineFigures, type CommandFigures } from './measure-commands.js';
import { queryMix } from './query-mix.js';
import { percentile, round } from './stats.js';
import { formatTable } from './table.js';

export interface CorpusFigures {
  corpus: { articles: number; passages: number };
  ingest_ms: number;
  /** Ingesting one more article into the built corpus. */
  add_one_ms: number;
  index_bytes: number;
  load_ms: number;
  heap_mb: number;
  rss_mb: number;
  commands: CommandFigures;
  baseline: BaselineFigures;
  e2e: E2eFigures;
}

export interface BenchReport extends CorpusFigures {
  /** The seed corpus's figures, for comparison; absent with --skip-seed. */
  seed?: CorpusFigures;
  /** Chart renders (independent of the corpus size). */
  charts: ChartFigures;
  machine: { cpus: number; cpu: string; memory_gb: number; node: string; date: string };
}

/** Fresh processes timed opening the corpus, by default; the median is reported. */
const LOAD_RUNS = 3;
/** The repository root, from dist/tests/bench/ where this runs compiled. */
const REPO = new URL('../../../', import.meta.url).pathname;

function usage(message: string): never {
  process.stderr.write(
    `${message}\nUsage: npm run bench [-- --json] [--articles N] [--interactions M] [--rate R] [--keep DIR] [--chart-runs K] ` +
      `[--load-runs L] [--rounds R] [--skip-seed]\n`,
  );
  process.exit(2);
}

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) usage(`--${name} must be a whole number from 1 to 100000, not "${raw}"`);
  return n;
}

const ONE_MORE = `---
title: "One more article for the benchmark"
outlet: Bench Wire
author: A. Writer
published: 2026-11-20
---

Azerbaijan and Armenia agreed on 18 November 2026 to meet again on the Zangezur Corridor.

Iran said it would watch the talks closely, and Russia offered to host the next round in December.
`;

/** The time `briefing ingest` takes to add one new file to the built corpus: what a feed poll costs. */
function addOne(paths: DataPaths): BuildResult {
  writeFileSync(join(paths.raw, 'zz_one_more.md'), ONE_MORE);
  const r = buildCorpus(paths);
  if (r.report.added.length !== 1) throw new Error(`adding one article added ${r.report.added.length}`);
  return r;
}

/** A fresh process per run; the median of the runs, memory from the same runs. */
function probeLoad(paths: DataPaths, loadRuns: number): { load_ms: number; heap_mb: number; rss_mb: number } {
  const probe = new URL('./load-probe.js', import.meta.url).pathname;
  const runs = Array.from(
    { length: loadRuns },
    () =>
      JSON.parse(execFileSync(process.execPath, ['--expose-gc', probe, paths.root], { encoding: 'utf8' })) as {
        load_ms: number;
        heap_mb: number;
        rss_mb: number;
      },
  );
  return {
    load_ms: percentile(
      runs.map((r) => r.load_ms),
      50,
    ),
    heap_mb: Math.max(...runs.map((r) => r.heap_mb)),
    rss_mb: Math.max(...runs.map((r) => r.rss_mb)),
  };
}

async function measureCorpus(
  label: string,
  paths: DataPaths,
  o: { interactions: number; rate: number; loadRuns: number; rounds: number },
  log: (l: string) => void,
): Promise<CorpusFigures> {
  log(`${label}: ingest`);
  let done = 0;
  const built = buildCorpus(paths, {
    progress: (n, total) => {
      if (n - done >= 2000 || n === total) log(`  ingested ${(done = n)}/${total} files`);
    },
  });
  log(`${label}: ${built.articles} articles, ${built.passages} passages, ingest ${Math.round(built.ms)} ms; one more article`);
  const after = addOne(paths);
  const add_one_ms = round(after.ms, 1);
  log(`${label}: one more article in ${add_one_ms} ms; loading in fresh processes`);
  const load = probeLoad(paths, o.loadRuns);
  const corpus = openCorpus(paths);
  const mix = queryMix(corpus.gazetteer);
  log(`${label}: answer latency and the naive FTS5 baseline`);
  const commands = await measureCommands(corpus, mix, o.rounds);
  const baseline = await measureBaseline(paths.build, mix, commands.search, o.rounds);
  corpus.close();
  log(`${label}: end to end, ${o.interactions} interactions at ${o.rate}/s`);
  const e2e = await measureE2e(paths.root, mix, o.interactions, o.rate, log);
  return {
    corpus: { articles: after.articles, passages: after.passages },
    ingest_ms: round(built.ms, 1),
    add_one_ms,
    index_bytes: after.bytes,
    ...load,
    commands,
    baseline,
    e2e,
  };
}

export async function runBench(argv: string[]): Promise<BenchReport> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        articles: { type: 'string' },
        interactions: { type: 'string' },
        rate: { type: 'string' },
        keep: { type: 'string' },
        'chart-runs': { type: 'string' },
        'load-runs': { type: 'string' },
        rounds: { type: 'string' },
        'skip-seed': { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  const articles = positive('articles', args.articles, 1000);
  const o = {
    interactions: positive('interactions', args.interactions, 2000),
    rate: positive('rate', args.rate, 100),
    loadRuns: positive('load-runs', args['load-runs'], LOAD_RUNS),
    rounds: positive('rounds', args.rounds, ROUNDS),
    chartRuns: positive('chart-runs', args['chart-runs'], 30),
  };
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const root = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  try {
    const seedPaths = seedDataDir(join(root, 'seed'));
    // The generated articles are drawn from the seed corpus, so it is built either way.
    const seed = args['skip-seed'] ? undefined : await measureCorpus('seed', seedPaths, o, log);

    // --keep DIR keeps the generated corpus for a later look (and its database, unless it is rebuilt by a new run).
    const genPaths = dataPaths(args.keep ? resolve(args.keep) : join(root, 'generated'));
    rmSync(genPaths.root, { recursive: true, force: true });
    log(`generating ${articles} articles in ${genPaths.raw}`);
    const seedCorpus = openCorpus(seedPaths);
    const generated = await generateCorpus(seedCorpus, articles, genPaths.raw);
    await seedCorpus.close();
    copyFileSync(join(REPO, 'data/gazetteer.json'), genPaths.gazetteer);
    log(`generated ${generated.articles} articles in ${generated.files} files (${Math.round(generated.bytes / 1024)} KiB)`);
    const big = await measureCorpus(`${articles} articles`, genPaths, o, log);
    const cpu = cpus();
    const machine = {
      cpus: cpu.length,
      cpu: cpu[0]?.model ?? 'unknown',
      memory_gb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
    };
    log('chart renders: 40- and 200-event timelines, a ten-actor stance map');
    const charts = await measureCharts(o.chartRuns);
    const report: BenchReport = { ...big, ...(seed ? { seed } : {}), charts, machine };
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatTable(report)}\n`);
    return report;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  runBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
