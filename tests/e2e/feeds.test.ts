// Feeds end to end: the bot's start path (store, live corpus, client, feed
// poller, digest scheduler) against the Discord emulator and a local news
// site whose feed gains an item while the bot runs. The new article must be
// answerable, and must appear in the next digest.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { articlePage, newsParagraphs, rssFeed, type FeedItemSpec } from '../helpers/news-pages.js';
import { seedData } from '../helpers/seed-corpus.js';
import { tempDir } from '../helpers/temp-store.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';
import { makeAsker, type Asker } from './bot-harness.js';
import { CHANNEL_ID, DiscordEmulator, OTHER_USER_ID, TOKEN } from './emulator.js';
import { ALL_PERMISSIONS, slash, subcommandSlash } from './interactions.js';

const EPHEMERAL = 64;
const MANAGE_GUILD = 1n << 5n;
let emulator: DiscordEmulator;
let web: WebServer;
let asker: Asker;
let runtime: BotRuntime;
const logs: string[] = [];
const items: FeedItemSpec[] = [];

const story = (slug: string, title: string) => {
  web.route(
    `/${slug}`,
    page(articlePage({ title, paragraphs: newsParagraphs(slug), outlet: 'Caucasus Daily', authors: ['Ani Petrosyan'] })),
  );
  items.unshift({ title, link: `${web.origin}/${slug}`, guid: slug, published: 'Mon, 03 Mar 2025 10:00:00 +0400' });
};

beforeAll(async () => {
  emulator = new DiscordEmulator();
  await emulator.start();
  asker = makeAsker(emulator);
  web = await startWebServer();
  web.route('/feed.xml', (req, res) => page(rssFeed('Caucasus Daily', items), 'application/rss+xml')(req, res));
  story('zephyrine', 'Zephyrine talks open');
  web.route('/by-link', page(articlePage({ title: 'Quillwort summit', paragraphs: newsParagraphs('quillwort'), outlet: 'Link Times' })));
  const data = seedData();
  const parsed = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emulator.apiUrl,
    DATA_DIR: data.root,
    DATABASE_URL: `sqlite:${join(tempDir(), 'state', 'briefing.sqlite')}`,
    DIGEST_MIN_INTERVAL_SECONDS: '1',
    FEEDS_POLL_SECONDS: '2',
    FETCH_HOST_GAP_MS: '0',
    ALLOW_PRIVATE_URLS: 'true',
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  runtime = await runBot(
    { ...parsed.config, DISCORD_TOKEN: TOKEN },
    makeLogger('debug', (l) => logs.push(l), [TOKEN]),
    { backoffMs: 50 },
  );
}, 30000);

afterAll(async () => {
  await runtime?.stop(1000);
  await emulator?.close();
  await web?.close();
});

