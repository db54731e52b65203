// `npm run bench:extraction [-- --json] [--worst N] [--open-web DIR]`: the
// project's article extraction scored on the development halves of two public
// benchmarks (../shared/open-web), beside plain Readability.js on the same
// pages in the same run:
//   - body text (both benchmarks): shingle precision, recall and F1, scored as
//     the article-extraction benchmark's evaluate.py scores them;
//   - metadata (fundus): the share of pages whose title, authors and published
//     day are right;
//   - the worst pages, with what leaked into the quotes and what was lost.
// Every page is saved in raw/ (a fundus page with a sidecar of its URL and
// crawl day, as a feed would give) and ingested by the same buildCorpus that
// `briefing ingest` runs; the body is the quotable body passages in reading
// order, read back through `briefing export`'s code.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportCorpus, type ExportedArticle } from '../../src/briefing/export.js';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import { foldDiacritics } from '../../src/text/normalize.js';
import { aebPages, type BenchmarkPage, fundusPages } from './extraction/benchmark-pages.js';
import { rawReadability } from './extraction/raw-readability.js';
import { type PageCounts, scores, type Scores, shingleMatching, tokens } from './extraction/shingle-score.js';
import { round } from './stats.js';
import { benchOptions } from './bench-options.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const USAGE = 'Usage: npm run bench:extraction [-- --json] [--worst N (0-100)] [--open-web DIR]';
const values = benchOptions({ json: { type: 'boolean' }, worst: { type: 'string' }, 'open-web': { type: 'string' } }, USAGE);
const WORST = Number(values.worst ?? 8);
const OPEN_WEB = resolve(values['open-web'] ?? join(REPO, '..', 'shared', 'open-web'));
if (!Number.isInteger(WORST) || WORST < 0 || WORST > 100) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const log = (t: string) => process.stderr.write(`${t}\n`);

const pages = [...aebPages(OPEN_WEB), ...fundusPages(OPEN_WEB)];
if (pages.length === 0) {
  log(`No benchmark pages under ${OPEN_WEB} (aeb-dev/, fundus-dev/): pass --open-web DIR.`);
  process.exit(1);
}

// Every page into one data folder, ingested once.
const root = mkdtempSync(join(tmpdir(), 'briefing-extraction-'));
const paths = dataPaths(root);
mkdirSync(paths.raw, { recursive: true });
copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
const fileOf = (p: BenchmarkPage) => `${p.benchmark}/${p.key}.html`;
for (const p of pages) {
  mkdirSync(join(paths.raw, p.benchmark), { recursive: true });
  writeFileSync(join(paths.raw, fileOf(p)), p.html);
  // A page with its address, as a feed or a pasted link gives it; an AEB page was crawled on a day it does not keep,
  // which is then the day it was saved here (as for a file with no sidecar).
  if (p.retrieved || p.url)
    writeFileSync(
      join(paths.raw, p.benchmark, `${p.key}.meta.json`),
      JSON.stringify({ retrieved: p.retrieved ?? new Date().toISOString().slice(0, 10), ...(p.url ? { url: p.url } : {}) }),
    );
}
const started = performance.now();
const built = buildCorpus(paths, { allowEmpty: true });
const ingestMs = performance.now() - started;
const corpus = openCorpus(paths);
const byFile = new Map<string, ExportedArticle[]>();
for await (const a of exportCorpus(corpus)) byFile.set(a.source_file, [...(byFile.get(a.source_file) ?? []), a]);
await corpus.close();
rmSync(root, { recursive: true, force: true });

// Scores.
const norm = (s: string) =>
  foldDiacritics(s)
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐-―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const sameAuthors = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].map(norm).sort().join('|') === [...b].map(norm).sort().join('|');

interface PageResult {
  key: string;
  benchmark: BenchmarkPage['benchmark'];
  project: PageCounts;
  readability: PageCounts;
  articles: number;
  leaked: string[];
  lost: string[];
  meta?: { title: boolean; authors: boolean; day: boolean; readability: { title: boolean; authors: boolean; day: boolean } };
  got?: { title: string | null; authors: string[]; published: string | null };
}

/** The pieces of `text` (split by lines) sharing the fewest shingles with `other`: what one side has that the other lacks. */
function unmatched(text: string, other: string, n: number): string[] {
  const have = new Set<string>();
  const o = tokens(other);
  for (let i = 0; i + 4 <= o.length; i++) have.add(o.slice(i, i + 4).join(' '));
  return text
    .split('\n')
    .map((line) => {
      const t = tokens(line);
      if (t.length < 4) return { line, missing: 0 };
      let missing = 0;
      for (let i = 0; i + 4 <= t.length; i++) if (!have.has(t.slice(i, i + 4).join(' '))) missing++;
      return { line, missing: missing / (t.length - 3) };
    })
    .filter((x) => x.missing > 0.5)
    .slice(0, n)
    .map((x) => (x.line.length > 160 ? `${x.line.slice(0, 157)}…` : x.line));
}

