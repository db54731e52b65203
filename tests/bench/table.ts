// The benchmark as a table: each figure for the seed corpus (when measured) and
// the generated one, with its target at 1,000 articles and whether it was met.
import type { BenchReport, CorpusFigures } from './run-bench.js';

/** A target, or one for 1,000 articles and another for the sizes a year of feeds reaches (10,000 and over). */
type Target = number | { small: number; large: number };
type Row = [label: string, get: (f: CorpusFigures) => number, target?: Target];

const ROWS: Row[] = [
  ['ingest_ms', (f) => f.ingest_ms],
  ['add_one_ms', (f) => f.add_one_ms, 1000],
  ['index_bytes', (f) => f.index_bytes],
  ['load_ms (fresh process, first answer)', (f) => f.load_ms, 1000],
  ['heap_mb', (f) => f.heap_mb],
  ['rss_mb', (f) => f.rss_mb, 300],
  ['actor p50 / p99 ms', (f) => f.commands.actor.p50_ms],
  ['', (f) => f.commands.actor.p99_ms, { small: 5, large: 10 }],
  ['corridor p50 / p99 ms', (f) => f.commands.corridor.p50_ms],
  ['', (f) => f.commands.corridor.p99_ms, { small: 5, large: 10 }],
  ['timeline p50 / p99 ms', (f) => f.commands.timeline.p50_ms],
  ['', (f) => f.commands.timeline.p99_ms, { small: 5, large: 10 }],
  ['search p50 / p99 ms', (f) => f.commands.search.p50_ms],
  ['', (f) => f.commands.search.p99_ms, 50],
  ['autocomplete p50 / p99 ms', (f) => f.commands.autocomplete.p50_ms],
  ['', (f) => f.commands.autocomplete.p99_ms, 2],
  ['says p50 / p99 ms', (f) => f.commands.says.p50_ms],
  ['', (f) => f.commands.says.p99_ms, { small: 5, large: 10 }],
  ['baseline naive FTS5 search p50 / p99 ms', (f) => f.baseline.search.p50_ms],
  ['', (f) => f.baseline.search.p99_ms],
  ['baseline queries that throw', (f) => f.baseline.search.throws],
  ['search vs baseline, p50 / p99 (x)', (f) => f.baseline.ratio.p50],
  ['', (f) => f.baseline.ratio.p99],
  ['e2e callback p50 / p99 ms', (f) => f.e2e.p50_ms],
  ['', (f) => f.e2e.p99_ms, 50],
  ['e2e sustained interactions/s', (f) => f.e2e.sustained_per_s],
  ['e2e errors', (f) => f.e2e.errors, 0],
  ['e2e bot rss_mb once ready', (f) => f.e2e.bot_ready_rss_mb],
  ['e2e bot rss_mb, peak / at the end', (f) => f.e2e.bot_peak_rss_mb],
  ['', (f) => f.e2e.bot_rss_mb],
];

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

const LARGE = 10_000;

export function formatTable(r: BenchReport): string {
  const pick = (t: Target | undefined) => (t === undefined || typeof t === 'number' ? t : r.corpus.articles >= LARGE ? t.large : t.small);
  const seed = r.seed;
  const head = [
    'figure',
    ...(seed ? [`seed (${seed.corpus.articles} art., ${seed.corpus.passages} pass.)`] : []),
    `generated (${r.corpus.articles} art., ${r.corpus.passages} pass.)`,
    'target',
  ];
  const rows: string[][] = [];
  for (let i = 0; i < ROWS.length; i++) {
    const [label, get, rowTarget] = ROWS[i]!;
    const target = pick(rowTarget);
    const next = ROWS[i + 1];
    if (next && next[0] === '') {
      // A p50 / p99 pair shares a row.
      const [, get99, nextTarget] = next;
      const t99 = pick(nextTarget);
      rows.push([
        label,
        ...(seed ? [`${fmt(get(seed))} / ${fmt(get99(seed))}`] : []),
        `${fmt(get(r))} / ${fmt(get99(r))}`,
        t99 === undefined ? '' : `p99 ≤ ${t99} ${get99(r) <= t99 ? 'met' : 'MISSED'}`,
      ]);
      i++;
    } else
      rows.push([
        label,
        ...(seed ? [fmt(get(seed))] : []),
        fmt(get(r)),
        target === undefined ? '' : `${target === 0 ? '= 0' : `≤ ${target}`} ${get(r) <= target ? 'met' : 'MISSED'}`,
      ]);
  }
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
  const m = r.machine;
  return [
    `briefing-bot benchmark, ${m.date}: ${m.cpus} × ${m.cpu}, ${m.memory_gb} GiB, Node ${m.node}`,
    `e2e: ${r.e2e.interactions} interactions at ${r.e2e.rate_per_s}/s against the emulator; baseline: the same FTS5 index with the ` +
      `user's text passed to MATCH as it is`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'Chart renders (layout, SVG and PNG, off the event loop; target p99 ≤ 300 ms):',
    ...(
      [
        ['timeline, 40 events', r.charts.timeline_40],
        ['timeline, 200 events', r.charts.timeline_200],
        ['stance map, 10 actors', r.charts.stances_10],
      ] as const
    ).map(
      ([what, f]) =>
        `  ${what}: p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms ${f.p99_ms <= 300 ? 'met' : 'MISSED'}, ${(f.png_bytes / 1024).toFixed(0)} KiB`,
    ),
  ].join('\n');
}
