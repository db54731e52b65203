// briefing feeds add|list|remove|resume, briefing fetch and briefing add <url>,
// against a local web server and real files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedsCli } from '../../src/cli/feeds-cli.js';
import { articlePage, newsParagraphs, rssFeed } from '../helpers/news-pages.js';
import { tempData, testTmp } from '../helpers/temp-data.js';
import { tempDir } from '../helpers/temp-store.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';

let web: WebServer;
beforeAll(async () => {
  web = await startWebServer();
  web.route('/story', page(articlePage({ title: 'Border talks resume', paragraphs: newsParagraphs('cli'), outlet: 'Caucasus Daily' })));
  web.route('/other', page(articlePage({ title: 'Ports stay busy', paragraphs: newsParagraphs('other'), outlet: 'Black Sea News' })));
  web.route(
    '/feed.xml',
    page(
      rssFeed('Caucasus Daily news', [{ title: 'Border talks resume', link: `${web.origin}/story`, guid: 's1' }]),
      'application/rss+xml',
    ),
  );
  web.route('/broken.xml', (_q, s) => {
    s.statusCode = 503;
    s.end();
  });
  web.route('/not-a-feed', page('<html><body><p>Just a page</p></body></html>'));
});
afterAll(() => web.close());

async function run(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  // No .env: a developer's own must not change the test.
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTty: false, envFile: join(testTmp(), 'no-such.env') };
  const code = await feedsCli(args, env, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefing feeds, fetch and add', () => {
  const paths = tempData({});
  const env = {
    DATA_DIR: paths.root,
    DATABASE_URL: `sqlite:${join(tempDir(), 'state.sqlite')}`,
    ALLOW_PRIVATE_URLS: 'true',
    FETCH_HOST_GAP_MS: '0',
  };

  it('follows a feed after reading it once, named by its own title', async () => {
    const r = await run(['feeds', 'add', `${web.origin}/feed.xml`], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Following "Caucasus Daily news" as caucasus-daily-news');
    expect(r.out).toContain('1 item(s)');
    const list = JSON.parse(readFileSync(paths.feeds, 'utf8'));
    expect(list).toEqual({
      version: 1,
      feeds: [{ id: 'caucasus-daily-news', name: 'Caucasus Daily news', url: `${web.origin}/feed.xml`, keepAll: false }],
    });
  });

  it('refuses a feed it already follows, a page that is not a feed, and a private address unless allowed', async () => {
    expect((await run(['feeds', 'add', `${web.origin}/feed.xml`], env)).err).toContain('already followed as "caucasus-daily-news"');
    const notFeed = await run(['feeds', 'add', `${web.origin}/not-a-feed`], env);
    expect([notFeed.code, notFeed.err]).toEqual([1, expect.stringContaining('not a readable RSS, Atom or JSON Feed')]);
    const privateUrl = await run(['feeds', 'add', `${web.origin}/feed.xml?x=1`], { ...env, ALLOW_PRIVATE_URLS: 'false' });
    expect(privateUrl.err).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect((await run(['feeds', 'add', 'ftp://example.org/feed'], env)).err).toContain('must be an http(s) URL');
  });

  it('fetches every feed once, ingests what is new, and exits 1 naming a feed that failed', async () => {
    await run(['feeds', 'add', `${web.origin}/broken.xml`, '--name', 'Broken'], { ...env }).then((r) => expect(r.code).toBe(1));
    // Added by hand to the reviewed file, as a team would:
    const list = JSON.parse(readFileSync(paths.feeds, 'utf8'));
    list.feeds.push({ id: 'broken', name: 'Broken', url: `${web.origin}/broken.xml` });
    writeFileSync(paths.feeds, JSON.stringify(list));
    const r = await run(['fetch'], env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('caucasus-daily-news (Caucasus Daily news): 1 new, 0 changed, 0 unchanged');
    expect(r.err).toMatch(/broken \(Broken\): failed: .*answered 503/);
    expect(r.out).toMatch(/1 page\(s\) saved under .*raw; corpus updated from raw\/: 1 new article/);
    const json = JSON.parse((await run(['fetch', '--json'], env)).out);
    expect(json.feeds.map((f: { id: string; status: string }) => [f.id, f.status])).toEqual([
      ['caucasus-daily-news', 'read'],
      ['broken', 'failed'],
    ]);
  });

  it('lists each feed with its last success, last new item and failures', async () => {
    const rows = JSON.parse((await run(['feeds', 'list', '--json'], env)).out).feeds;
    expect(rows[0]).toMatchObject({
      id: 'caucasus-daily-news',
      failures: 0,
      paused: false,
      lastSuccess: expect.any(String),
      lastNewItem: expect.any(String),
    });
    expect(rows[1]).toMatchObject({ id: 'broken', failures: 2, paused: false, lastError: expect.stringContaining('503') });
    expect((await run(['feeds', 'list'], env)).out).toMatch(/broken {2}Broken .*\n {4}last success: never .* 2 failure\(s\) in a row/);
  });

  it('adds one article by URL and answers with its citation card and quote count', async () => {
    const r = await run(['add', `${web.origin}/other?utm_source=share`, '--json'], env);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.out);
    expect(answer).toMatchObject({ ok: true, command: 'add', outcome: 'new', url: `${web.origin}/other` });
    expect(answer.articles[0]).toMatchObject({ title: 'Ports stay busy', outlet: 'Black Sea News', url: `${web.origin}/other` });
    expect(answer.quotes).toBeGreaterThan(3);
    const again = JSON.parse((await run(['add', `${web.origin}/other`, '--json'], env)).out);
    expect(again.outcome).toBe('unchanged');
    const bad = await run(['add', 'http://169.254.169.254/latest/meta-data', '--json'], { ...env, ALLOW_PRIVATE_URLS: 'false' });
    expect([bad.code, JSON.parse(bad.out).error.code]).toEqual([1, 'link-not-added']);
  });

  it('removes a feed by id or URL, and says so when there is none', async () => {
    expect((await run(['feeds', 'remove', `${web.origin}/broken.xml`], env)).out).toContain('Stopped following broken');
    expect((await run(['feeds', 'remove', 'nope'], env)).err).toContain('No followed feed has the id or URL "nope"');
  });

  it('names the file and the field when feeds.json is damaged', async () => {
    writeFileSync(paths.feeds, JSON.stringify({ version: 1, feeds: [{ id: 'Bad Id', name: 'x', url: 'javascript:alert(1)' }] }));
    const r = await run(['feeds', 'list'], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/feeds\.json.*feeds\[0\]\.id/s);
  });
});
