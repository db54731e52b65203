// The feed item queue against a local web server: a feed with more new items
// than one poll reads (listed oldest first), items that fail and are retried
// while the feed answers 304, items given up with their reason, an item that
// carries the whole article in <description>, and items that share a GUID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../src/corpus/schema.js';
import { formatFeedReport, feedStatusRows } from '../../src/feeds/feed-report.js';
import { feedPollDeps } from '../../src/feeds/fetch-session.js';
import { MAX_ITEM_FAILURES, MAX_ITEMS_PER_POLL, pollFeeds, type FeedPollDeps } from '../../src/feeds/poll-feeds.js';
import { allowEveryAddress } from '../../src/web/address-policy.js';
import { createHttpClient } from '../../src/web/http-client.js';
import { articlePage, newsParagraphs, rssFeed } from '../helpers/news-pages.js';
import { tempData } from '../helpers/temp-data.js';
import { tempStore } from '../helpers/temp-store.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';

let web: WebServer;
const ARCHIVE = MAX_ITEMS_PER_POLL * 2 + 30;
/** Answers 503 until this many requests have failed. */
let flakyFailuresLeft = 2;

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toUTCString();

beforeAll(async () => {
  web = await startWebServer();
  // An archive feed listing its items oldest first, each with its own page.
  const archive = Array.from({ length: ARCHIVE }, (_, n) => ({
    title: `Archive story ${n}`,
    link: `${web.origin}/archive/${n}`,
    guid: `archive-${n}`,
    published: day(n),
  }));
  for (const n of archive.keys())
    web.route(`/archive/${n}`, page(articlePage({ title: `Archive story ${n}`, paragraphs: newsParagraphs(`archive${n}`, 3) })));
  web.route('/archive.xml', page(rssFeed('Archive', archive), 'application/rss+xml', '"archive-v1"'));

  web.route('/flaky', (req, res) => {
    if (flakyFailuresLeft > 0) {
      flakyFailuresLeft--;
      res.statusCode = 503;
      res.end();
      return;
    }
    page(articlePage({ title: 'Flaky story', paragraphs: newsParagraphs('flaky') }))(req, res);
  });
  web.route('/dead', (_q, s) => {
    s.statusCode = 500;
    s.end();
  });
  web.route(
    '/flaky.xml',
    page(
      rssFeed('Flaky', [
        { title: 'Flaky story', link: `${web.origin}/flaky`, guid: 'flaky-1' },
        { title: 'Dead story', link: `${web.origin}/dead`, guid: 'dead-1' },
      ]),
      'application/rss+xml',
      '"flaky-v1"',
    ),
  );

  // The whole article in <description>, its page gone; and a one-line teaser, its page gone too.
  const sixParagraphs = newsParagraphs('description', 6)
    .map((p) => `<p>${p}</p>`)
    .join('');
  web.route(
    '/described.xml',
    page(
      rssFeed('Described', [
        { title: 'Whole story in the feed', link: `${web.origin}/gone-1`, guid: 'd-1', summary: sixParagraphs },
        { title: 'A teaser', link: `${web.origin}/gone-2`, guid: 'd-2', summary: 'Armenia and Azerbaijan met again on Monday.' },
      ]),
      'application/rss+xml',
    ),
  );

  // Two different stories under one GUID, as a broken CMS writes them.
  web.route('/same-a', page(articlePage({ title: 'Same GUID A', paragraphs: newsParagraphs('samea') })));
  web.route('/same-b', page(articlePage({ title: 'Same GUID B', paragraphs: newsParagraphs('sameb') })));
  web.route(
    '/same-guid.xml',
    page(
      rssFeed('Same GUID', [
        { title: 'Same GUID A', link: `${web.origin}/same-a`, guid: 'story' },
        { title: 'Same GUID B', link: `${web.origin}/same-b`, guid: 'story' },
      ]),
      'application/rss+xml',
    ),
  );
});
afterAll(() => web.close());

