// Feeds end to end against a local web server: RSS, Atom and JSON Feed; pages
// with JSON-LD and with meta tags only; windows-1251 and gzip; 304s; failing,
// slow, looping, huge, malformed and empty feeds; the same story in two
// feeds; an updated article; backoff and pausing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { FeedEntry } from '../../src/corpus/schema.js';
import { feedPollDeps } from '../../src/feeds/fetch-session.js';
import { PAUSE_AFTER_FAILURES, pollFeeds, resumeFeed, type FeedPollDeps, type FeedReport } from '../../src/feeds/poll-feeds.js';
import { allowEveryAddress } from '../../src/web/address-policy.js';
import { createHttpClient } from '../../src/web/http-client.js';
import { formatFeedReport } from '../../src/feeds/feed-report.js';
import { contents } from '../helpers/corpus-contents.js';
import { articlePage, atomFeed, jsonFeed, newsParagraphs, rssFeed } from '../helpers/news-pages.js';
import { tempData } from '../helpers/temp-data.js';
import { tempStore } from '../helpers/temp-store.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';

let web: WebServer;
const O = () => web.origin;
let updated = false;

const feed = (id: string, path: string, extra: Partial<FeedEntry> = {}): FeedEntry => ({
  id,
  name: `Feed ${id}`,
  url: `${O()}${path}`,
  keepAll: false,
  ...extra,
});