const results: PageResult[] = pages.map((p) => {
  const articles = byFile.get(fileOf(p)) ?? [];
  const body = articles.flatMap((a) => a.passages.filter((x) => x.kind === 'body').map((x) => x.text)).join('\n');
  const raw = rawReadability(p.html);
  const r: PageResult = {
    key: p.key,
    benchmark: p.benchmark,
    project: shingleMatching(p.truth.body, body),
    readability: shingleMatching(p.truth.body, raw.body),
    articles: articles.length,
    leaked: unmatched(body, p.truth.body, 3),
    lost: unmatched(p.truth.body, body, 3),
  };
  if (p.benchmark === 'fundus') {
    const a = articles[0];
    const day = p.truth.published ?? null;
    const rawAuthors = raw.byline ? raw.byline.replace(/^by\s+/i, '').split(/\s*,\s*|\s+and\s+/) : [];
    r.got = { title: a?.title ?? null, authors: a?.authors ?? [], published: a?.published ?? null };
    r.meta = {
      title: Boolean(a && p.truth.title && norm(a.title) === norm(p.truth.title)),
      authors: sameAuthors(a?.authors ?? [], p.truth.authors ?? []),
      day: (a?.published ?? null) === day,
      readability: {
        title: Boolean(raw.title && p.truth.title && norm(raw.title) === norm(p.truth.title)),
        authors: sameAuthors(rawAuthors, p.truth.authors ?? []),
        day: (raw.published?.slice(0, 10) ?? null) === day,
      },
    };
  }
  return r;
});

const of = (b: BenchmarkPage['benchmark']) => results.filter((r) => r.benchmark === b);
const table = (rs: PageResult[]) => ({ project: scores(rs.map((r) => r.project)), readability: scores(rs.map((r) => r.readability)) });
const share = (rs: PageResult[], f: (r: PageResult) => boolean) => round(rs.filter(f).length / Math.max(1, rs.length), 3);
const fundus = of('fundus');
const summary = {
  pages: { aeb: of('aeb').length, fundus: fundus.length },
  ingest: {
    ms: round(ingestMs, 0),
    msPerPage: round(ingestMs / pages.length, 1),
    articles: built.articles,
    skipped: built.report.skipped.length,
  },
  aeb: { ...table(of('aeb')), noArticle: of('aeb').filter((r) => r.articles === 0).length },
  fundusBody: table(fundus),
  fundusMeta: {
    project: {
      title: share(fundus, (r) => r.meta!.title),
      authors: share(fundus, (r) => r.meta!.authors),
      day: share(fundus, (r) => r.meta!.day),
    },
    readability: {
      title: share(fundus, (r) => r.meta!.readability.title),
      authors: share(fundus, (r) => r.meta!.readability.authors),
      day: share(fundus, (r) => r.meta!.readability.day),
    },
  },
};

const f1Of = (c: PageCounts) => scores([c]).f1 || 0;
const worst = [...results].sort((a, b) => f1Of(a.project) - f1Of(b.project)).slice(0, WORST);
const metaMisses = fundus.filter((r) => !r.meta!.title || !r.meta!.authors || !r.meta!.day);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ summary, worst, metaMisses }, null, 2)}\n`);
} else {
  const f = (s: Scores) => `${s.f1.toFixed(3)} / ${s.precision.toFixed(3)} / ${s.recall.toFixed(3)}`;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const out = [
    `Open-web extraction, development halves (${summary.pages.aeb} AEB pages, ${summary.pages.fundus} fundus pages)`,
    `Ingest: ${summary.ingest.ms} ms for ${pages.length} pages (${summary.ingest.msPerPage} ms a page); ` +
      `${summary.ingest.articles} articles`,
    '',
    '| body (F1 / precision / recall) | project | Readability.js |',
    '|---|---|---|',
    `| aeb-dev | ${f(summary.aeb.project)} (${summary.aeb.noArticle} page(s) gave no article) | ${f(summary.aeb.readability)} |`,
    `| fundus-dev | ${f(summary.fundusBody.project)} | ${f(summary.fundusBody.readability)} |`,
    '',
    '| fundus-dev metadata | project | Readability.js |',
    '|---|---|---|',
    ...(['title', 'authors', 'day'] as const).map(
      (k) => `| ${k === 'day' ? 'published day' : k} | ${pct(summary.fundusMeta.project[k])} | ${pct(summary.fundusMeta.readability[k])} |`,
    ),
    '',
    `Worst ${worst.length} pages by F1 (precision / recall):`,
    ...worst.flatMap((r) => {
      const s = scores([r.project]);
      return [
        `  ${r.key}: ${(s.precision || 0).toFixed(2)} / ${(s.recall || 0).toFixed(2)}${r.articles === 0 ? ' (no article)' : ''}`,
        ...r.leaked.map((l) => `    leaked: ${l}`),
        ...r.lost.map((l) => `    lost:   ${l}`),
      ];
    }),
    '',
    `fundus metadata misses (${metaMisses.length}):`,
    ...metaMisses.map((r) => {
      const p = pages.find((x) => x.key === r.key)!;
      const parts = [
        !r.meta!.title && `title "${r.got!.title}" (true: "${p.truth.title}")`,
        !r.meta!.authors && `authors ${JSON.stringify(r.got!.authors)} (true: ${JSON.stringify(p.truth.authors)})`,
        !r.meta!.day && `day ${r.got!.published} (true: ${p.truth.published})`,
      ].filter(Boolean);
      return `  ${r.key}: ${parts.join('; ')}`;
    }),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
