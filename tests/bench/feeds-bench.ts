// `npm run bench:feeds [-- --json] [--items N] [--feeds M]`: what following
// feeds costs, against a local news site (never the internet):
//   - fetch + ingest of N new items (default 50), per item, beside the
//     baseline of ingesting the same pages already on disk;
//   - one poll of M unchanged feeds (default 200) answering 304, beside the
//     baseline of the same feeds without conditional GET (200 and a full body);
//   - the process's memory while it polls, with the seed corpus open as the bot holds it.
// The per-host gap is 0 here (the default is 1 s, which by design spreads a
// site's items over time); everything else is the code the bot runs.
import { mkdtempSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import type { FeedEntry } from '../../src/corpus/schema.js';
import { feedPollDeps } from '../../src/feeds/fetch-session.js';
import { pollFeeds } from '../../src/feeds/poll-feeds.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { allowEveryAddress } from '../../src/web/address-policy.js';
import { createHttpClient } from '../../src/web/http-client.js';
import { articlePage, newsParagraphs, rssFeed } from '../helpers/news-pages.js';
import { percentile, round } from './stats.js';
import { benchOptions } from './bench-options.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const USAGE = 'Usage: npm run bench:feeds [-- --json] [--items N (1-5000)] [--feeds M (1-5000)]';
const values = benchOptions({ json: { type: 'boolean' }, items: { type: 'string' }, feeds: { type: 'string' } }, USAGE);
const ITEMS = Number(values.items ?? 50);
const FEEDS = Number(values.feeds ?? 200);
if (!Number.isInteger(ITEMS) || ITEMS < 1 || ITEMS > 5000 || !Number.isInteger(FEEDS) || FEEDS < 1 || FEEDS > 5000) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const log = (t: string) => process.stderr.write(`${t}\n`);
const mb = (b: number) => round(b / 2 ** 20, 1);

// The local site: N article pages, one feed listing them, M small feeds with ETags.
let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const path = req.url ?? '/';
  const page = /^\/article-(\d+)$/.exec(path);
  if (page) {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      articlePage({
        title: `Bench story ${page[1]}`,
        paragraphs: newsParagraphs(`bench${page[1]}`, 12),
        outlet: 'Bench Daily',
        authors: ['A. Writer'],
      }),
    );
    return;
  }
  if (path === '/big.xml') {
    res.setHeader('content-type', 'application/rss+xml');
    const items = Array.from({ length: ITEMS }, (_, i) => ({ title: `Bench story ${i}`, link: `${origin}/article-${i}`, guid: `a${i}` }));
    res.end(rssFeed('Bench', items));
    return;
  }
  const small = /^\/feed-(\d+)\.xml(?:\?plain)?$/.exec(path);
  if (small) {
    const etag = `"f${small[1]}"`;
    const conditional = !path.includes('?');
    if (conditional && req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/rss+xml');
    res.setHeader('etag', etag);
    res.end(rssFeed(`Feed ${small[1]}`, [{ title: 'Seen before', link: `${origin}/article-0`, guid: 'a0' }]));
    return;
  }
  res.statusCode = 404;
  res.end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const root = mkdtempSync(join(tmpdir(), 'feeds-bench-'));
try {
  const paths = dataPaths(root);
  mkdirSync(paths.raw, { recursive: true });
  copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
  for (const f of ['000_28f6da302d93ec49.txt', '000_28f6da302d93ec49.meta.json'])
    copyFileSync(join(REPO, 'data/raw', f), join(paths.raw, f));
  buildCorpus(paths);
  const corpus = openCorpus(paths); // held open as the bot holds it, for the memory figures
  const store = openSqliteStore(join(root, 'state.sqlite'));
  const http = createHttpClient({ userAgent: 'briefing-bot/bench', checkAddress: allowEveryAddress, hostGapMs: 0 });
  const deps = { ...feedPollDeps(paths, store, { allowPrivateUrls: true, pollSeconds: 900 }, { respectBackoff: false }), http };

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const rssBefore = process.memoryUsage().rss;

  // 1. N new items: fetch and save, then one ingest.
  log(`fetching ${ITEMS} new items...`);
  let t = performance.now();
  const first = await pollFeeds([{ id: 'big', name: 'Bench', url: `${origin}/big.xml`, keepAll: false }], deps);
  const fetchMs = performance.now() - t;
  t = performance.now();
  const ingest = buildCorpus(paths);
  const ingestMs = performance.now() - t;
  if (first.feeds[0]!.new !== ITEMS || ingest.report.added.length !== ITEMS) {
    throw new Error(`expected ${ITEMS} new items, got ${first.feeds[0]!.new} saved and ${ingest.report.added.length} ingested`);
  }
  // Baseline: the same pages ingested from disk alone (a fresh corpus from the same raw/).
  rmSync(paths.build, { recursive: true, force: true });
  t = performance.now();
  buildCorpus(paths);
  const fromDiskMs = performance.now() - t;

  // 2. M unchanged feeds: a first poll learns the ETags, the measured second poll gets 304s.
  const feeds: FeedEntry[] = Array.from({ length: FEEDS }, (_, i) => ({
    id: `f${i}`,
    name: `Feed ${i}`,
    url: `${origin}/feed-${i}.xml`,
    keepAll: false,
  }));
  await pollFeeds(feeds, deps);
  const polls: number[] = [];
  let sent = 0;
  for (let run = 0; run < 5; run++) {
    const before = requests;
    t = performance.now();
    const r = await pollFeeds(feeds, deps);
    polls.push(performance.now() - t);
    sent = requests - before;
    if (r.feeds.some((f) => f.status !== 'not-modified')) throw new Error('a feed did not answer 304');
  }
  // Baseline: the same feeds fetched without validators (a query string turns the ETag off in this server).
  const plain = feeds.map((f) => ({ ...f, id: `p${f.id}`, url: `${f.url}?plain` }));
  await pollFeeds(plain, deps);
  const plainPolls: number[] = [];
  let plainSent = 0;
  for (let run = 0; run < 5; run++) {
    const before = requests;
    t = performance.now();
    await pollFeeds(plain, deps);
    plainPolls.push(performance.now() - t);
    plainSent = requests - before;
  }
  clearInterval(sampler);
  corpus.close();
  await store.close();

  const figures = {
    items: ITEMS,
    fetch_ms_per_item: round(fetchMs / ITEMS, 2),
    ingest_ms_per_item: round(ingestMs / ITEMS, 2),
    fetch_and_ingest_ms_per_item: round((fetchMs + ingestMs) / ITEMS, 2),
    baseline_ingest_from_disk_ms_per_item: round(fromDiskMs / ITEMS, 2),
    feeds: FEEDS,
    poll_304_ms: { p50: round(percentile(polls, 50), 1), p99: round(percentile(polls, 99), 1) },
    poll_304_requests: sent,
    baseline_poll_200_ms: { p50: round(percentile(plainPolls, 50), 1), p99: round(percentile(plainPolls, 99), 1) },
    baseline_poll_200_requests: plainSent,
    rss_mb: { before: mb(rssBefore), peak: mb(peak) },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else {
    const f = figures;
    const lines = [
      `Fetch + ingest of ${ITEMS} new items: ${f.fetch_and_ingest_ms_per_item} ms per item ` +
        `(fetch and save ${f.fetch_ms_per_item}, ingest ${f.ingest_ms_per_item}); ` +
        `baseline, the same pages ingested from disk: ${f.baseline_ingest_from_disk_ms_per_item} ms per item`,
      `Poll of ${FEEDS} unchanged feeds (304): p50 ${f.poll_304_ms.p50} ms, p99 ${f.poll_304_ms.p99} ms, ${sent} requests; ` +
        `baseline without conditional GET: p50 ${f.baseline_poll_200_ms.p50} ms, p99 ${f.baseline_poll_200_ms.p99} ms, ` +
        `${plainSent} requests`,
      `Memory (seed corpus open, as the bot): RSS ${f.rss_mb.before} MB before, ${f.rss_mb.peak} MB at the peak of polling`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} finally {
  server.close();
  rmSync(root, { recursive: true, force: true });
}
