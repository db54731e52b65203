// `npm run bench:article-size [-- --json] [--runs R]`: what one long article
// costs to ingest, by size and by shape, so the cost per byte can be seen to
// stay flat (the target: a 1 MB article in no more than 3 s on a 2-core machine).
// Each article is ingested alone into a fresh data folder, in this process, by
// the same buildCorpus that `briefing ingest` runs; the median of R runs is
// kept. Shapes: Markdown paragraphs, an HTML page of paragraphs, thousands of
// dated sentences (the date reader's worst case), and a plain-text scrape.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import { percentile, round } from './stats.js';
import { benchOptions } from './bench-options.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const USAGE = 'Usage: npm run bench:article-size [-- --json] [--runs R (1-20)]';
const values = benchOptions({ json: { type: 'boolean' }, runs: { type: 'string' } }, USAGE);
const RUNS = Number(values.runs ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 20) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const SIZES_KB = [100, 250, 500, 1000, 2000];

/** Distinct sentences of real news prose: the seed page's, each made unique with a number. */
const SENTENCES = readFileSync(join(REPO, 'data/raw/000_28f6da302d93ec49.txt'), 'utf8')
  .split(/(?<=[.!?])\s+/)
  .filter((s) => s.length > 40 && s.length < 400);
const PLACES = ['Yerevan', 'Baku', 'Tbilisi', 'Gyumri', 'Meghri', 'Nakhchivan'];

function prose(bytes: number, paragraph: number): string[] {
  const out: string[] = [];
  let size = 0;
  const current: string[] = [];
  for (let i = 0; size < bytes; i++) {
    const s = SENTENCES[i % SENTENCES.length]!.replace(/\b(the|a)\b/, (m) => `${m} ${i}`);
    current.push(s);
    size += s.length + 1;
    if (current.length === paragraph) out.push(current.splice(0).join(' '));
  }
  if (current.length) out.push(current.join(' '));
  return out;
}

const front = '---\ntitle: A long report\noutlet: Bench Wire\nauthor: A. Writer\npublished: 2024-04-01\n---\n\n';
const SHAPES: Record<string, (bytes: number) => { file: string; text: string }> = {
  markdown: (b) => ({ file: 'long.md', text: `${front}${prose(b, 4).join('\n\n')}\n` }),
  html: (b) => ({
    file: 'long.html',
    text:
      '<html><head><title>A long report</title><meta name="author" content="A. Writer"></head><body><article><h1>A long report</h1>' +
      `${prose(b, 4)
        .map((p) => `<p>${p}</p>`)
        .join('\n')}</article></body></html>`,
  }),
  dated: (b) => {
    const lines: string[] = [];
    for (let n = 0, size = 0; size < b; n++) {
      const line =
        `On ${1 + (n % 28)} March 2024 delegates from Armenia and Azerbaijan met in ${PLACES[n % PLACES.length]} ` +
        `for round ${n} of the border talks.`;
      lines.push(line);
      size += line.length + 2;
    }
    return { file: 'long.md', text: `${front}${lines.join('\n\n')}\n` };
  },
  'text scrape': (b) => ({ file: 'long.txt', text: `A long report\n\n${prose(b, 4).join('\n\n')}\n` }),
};

function ingestOnce(file: string, text: string): number {
  const root = mkdtempSync(join(tmpdir(), 'briefing-size-bench-'));
  try {
    const paths = dataPaths(root);
    mkdirSync(paths.raw, { recursive: true });
    copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
    writeFileSync(join(paths.raw, file), text);
    const started = performance.now();
    buildCorpus(paths);
    return performance.now() - started;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const rows: { shape: string; kb: number; ms: number; msPer100kb: number }[] = [];
ingestOnce('warm.md', `${front}${prose(20_000, 4).join('\n\n')}`); // loads the pipeline once, outside the figures
for (const [shape, make] of Object.entries(SHAPES)) {
  for (const kb of SIZES_KB) {
    const { file, text } = make(kb * 1000);
    const samples = Array.from({ length: RUNS }, () => ingestOnce(file, text));
    const ms = round(percentile(samples, 50), 0);
    rows.push({ shape, kb: round(Buffer.byteLength(text) / 1000, 0), ms, msPer100kb: round((ms / Buffer.byteLength(text)) * 100_000, 1) });
    process.stderr.write(`${shape} ${kb} KB: ${ms} ms\n`);
  }
}
if (values.json) process.stdout.write(`${JSON.stringify({ runs: RUNS, rows }, null, 2)}\n`);
else {
  process.stdout.write(
    `One article ingested alone, median of ${RUNS} run(s)\n\n| shape | size (KB) | ingest (ms) | ms per 100 KB |\n|---|---|---|---|\n`,
  );
  for (const r of rows) process.stdout.write(`| ${r.shape} | ${r.kb} | ${r.ms} | ${r.msPer100kb} |\n`);
}