const text = (a: Awaited<ReturnType<Asker['ask']>>) => String(a.data.content ?? '');
const embedText = (a: Awaited<ReturnType<Asker['ask']>>) => JSON.stringify(a.data.embeds ?? []);
/** Asks until the answer satisfies `ok` (the corpus grows in the background). */
async function askUntil(make: () => Parameters<Asker['ask']>[0], ok: (s: string) => boolean, ms = 15000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = embedText(await asker.ask(make()));
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no answer matched in time; the last was ${last.slice(0, 300)}`);
}

describe('feeds against the emulator and a local news site', { timeout: 40000 }, () => {
  it('refuses /feeds to members without Manage Server, and a page that is not a feed', async () => {
    const noManage = String(BigInt(ALL_PERMISSIONS) & ~MANAGE_GUILD);
    const refused = await asker.ask(subcommandSlash('feeds', 'add', { url: `${web.origin}/feed.xml` }, { memberPermissions: noManage }));
    expect([refused.data.flags, text(refused)]).toEqual([EPHEMERAL, '/feeds needs the Manage Server permission.']);
    const notFeed = await asker.ask(subcommandSlash('feeds', 'add', { url: `${web.origin}/by-link` }));
    expect(text(notFeed)).toMatch(/cannot be followed: not a readable RSS, Atom or JSON Feed/);
    expect(notFeed.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('follows a feed, and its article becomes answerable', async () => {
    const added = await asker.ask(subcommandSlash('feeds', 'add', { url: `${web.origin}/feed.xml`, name: 'Caucasus Daily' }));
    expect(text(added)).toMatch(/Following \*\*Caucasus Daily\*\* as `caucasus-daily` \(1 item\(s\) in it now\)/);
    const found = await askUntil(
      () => slash('search', { query: 'zephyrine' }),
      (s) => s.includes('Zephyrine talks open'),
    );
    expect(found).toContain('Ani Petrosyan');
  });

  it('picks up an item the feed gains while the bot runs, and the next digest reports it', async () => {
    const sub = await asker.ask(subcommandSlash('digest', 'subscribe', { channel: CHANNEL_ID, schedule: '*/2 * * * * *' }));
    expect(text(sub)).toMatch(/Id `d[a-z0-9]{6}`/);
    // Let a first digest go out, so the next one covers only what arrives from now on.
    await emulator.waitFor(() => emulator.channelPosts(CHANNEL_ID)[0], 10000);
    const before = emulator.channelPosts(CHANNEL_ID).length;
    story('xylotheque', 'Xylotheque railway deal');
    await askUntil(
      () => slash('search', { query: 'xylotheque' }),
      (s) => s.includes('Xylotheque railway deal'),
    );
    const digest = await emulator.waitFor(
      () =>
        emulator
          .channelPosts(CHANNEL_ID)
          .slice(before)
          .find((p) => JSON.stringify(p.body).includes('Xylotheque railway deal')),
      15000,
    );
    expect((digest.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(digest.body)).not.toContain('Zephyrine talks open');
  });

  it('lists the feed with its last success and last new item', async () => {
    const list = await asker.ask(subcommandSlash('feeds', 'list'));
    expect(list.data.flags).toBe(EPHEMERAL);
    expect(embedText(list)).toMatch(/Caucasus Daily\*\* `caucasus-daily`.*last success <t:\d+:R> · last new item <t:\d+:R> · ✅ ok/);
  });

  it('adds one article by link with its citation card and quote count, refuses a bad link, and limits each member', async () => {
    const added = await asker.ask(slash('add', { url: `${web.origin}/by-link?utm_campaign=x` }));
    // Markdown in the headline is escaped: "quote\(s\)" in the embed reads "quote(s)" in Discord.
    expect(embedText(added)).toMatch(/Added the article: \d+ quote\\+\(s\\+\)\\n<http:\/\/127\.0\.0\.1:\d+\/by-link>/);
    expect(embedText(added)).toContain('Quillwort summit');
    expect(added.data.allowed_mentions).toEqual({ parse: [] });
    expect(embedText(await asker.ask(slash('search', { query: 'quillwort' })))).toContain('Quillwort summit');
    const bad = await asker.ask(slash('add', { url: 'javascript:alert(1)' }));
    expect(text(bad)).toMatch(/could not be added: That is not an http\\?\(s\\?\) link/);
    // Five links per member in ten minutes: the sixth waits; another member is not held up.
    for (let n = 0; n < 3; n++) await asker.ask(slash('add', { url: `${web.origin}/by-link` }));
    const limited = await asker.ask(slash('add', { url: `${web.origin}/by-link` }));
    expect([limited.data.flags, text(limited)]).toEqual([EPHEMERAL, expect.stringMatching(/try again in \d+ s/)]);
    const other = await asker.ask(slash('add', { url: `${web.origin}/by-link` }, { user: OTHER_USER_ID }));
    expect(embedText(other)).toMatch(/Already in the corpus, unchanged: \d+ quote/);
  });
});