beforeAll(async () => {
  web = await startWebServer();
  const html = (p: Parameters<typeof articlePage>[0]) => page(articlePage(p));
  // Article pages
  web.route(
    '/story-a',
    html({
      title: 'Border talks resume',
      paragraphs: newsParagraphs('alpha'),
      outlet: 'Caucasus Daily',
      authors: ['Ani Petrosyan', 'Farid Mammadov'],
      published: '2025-03-03T10:00:00+04:00',
      url: `http://127.0.0.1:${new URL(web.origin).port}/story-a`,
    }),
  );
  web.route(
    '/story-b',
    html({
      declares: 'meta-tags',
      title: 'Tehran watches',
      paragraphs: newsParagraphs('beta'),
      outlet: 'Persia Weekly',
      authors: ['Sara Karimi'],
    }),
  );
  web.route(
    '/football',
    html({
      title: 'Cup final tonight',
      paragraphs: Array(6).fill(
        'The cup final kicks off tonight at eight, and both teams say they are ready for a long evening of football.',
      ),
    }),
  );
  web.route('/story-d', html({ title: 'Ports stay busy', paragraphs: newsParagraphs('delta'), outlet: 'Black Sea News' }));
  web.route('/wire-1', html({ title: 'Wire: railway plan', paragraphs: newsParagraphs('wire'), outlet: 'Wire' }));
  web.route('/wire-2', html({ title: 'Wire: railway plan', paragraphs: newsParagraphs('wire'), outlet: 'Wire' }));
  web.route('/update-me', (req, res) =>
    html({
      title: 'Developing: talks continue',
      paragraphs: updated
        ? [...newsParagraphs('epsilon', 3), 'Late on Tuesday, Armenia said a second round would follow in Tbilisi.']
        : newsParagraphs('epsilon', 3),
      outlet: 'Caucasus Daily',
    })(req, res),
  );
  const paragraph =
    '<p>Россия и Армения провели переговоры в Москве о границе и о железной дороге через Сюник, сообщили официальные лица.</p>';
  const cp1251Page =
    '<html><head><meta charset="windows-1251"><title>Москва</title></head>' +
    `<body><article><h1>Новости</h1>${paragraph.repeat(5)}</article></body></html>`;
  web.route('/cp1251-page', (_q, s) => {
    s.setHeader('content-type', 'text/html; charset=windows-1251');
    s.end(new TextEncoderWin1251().encode(cp1251Page));
  });

  // Feeds
  web.route(
    '/rss.xml',
    page(
      rssFeed('Caucasus Daily', [
        { title: 'Border talks resume', link: `${O()}/story-a?utm_source=rss`, guid: 'a-1', published: 'Mon, 03 Mar 2025 10:00:00 +0400' },
        {
          title: 'Tehran watches',
          link: `${O()}/story-b`,
          guid: 'b-1',
          authors: ['Sara Karimi'],
          published: 'Thu, 10 Apr 2025 09:00:00 GMT',
        },
        { title: 'Cup final tonight', link: `${O()}/football`, guid: 'f-1' },
      ]),
      'application/rss+xml; charset=utf-8',
      '"rss-v1"',
    ),
  );
  web.route(
    '/atom.xml',
    page(
      atomFeed('Black Sea News', [
        {
          title: 'Ports stay busy',
          link: `${O()}/story-d`,
          guid: 'urn:d',
          published: '2025-05-01T12:00:00+04:00',
          authors: ['Nino Beridze'],
        },
        // The RSS feed's story again, under its tracking-free URL
        { title: 'Border talks resume', link: `${O()}/story-a#top`, guid: 'urn:a' },
      ]),
      'application/atom+xml',
    ),
  );
  const fullText = `<p>${newsParagraphs('json', 5).join('</p><p>')}</p>`;
  web.route(
    '/feed.json',
    page(
      jsonFeed('JSON News', [
        { title: 'Only in the feed', link: `${O()}/gone-page`, guid: 'j-1', content: fullText, published: '2025-06-02T08:15:00+03:00' },
        { title: 'Just a teaser', link: `${O()}/gone-page-2`, guid: 'j-2', summary: 'Armenia and Azerbaijan: a one-line summary.' },
      ]),
      'application/feed+json',
    ),
  );
  web.route(
    '/wire-one.xml',
    page(rssFeed('Wire one', [{ title: 'Wire: railway plan', link: `${O()}/wire-1`, guid: 'w1' }]), 'application/rss+xml'),
  );
  web.route(
    '/wire-two.xml',
    page(rssFeed('Wire two', [{ title: 'Wire: railway plan', link: `${O()}/wire-2`, guid: 'w2' }]), 'application/rss+xml'),
  );
  web.route('/gzip.xml', (_q, s) => {
    s.setHeader('content-type', 'application/rss+xml');
    s.setHeader('content-encoding', 'gzip');
    s.end(gzipSync(rssFeed('Gzipped', [{ title: 'Ports stay busy', link: `${O()}/story-d`, guid: 'gz-d' }])));
  });
  web.route('/cp1251.xml', (_q, s) => {
    s.setHeader('content-type', 'application/rss+xml; charset=windows-1251');
    s.end(
      new TextEncoderWin1251().encode(
        rssFeed('Русская лента', [{ title: 'Переговоры в Москве', link: `${O()}/cp1251-page`, guid: 'ru-1' }]),
      ),
    );
  });
  web.route('/update.xml', (req, res) =>
    page(
      rssFeed('Updates', [
        { title: updated ? 'Developing: talks continue (updated)' : 'Developing: talks continue', link: `${O()}/update-me`, guid: 'u-1' },
      ]),
      'application/rss+xml',
    )(req, res),
  );
  web.route('/500.xml', (_q, s) => {
    s.statusCode = 500;
    s.end();
  });
  web.route('/429.xml', (_q, s) => {
    s.statusCode = 429;
    s.setHeader('retry-after', '120');
    s.end();
  });
  web.route('/hang.xml', () => {});
  web.route('/loop.xml', (_q, s) => {
    s.statusCode = 301;
    s.setHeader('location', '/loop.xml');
    s.end();
  });
  web.route('/huge.xml', (_q, s) => {
    s.setHeader('content-type', 'application/rss+xml');
    s.end(Buffer.alloc(20 * 2 ** 20, 32));
  });
  web.route('/malformed.xml', page('<rss version="2.0"><channel><item><title>Broken', 'application/rss+xml'));
  web.route('/empty.xml', page(rssFeed('Empty', []), 'application/rss+xml'));
});
afterAll(() => web.close());

/** windows-1251 for the Cyrillic letters the test uses (Node has no encoder for it). */
class TextEncoderWin1251 {
  encode(s: string): Buffer {
    return Buffer.from(
      [...s].map((ch) => {
        const c = ch.codePointAt(0)!;
        if (c < 0x80) return c;
        if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
        if (c === 0x401) return 0xa8;
        if (c === 0x451) return 0xb8;
        return 0x3f;
      }),
    );
  }
}

