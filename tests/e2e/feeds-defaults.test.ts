// The bot's feed path with every fetch and poll setting at its default, as users
// get it: a one-second gap between requests to one host, a 15-minute poll. A
// feed followed with /feeds add is read at once, every item page is fetched
// one second apart, and the articles become answerable.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { articlePage, newsParagraphs, rssFeed } from '../helpers/news-pages.js';
import { seedData } from '../helpers/seed-corpus.js';
import { tempDir } from '../helpers/temp-store.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';
import { makeAsker, type Asker } from './bot-harness.js';
import { DiscordEmulator, TOKEN } from './emulator.js';
import { slash, subcommandSlash } from './interactions.js';

let emulator: DiscordEmulator;
let web: WebServer;
let asker: Asker;
let runtime: BotRuntime;
const logs: string[] = [];
const STORIES = ['alderwick', 'brambleton', 'corvingham'];

beforeAll(async () => {
  emulator = new DiscordEmulator();
  await emulator.start();
  asker = makeAsker(emulator);
  web = await startWebServer();
  for (const slug of STORIES)
    web.route(`/${slug}`, page(articlePage({ title: `${slug} talks`, paragraphs: newsParagraphs(slug), outlet: 'Default Daily' })));
  web.route(
    '/feed.xml',
    page(
      rssFeed(
        'Default Daily',
        STORIES.map((slug) => ({ title: `${slug} talks`, link: `${web.origin}/${slug}`, guid: slug })),
      ),
      'application/rss+xml',
    ),
  );
  // Only what a test cannot do without: the emulator, the folders, and loopback addresses allowed.
  const parsed = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emulator.apiUrl,
    DATA_DIR: seedData().root,
    DATABASE_URL: `sqlite:${join(tempDir(), 'briefing.sqlite')}`,
    ALLOW_PRIVATE_URLS: 'true',
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  expect(parsed.config).toMatchObject({ FETCH_HOST_GAP_MS: 1000, FEEDS_POLL_SECONDS: 900 });
  runtime = await runBot(
    { ...parsed.config, DISCORD_TOKEN: TOKEN },
    makeLogger('debug', (l) => logs.push(l), [TOKEN]),
  );
}, 30000);

afterAll(async () => {
  await runtime?.stop(1000);
  await emulator?.close();
  await web?.close();
});

describe('feeds with the default settings', { timeout: 40000 }, () => {
  it('reads a followed feed at once, one request a second to its host, and every article answers', async () => {
    const added = await asker.ask(subcommandSlash('feeds', 'add', { url: `${web.origin}/feed.xml`, name: 'Default Daily' }));
    expect(String(added.data.content)).toMatch(/Following \*\*Default Daily\*\*/);
    for (const slug of STORIES) {
      const found = await emulator.waitFor(async () => {
        const answer = JSON.stringify((await asker.ask(slash('search', { query: slug }))).data.embeds ?? []);
        return answer.includes(`${slug} talks`) ? answer : undefined;
      }, 20000);
      expect(found).toContain('Default Daily');
    }
    // Requests to the one host were at least the default gap apart (the probe, the poll's feed read, the pages).
    const times = web.log.map((l) => l.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
    expect(logs.join('\n')).not.toMatch(/"level":50|ERROR/);
  });
});
