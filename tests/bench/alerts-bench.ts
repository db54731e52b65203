// `npm run bench:alerts [-- --articles N] [--rules R] [--keep DIR] [--json]`: what checking one new article
// against every watch costs, on a corpus of N generated articles (default 10,000) with R rules (default 500) over
// 100 channels: the rules read once (as the bot keeps them), then each of 300 articles checked against all of them,
// its words read once. Beside it, the story comparison an alert makes against the watch's recent alerts (20).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sameStory } from '../../src/briefing/story.js';
import { matchArticle, type PassageWords, resolveRule, type ResolvedRule } from '../../src/briefing/watch/match-rule.js';
import { parseRule } from '../../src/briefing/watch/watch-rule.js';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { generatedFolder, prng } from './generate-corpus.js';
import { latency } from './stats.js';
import { benchOptions } from './bench-options.js';

const USAGE = 'Usage: npm run bench:alerts [-- --articles N (10 or more)] [--rules R] [--keep DIR] [--json]';
const values = benchOptions(
  { articles: { type: 'string' }, rules: { type: 'string' }, keep: { type: 'string' }, json: { type: 'boolean' } },
  USAGE,
);
const N = Number(values.articles ?? 10_000);
const R = Number(values.rules ?? 500);
if (!Number.isInteger(N) || N < 10 || !Number.isInteger(R) || R < 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const log = (t: string) => process.stderr.write(`[bench:alerts] ${t}\n`);
const root = mkdtempSync(join(tmpdir(), 'briefing-alerts-bench-'));
try {
  const paths = await generatedFolder(root, N, values.keep, log);
  log('ingesting');
  buildCorpus(paths, { allowEmpty: true });
  const corpus = openCorpus(paths);
  const rand = prng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const actors = corpus.gazetteer.actors.map((a) => a.name);
  const corridors = corpus.gazetteer.corridors.map((c) => c.name);
  const words = ['sanctions', 'pipeline', 'border', 'ceasefire', 'elections', 'drone', 'tariffs', 'railway', 'summit', 'protest'];
  const q = (s: string) => (/\s/.test(s) ? `"${s}"` : s);
  const shapes = [
    () => `actor:${q(pick(actors))}`,
    () => `actor:${q(pick(actors))} corridor:${q(pick(corridors))}`,
    () => `actor:${q(pick(actors))} OR actor:${q(pick(actors))}`,
    () => `"${pick(words)} talks" -${pick(words)}`,
    () => `(${pick(words)} OR ${pick(words)}) actor:${q(pick(actors))} -football`,
    () => `outlet:"OC Media" actor:${q(pick(actors))}`,
  ];
  const rules: ResolvedRule[] = [];
  while (rules.length < R) {
    const parsed = parseRule(pick(shapes)());
    const resolved = parsed.ok ? resolveRule(parsed.rule, corpus.names) : null;
    if (resolved?.ok) rules.push(resolved.rule);
  }
  const all = await corpus.articles(0, Number.MAX_SAFE_INTEGER);
  const sample = Array.from({ length: 300 }, () => pick(all));
  log(`${all.length} articles, ${rules.length} rules over 100 channels; checking ${sample.length} articles`);
  const checkMs: number[] = [];
  const storyMs: number[] = [];
  let matches = 0;
  for (const article of sample) {
    const passages = await corpus.passagesOf(article.id);
    const t = performance.now();
    const words: PassageWords = new Map();
    for (const rule of rules) if (matchArticle(rule, article, passages, 0, words)) matches++;
    checkMs.push(performance.now() - t);
    // The story: compared with a watch's recent alerts (20 articles).
    const others = Array.from({ length: 20 }, () => pick(all));
    const recent = await Promise.all(others.map(async (a) => ({ article: a, passages: await corpus.passagesOf(a.id) })));
    const s = performance.now();
    for (const other of recent) sameStory({ article, passages }, other);
    storyMs.push(performance.now() - s);
  }
  await corpus.close();
  const report = {
    articles: all.length,
    rules: rules.length,
    matches_per_article: Math.round((matches / sample.length) * 10) / 10,
    check_all_rules: latency(checkMs),
    story_against_20_alerts: latency(storyMs),
  };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : `Alerts at ${report.articles} articles, ${report.rules} rules (median / p99 ms)\n\n` +
          '| one article against every rule | its story against 20 recent alerts | rules matched an article |\n|---|---|---|\n' +
          `| ${report.check_all_rules.p50_ms} / ${report.check_all_rules.p99_ms} | ${report.story_against_20_alerts.p50_ms} / ` +
          `${report.story_against_20_alerts.p99_ms} | ${report.matches_per_article} |\n`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