describe('polling feeds', () => {
  const paths = tempData({});
  const { store } = tempStore();
  let clock = new Date('2026-11-25T12:00:00Z');
  const deps = (): FeedPollDeps => ({
    ...feedPollDeps(paths, store, { allowPrivateUrls: true, pollSeconds: 60 }, { respectBackoff: true, now: () => clock }),
    http: createHttpClient({ userAgent: 'briefing-bot/test', checkAddress: allowEveryAddress, hostGapMs: 0, totalTimeoutMs: 500 }),
  });
  const byId = (reports: FeedReport[], id: string) => reports.find((r) => r.id === id)!;
  let first: FeedReport[];

  const feeds = () => [
    feed('rss', '/rss.xml'),
    feed('atom', '/atom.xml'),
    feed('json', '/feed.json'),
    feed('wire-one', '/wire-one.xml'),
    feed('wire-two', '/wire-two.xml'),
    feed('gzip', '/gzip.xml'),
    feed('russian', '/cp1251.xml', { keepAll: true }),
    feed('update', '/update.xml'),
    feed('empty', '/empty.xml'),
  ];

  it('reads RSS, Atom and JSON Feed, saves new pages in raw/, and says what became of every item', async () => {
    first = (await pollFeeds(feeds(), deps())).feeds;
    expect(byId(first, 'rss')).toMatchObject({ status: 'read', new: 2, offTopic: 1, failed: 0 });
    // The Atom feed's second item is the RSS story under its clean URL: not fetched twice.
    expect(byId(first, 'atom')).toMatchObject({ status: 'read', new: 1, duplicates: 1 });
    // The JSON item whose page is gone falls back to its full text; the summary-only one fails with its reason.
    const json = byId(first, 'json');
    expect(json).toMatchObject({ new: 1, failed: 1 });
    expect(json.itemErrors[0]!.reason).toMatch(/answered 404.*only a summary, which is never used/);
    // The same wire story in two feeds is saved once.
    expect(byId(first, 'wire-one').new + byId(first, 'wire-two').new).toBe(1);
    expect(byId(first, 'wire-one').duplicates + byId(first, 'wire-two').duplicates).toBe(1);
    // gzip: the same story as the Atom feed's, at the same URL.
    expect(byId(first, 'gzip')).toMatchObject({ status: 'read', duplicates: 1 });
    expect(byId(first, 'russian')).toMatchObject({ status: 'read', new: 1 });
    expect(byId(first, 'empty')).toMatchObject({ status: 'read', new: 0, failed: 0 });
  });

  it('ingests what was saved: metadata from the page, then the feed item; the URL kept; Cyrillic decoded', async () => {
    const { report } = buildCorpus(paths);
    expect(report.skipped).toEqual([]);
    const { articles, passages } = await contents(openCorpus(paths));
    const title = (t: string) => articles.find((a) => a.title === t)!;
    expect(title('Border talks resume')).toMatchObject({
      outlet: 'Caucasus Daily',
      author: 'Ani Petrosyan and Farid Mammadov',
      publishedAt: '2025-03-03T10:00:00+04:00',
      url: `${O()}/story-a`,
    });
    expect(title('Tehran watches')).toMatchObject({ outlet: 'Persia Weekly', author: 'Sara Karimi', published: '2025-04-10' });
    expect(title('Only in the feed')).toMatchObject({ outlet: 'Feed json', publishedAt: '2025-06-02T08:15:00+03:00' });
    expect(articles.some((a) => a.title.includes('Cup final'))).toBe(false);
    expect(passages.some((p) => p.text.includes('Россия и Армения провели переговоры'))).toBe(true);
    const sidecar = JSON.parse(readFileSync(join(paths.raw, title('Tehran watches').source.file.replace(/\.html$/, '.meta.json')), 'utf8'));
    expect(sidecar).toMatchObject({ feed: 'rss', url: `${O()}/story-b`, retrieved: '2026-11-25' });
  });

  it('asks again with the ETag, and a 304 costs one request and changes nothing', async () => {
    const before = web.log.length;
    const again = await pollFeeds([feed('rss', '/rss.xml')], deps());
    expect(again.feeds[0]).toMatchObject({ status: 'not-modified', new: 0 });
    expect(again.requests).toBe(1);
    expect(web.log.slice(before).map((l) => l.headers['if-none-match'])).toEqual(['"rss-v1"']);
  });

  it('polls unchanged feeds without fetching their pages again', async () => {
    const before = web.log.length;
    const again = await pollFeeds([feed('atom', '/atom.xml'), feed('json', '/feed.json')], deps());
    expect(byId(again.feeds, 'atom')).toMatchObject({ new: 0, unchanged: 2, duplicates: 0 });
    // The atom feed again and the JSON feed again; the one failed item waits out its backoff (tests/feeds/item-queue.test.ts).
    expect(
      web.log
        .slice(before)
        .map((l) => l.path)
        .sort(),
    ).toEqual(['/atom.xml', '/feed.json']);
  });

  it('replaces an updated article, and its unchanged sentences keep their quote ids', async () => {
    const before = (await contents(openCorpus(paths))).passages.filter((p) => p.text.includes('epsilon'));
    updated = true;
    const r = await pollFeeds([feed('update', '/update.xml')], deps());
    expect(r.feeds[0]).toMatchObject({ changed: 1, new: 0 });
    const { report } = buildCorpus(paths);
    expect(report.changed.length + report.added.length).toBeGreaterThan(0);
    const after = (await contents(openCorpus(paths))).passages;
    expect(after.some((p) => p.text.includes('second round would follow in Tbilisi'))).toBe(true);
    for (const p of before) expect(after.find((q) => q.text === p.text)?.id).toBe(p.id);
    expect(existsSync(join(paths.raw, 'feeds/update'))).toBe(true);
  });

  it.each([
    ['500.xml', /answered 500/],
    ['hang.xml', /did not answer/],
    ['loop.xml', /more than 5 redirects/],
    ['huge.xml', /more than 5 MB/],
    ['malformed.xml', /not a readable RSS, Atom or JSON Feed/],
  ])('reports a failing feed (%s) with its reason, and still reads the others', async (path, why) => {
    const r = await pollFeeds([feed(`bad-${path.split('.')[0]}`, `/${path}`), feed('rss', '/rss.xml')], deps());
    expect(r.feeds[0]).toMatchObject({ status: 'failed' });
    expect(r.feeds[0]!.error).toMatch(why);
    expect(r.feeds[1]!.status).toBe('not-modified');
  });

  it('waits as long as a 429 asks', async () => {
    const r = await pollFeeds([feed('slow-down', '/429.xml')], deps());
    expect(Date.parse(r.feeds[0]!.nextAttempt!) - clock.getTime()).toBe(120_000);
    const soon = await pollFeeds([feed('slow-down', '/429.xml')], deps());
    expect(soon.feeds[0]).toMatchObject({ status: 'waiting' });
  });

  it('backs off exponentially, pauses after 10 failures in a row with the reason, and resumes on request', async () => {
    const f = feed('broken', '/500.xml');
    const gaps: number[] = [];
    let r: FeedReport | undefined;
    for (let i = 0; i < PAUSE_AFTER_FAILURES; i++) {
      r = (await pollFeeds([f], deps())).feeds[0]!;
      expect(r.status).toBe('failed');
      gaps.push(Date.parse(r.nextAttempt!) - clock.getTime());
      clock = new Date(Date.parse(r.nextAttempt!) + 1000);
    }
    expect(gaps.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(6 * 3600_000);
    const paused = (await pollFeeds([f], deps())).feeds[0]!;
    expect(paused.status).toBe('paused');
    expect(paused.error).toMatch(/paused after 10 failures in a row; the last: .*answered 500/);
    expect(await resumeFeed(store, 'broken')).toBe(true);
    expect((await pollFeeds([f], deps())).feeds[0]!.status).toBe('failed');
  });

  it('leaves a feed another process has claimed to that one, and gives up its own claims when done', async () => {
    // Another process is reading "rss" right now: its claim is a lease in the shared database.
    await store.acquireLease('feed:rss', 'other-process', 60_000, clock);
    const claimed: string[] = [];
    const claim = async (id: string) => {
      const lease = await store.acquireLease(`feed:${id}`, 'this-process', 60_000, clock);
      if (!lease.held) return null;
      claimed.push(id);
      return () => store.releaseLease(`feed:${id}`, 'this-process');
    };
    const http = deps().http;
    const r = await pollFeeds([feed('rss', '/rss.xml'), feed('atom', '/atom.xml')], { ...deps(), http, claim });
    expect(byId(r.feeds, 'rss')).toMatchObject({ status: 'claimed', new: 0 });
    expect(formatFeedReport(byId(r.feeds, 'rss'))).toMatch(/being read by another process/);
    expect(byId(r.feeds, 'atom').status).not.toBe('claimed');
    expect(claimed).toEqual(['atom']);
    // Only the atom feed was asked for; its claim is free again for whoever polls next.
    expect(http.requests).toBe(1);
    expect((await store.acquireLease('feed:atom', 'someone-else', 60_000, clock)).held).toBe(true);
  });
});