// Generous timeouts: three polls of a 230-item feed, each page saved and ingested, on a busy 2-core machine.
describe('the feed item queue', { timeout: 30000 }, () => {
  const paths = tempData({});
  const { store } = tempStore();
  let clock = new Date('2026-11-25T12:00:00Z');
  const POLL_SECONDS = 60;
  const deps = (): FeedPollDeps => ({
    ...feedPollDeps(paths, store, { allowPrivateUrls: true, pollSeconds: POLL_SECONDS }, { respectBackoff: true, now: () => clock }),
    http: createHttpClient({ userAgent: 'briefing-bot/test', checkAddress: allowEveryAddress, hostGapMs: 0, totalTimeoutMs: 2000 }),
  });
  const feed = (id: string, path: string): FeedEntry => ({ id, name: id, url: `${web.origin}${path}`, keepAll: false });
  const archivePaths = (from: number) =>
    web.log
      .slice(from)
      .map((l) => l.path)
      .filter((p) => p.startsWith('/archive/'))
      .map((p) => Number(p.split('/').pop()));

  it('reads a feed longer than one poll newest first, carries the rest over 304s, and says how many wait', async () => {
    const f = feed('archive', '/archive.xml');
    let before = web.log.length;
    const first = (await pollFeeds([f], deps())).feeds[0]!;
    expect(first).toMatchObject({ status: 'read', new: MAX_ITEMS_PER_POLL, failed: 0, waiting: ARCHIVE - MAX_ITEMS_PER_POLL });
    expect(formatFeedReport(first)).toContain(`${ARCHIVE - MAX_ITEMS_PER_POLL} item(s) wait for the next poll`);
    // Newest first, though the feed lists them oldest first.
    const fetched = archivePaths(before);
    expect(Math.min(...fetched)).toBe(ARCHIVE - MAX_ITEMS_PER_POLL);
    expect(fetched[0]).toBe(ARCHIVE - 1);
    expect((await feedStatusRows([f], store))[0]!.line).toContain(`${ARCHIVE - MAX_ITEMS_PER_POLL} waiting to be fetched`);

    before = web.log.length;
    const second = (await pollFeeds([f], deps())).feeds[0]!;
    expect(second).toMatchObject({ status: 'not-modified', new: MAX_ITEMS_PER_POLL, waiting: ARCHIVE - 2 * MAX_ITEMS_PER_POLL });
    expect(web.log[before]!.headers['if-none-match']).toBe('"archive-v1"');
    const third = (await pollFeeds([f], deps())).feeds[0]!;
    expect(third).toMatchObject({ status: 'not-modified', new: ARCHIVE - 2 * MAX_ITEMS_PER_POLL, waiting: 0 });
    // Every item reached raw/ exactly once.
    const all = archivePaths(0);
    expect(new Set(all).size).toBe(ARCHIVE);
    expect(all).toHaveLength(ARCHIVE);
    const fourth = (await pollFeeds([f], deps())).feeds[0]!;
    expect(formatFeedReport(fourth)).toBe('archive (archive): not modified since the last poll');
  });

  it('retries a failed item after its backoff while the feed answers 304, and gives up a dead one with its reason', async () => {
    const f = feed('flaky', '/flaky.xml');
    const first = (await pollFeeds([f], deps())).feeds[0]!;
    expect(first).toMatchObject({ status: 'read', new: 0, failed: 2, waiting: 2 });
    let rows = await feedStatusRows([f], store);
    expect(rows[0]!.items).toMatchObject({ retrying: 2, givenUp: 0 });
    expect(rows[0]!.line).toMatch(/failing: http:\/\/127\.0\.0\.1:\d+\/dead: .*answered 500/);
    // Before the backoff is over, nothing is tried again.
    const before = web.log.length;
    expect((await pollFeeds([f], deps())).feeds[0]).toMatchObject({ status: 'not-modified', failed: 0, waiting: 2 });
    expect(web.log.slice(before).map((l) => l.path)).toEqual(['/flaky.xml']);
    // Each failure doubles the wait; the flaky page answers on its third try, the dead one never.
    let report = first;
    for (let attempt = 2; attempt <= MAX_ITEM_FAILURES; attempt++) {
      clock = new Date(clock.getTime() + POLL_SECONDS * 1000 * 2 ** (attempt - 2) + 1000);
      report = (await pollFeeds([f], deps())).feeds[0]!;
      expect(report.status).toBe('not-modified');
      if (attempt === 3) expect(report.new).toBe(1);
    }
    expect(report).toMatchObject({ failed: 1, waiting: 0 });
    rows = await feedStatusRows([f], store);
    expect(rows[0]!.items).toMatchObject({ retrying: 0, givenUp: 1, waiting: 0 });
    expect(rows[0]!.line).toMatch(/1 given up\n.*given up: http:\/\/127\.0\.0\.1:\d+\/dead: .*answered 500/);
    clock = new Date(clock.getTime() + 24 * 3600_000);
    const after = web.log.length;
    await pollFeeds([f], deps());
    expect(web.log.slice(after).map((l) => l.path)).toEqual(['/flaky.xml']);
  });

  it('keeps an item that carries the whole article in <description> when its page is gone; a teaser still fails', async () => {
    const r = (await pollFeeds([feed('described', '/described.xml')], deps())).feeds[0]!;
    expect(r).toMatchObject({ new: 1, failed: 1 });
    expect(r.itemErrors).toEqual([{ item: 'A teaser', reason: expect.stringMatching(/only a summary, which is never used/) }]);
  });

  it('tells apart two items that share a GUID: both saved once, and neither fetched again', async () => {
    const f = feed('same-guid', '/same-guid.xml');
    expect((await pollFeeds([f], deps())).feeds[0]).toMatchObject({ new: 2, failed: 0 });
    const before = web.log.length;
    expect((await pollFeeds([f], deps())).feeds[0]).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    expect(web.log.slice(before).map((l) => l.path)).toEqual(['/same-guid.xml']);
  });
});
