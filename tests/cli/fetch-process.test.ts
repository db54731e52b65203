// `briefing fetch`, `add` and `doctor` as real processes with every fetch
// setting at its default (a one-second gap between requests to one host), the
// way a user runs them: nothing may end before its work is done, the pages go
// to the data folder named, and so does the state database.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, newsParagraphs, rssFeed } from '../helpers/news-pages.js';
import { REPO, tempData, testTmp } from '../helpers/temp-data.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';

let web: WebServer;
const BIN = join(REPO, 'dist/bin/cli.js');

beforeAll(async () => {
  web = await startWebServer();
  for (const slug of ['harrowgate', 'ivybridge', 'junipers'])
    web.route(`/${slug}`, page(articlePage({ title: `${slug} summit`, paragraphs: newsParagraphs(slug), outlet: 'Process Post' })));
  web.route(
    '/feed.xml',
    page(
      rssFeed('Process Post', [
        { title: 'harrowgate summit', link: `${web.origin}/harrowgate`, guid: 'h' },
        { title: 'ivybridge summit', link: `${web.origin}/ivybridge`, guid: 'i' },
      ]),
      'application/rss+xml',
    ),
  );
});
afterAll(() => web.close());

/** Runs the installed bin from `cwd` (an empty folder: no .env, no data/ of its own). */
function briefing(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', ALLOW_PRIVATE_URLS: 'true', ...env }, timeout: 30_000 },
      (e, out, err) => done({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err }),
    );
  });
}

describe('briefing fetch and add as processes, with the default settings', { timeout: 40000 }, () => {
  // The data folder has a gazetteer and a feed list, but no raw/ yet.
  const data = tempData({});
  const elsewhere = mkdtempSync(join(testTmp(), 'cwd-'));
  beforeAll(() => {
    writeFileSync(
      data.feeds,
      JSON.stringify({ version: 1, feeds: [{ id: 'process-post', name: 'Process Post', url: `${web.origin}/feed.xml` }] }),
    );
  });

  it('fetch waits out the politeness gap, saves and ingests every item, and keeps its state in the data folder', async () => {
    const { rmSync } = await import('node:fs');
    rmSync(data.raw, { recursive: true, force: true });
    const before = web.log.length;
    const r = await briefing(['fetch'], { DATA_DIR: data.root }, elsewhere);
    expect(r.err).toContain('process-post (Process Post): 2 new, 0 changed');
    expect(r.out).toMatch(/2 page\(s\) saved under .*raw; corpus updated from raw\/: 2 new article\(s\)/);
    expect(r.code).toBe(0);
    const times = web.log.slice(before).map((l) => l.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
    // The state database follows DATA_DIR, not the folder the command ran in.
    expect(existsSync(join(data.root, 'state', 'briefing.sqlite'))).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('add honours --data for the pages and the state, from any folder', async () => {
    const r = await briefing(['add', `${web.origin}/junipers`, '--data', data.root], {}, elsewhere);
    expect(r.code).toBe(0);
    expect(r.out).toContain('junipers summit');
    expect(readdirSync(elsewhere)).toEqual([]);
    const again = await briefing(['feeds', 'list', '--data', data.root, '--json'], {}, elsewhere);
    expect(JSON.parse(again.out).feeds[0]).toMatchObject({ id: 'process-post', lastSuccess: expect.any(String) });
  });

  it('refuses before any request when the data folder does not exist; fetch --json says what the feeds did', async () => {
    const before = web.log.length;
    const missing = await briefing(['fetch', '--data', join(elsewhere, 'nope')], {}, elsewhere);
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/data folder .*nope does not exist/)]);
    expect(web.log.length).toBe(before);
    // A feed followed, nothing on topic yet: an answer about the feeds, not "no articles found".
    const empty = tempData({});
    web.route(
      '/off-topic.xml',
      page(rssFeed('Off', [{ title: 'Cup final', link: `${web.origin}/cup`, guid: 'c' }]), 'application/rss+xml'),
    );
    web.route(
      '/cup',
      page(
        articlePage({
          title: 'Cup final',
          paragraphs: Array(6).fill('The cup final kicks off tonight at eight, and both teams say they are ready.'),
        }),
      ),
    );
    writeFileSync(empty.feeds, JSON.stringify({ version: 1, feeds: [{ id: 'off', name: 'Off', url: `${web.origin}/off-topic.xml` }] }));
    const r = await briefing(['fetch', '--json', '--data', empty.root], {}, elsewhere);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ ok: true, articles: 0, feeds: [{ id: 'off', status: 'read', offTopic: 1 }] });
  });

  it('doctor --data checks that folder', async () => {
    const r = await briefing(['doctor', '--data', data.root], {}, elsewhere);
    expect(r.out).toMatch(/✓ raw files: 3 in /);
    expect(r.out).toContain(join(data.root, 'state', 'briefing.sqlite'));
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
