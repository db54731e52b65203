// The benchmark runs end to end on a small corpus and prints the full JSON
// shape. No figure is asserted against a time: CI machines are noisy. The seed
// corpus is measured by the same code as the generated one, so the smoke run
// skips it (--skip-seed); the table is checked with and without it.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-data.js';
import type { BenchReport } from './run-bench.js';
import { formatTable } from './table.js';

const num = expect.any(Number);
const lat = { p50_ms: num, p99_ms: num };

function corpusShape(articles: number, interactions: number) {
  return {
    corpus: { articles, passages: num },
    ingest_ms: num,
    add_one_ms: num,
    index_bytes: num,
    load_ms: num,
    heap_mb: num,
    rss_mb: num,
    commands: { actor: lat, corridor: lat, timeline: lat, search: lat, autocomplete: lat, says: lat },
    baseline: { search: { ...lat, throws: num, queries: num, build_ms: num }, ratio: { p50: num, p99: num } },
    e2e: {
      interactions,
      rate_per_s: 200,
      ...lat,
      sustained_per_s: num,
      errors: 0,
      bot_peak_rss_mb: num,
      bot_ready_rss_mb: num,
      bot_rss_mb: num,
    },
  };
}

/** A bench script's standard output, or its exit status and standard error when it fails. */
function bench(script: string, args: string[]): Promise<{ out: string; status: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`dist/tests/bench/${script}`, ...args], { cwd: REPO, encoding: 'utf8' }, (e, out, stderr) =>
      resolve({ out, stderr, status: e ? Number((e as { code?: unknown }).code ?? 1) : 0 }),
    );
  });
}

// The benches run at once, each in its own process: one after another they made this the suite's longest file.
const runs = {
  main: bench('run-bench.js', [
    ...['--articles', '20', '--interactions', '40', '--rate', '200', '--chart-runs', '1', '--load-runs', '1', '--rounds', '1'],
    ...['--skip-seed', '--json'],
  ]),
  badSize: bench('run-bench.js', ['--articles', 'lots']),
  feeds: bench('feeds-bench.js', ['--items', '4', '--feeds', '6', '--json']),
  alerts: bench('alert-latency-bench.js', ['--articles', '2', '--json']),
};
const output = async (run: Promise<{ out: string; status: number; stderr: string }>) => {
  const r = await run;
  if (r.status !== 0) throw new Error(`the bench exited with ${r.status}: ${r.stderr}`);
  return r.out;
};

describe('npm run bench', () => {
  let report: BenchReport | undefined;

  it('runs on 20 generated articles and prints every figure as JSON', { timeout: 120_000 }, async () => {
    const out = await output(runs.main);
    report = JSON.parse(out) as BenchReport;
    // The corpus has one article more than generated: the one the benchmark adds to time add_one_ms.
    const render = { p50_ms: num, p99_ms: num, png_bytes: num };
    expect(report).toMatchObject({
      ...corpusShape(21, 40),
      charts: { timeline_40: render, timeline_200: render, stances_10: render },
      machine: { cpus: num, node: process.version },
    });
    expect(report.seed).toBeUndefined();
    // The baseline really is the naive one: FTS5's query parser throws on ordinary input.
    expect(report.baseline.search.throws).toBeGreaterThan(0);
    expect(report.corpus.passages).toBeGreaterThan(300);
  });

  it('tabulates the figures: a column per corpus measured, and each target met or missed', () => {
    if (!report) throw new Error('the benchmark run above failed');
    const alone = formatTable(report).split('\n');
    const header = (t: string[]) => t.find((l) => l.startsWith('| figure'))!;
    expect(header(alone)).toMatch(/^\| figure +\| generated \(21 art\., \d+ pass\.\) \| target +\|$/);
    const rss = alone.find((l) => l.startsWith('| rss_mb'))!;
    expect(rss).toContain(`| ${report.rss_mb} `);
    expect(rss).toMatch(report.rss_mb <= 300 ? /≤ 300 met/ : /≤ 300 MISSED/);
    // A corpus that misses a target says so in its row.
    const slow = { ...report, add_one_ms: 5000, seed: { ...report, add_one_ms: 1 } };
    const both = formatTable(slow).split('\n');
    expect(header(both)).toMatch(/^\| figure +\| seed \(21 art\., \d+ pass\.\) +\| generated \(21 art\./);
    expect(both.find((l) => l.startsWith('| add_one_ms'))).toMatch(/\| 1 +\| 5,000 +\| ≤ 1000 MISSED +\|$/);
    expect(both.find((l) => l.startsWith('| e2e errors'))).toMatch(/\| 0 +\| 0 +\| = 0 met +\|$/);
  });

  it('refuses a bad size with a clear message and exit code 2', { timeout: 60_000 }, async () => {
    const err = await runs.badSize;
    expect(err.status).toBe(2);
    expect(err.stderr).toMatch(/--articles must be a whole number from 1 to 100000, not "lots"/);
  });

  it('measures feeds: fetch + ingest per item, a poll of unchanged feeds against its baseline, and memory', {
    timeout: 120_000,
  }, async () => {
    const out = await output(runs.feeds);
    const f = JSON.parse(out);
    expect(f).toMatchObject({
      items: 4,
      fetch_and_ingest_ms_per_item: num,
      baseline_ingest_from_disk_ms_per_item: num,
      feeds: 6,
      poll_304_ms: { p50: num, p99: num },
      baseline_poll_200_ms: { p50: num, p99: num },
      rss_mb: { before: num, peak: num },
    });
    // One request per feed when nothing changed: no page is fetched again.
    expect([f.poll_304_requests, f.baseline_poll_200_requests]).toEqual([6, 6]);
  });

  it('measures alert latency: committed to posted, and with the ingest, on the emulator', { timeout: 120_000 }, async () => {
    const out = await output(runs.alerts);
    const spread = { p50: num, p95: num, p99: num };
    expect(JSON.parse(out)).toEqual({ articles: 2, commit_to_post_ms: spread, ingest_to_post_ms: spread });
  });
});
