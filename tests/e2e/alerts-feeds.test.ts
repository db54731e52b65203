// Alerts through the feeds, as a team meets them: the real bot (runBot) on the
// emulator polls a local news site with every setting at its default except
// the poll interval. A matching item is alerted within the poll interval plus
// 5 s; the same wire story through a second feed (lightly edited) makes no
// second post, and
// the first alert names both outlets; 15 matches in one poll under a cap of 10
// give 10 alerts and one roll-up.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { makeLogger } from '../../src/logger.js';
import { articlePage, newsParagraphs, rssFeed, type FeedItemSpec } from '../helpers/news-pages.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';
import { botConfig } from './bot-harness.js';
import { CHANNEL_ID, DiscordEmulator, GUILD_ID, TOKEN } from './emulator.js';

const POLL_SECONDS = 2;
const OTHER_CHANNEL = '300000000000000099';
const WIRE = [
  'Georgia said on Monday it would double the capacity of its Black Sea ports for the Middle Corridor by 2028.',
  'Officials in Tbilisi said the new terminals at Poti and Anaklia would take container trains from Baku.',
  'The European Union has promised to help pay for the works, the transport ministry said.',
  'Shipping lines said the larger ports would cut the time a container needs to cross the Black Sea by two days.',
];

interface Post {
  content?: string;
  embeds?: { title: string; description: string }[];
}

let runtime: BotRuntime | undefined;
let web: WebServer | undefined;
const emulator = new DiscordEmulator();
afterAll(async () => {
  await runtime?.stop(1000);
  await emulator.close();
  await web?.close();
});

describe('alerts through the feeds', () => {
  it('alert a new item in time, name a second outlet of the same story, and roll up what is over the cap', {
    timeout: 90_000,
  }, async () => {
    await emulator.start();
    web = await startWebServer();
    const feeds: Record<string, FeedItemSpec[]> = { wire: [], copy: [] };
    for (const [id, name] of [
      ['wire', 'Caucasus Daily'],
      ['copy', 'Black Sea Wire'],
    ] as const)
      web.route(`/${id}.xml`, (req, res) => page(rssFeed(name, feeds[id]!), 'application/rss+xml')(req, res));
    const publish = (feed: 'wire' | 'copy', slug: string, title: string, outlet: string, paragraphs: string[]) => {
      web!.route(`/${slug}`, page(articlePage({ title, paragraphs, outlet })));
      feeds[feed]!.unshift({ title, link: `${web!.origin}/${slug}`, guid: slug, published: 'Sun, 06 Dec 2026 10:00:00 +0000' });
    };
    const { config, data } = botConfig(emulator, {
      FEEDS_POLL_SECONDS: String(POLL_SECONDS),
      ALLOW_PRIVATE_URLS: 'true',
      FETCH_HOST_GAP_MS: '0',
    });
    writeFileSync(
      join(data.root, 'feeds.json'),
      JSON.stringify({
        version: 1,
        feeds: [
          { id: 'wire', name: 'Caucasus Daily', url: `${web.origin}/wire.xml` },
          { id: 'copy', name: 'Black Sea Wire', url: `${web.origin}/copy.xml` },
        ],
      }),
    );
    const logs: string[] = [];
    onTestFailed(async () => {
      console.log(logs.slice(-40).join('\n'));
      console.log(JSON.stringify(await runtime?.store.itemBacklog('wire')));
    });
    runtime = await runBot(
      config,
      makeLogger('info', (l) => logs.push(l), [TOKEN]),
    );
    const rt = runtime;
    const now = new Date();
    await rt.store.addWatch(
      {
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        rule: 'actor:Georgia corridor:"Middle Corridor"',
        thread: false,
        hourlyCap: 10,
        createdBy: 'u',
      },
      now,
    );
    await rt.store.addWatch(
      { guildId: GUILD_ID, channelId: OTHER_CHANNEL, rule: 'Quillfeather', thread: false, hourlyCap: 10, createdBy: 'u' },
      now,
    );
    const posts = (channel: string) => emulator.channelPosts(channel).map((c) => c.body as Post);

    // A matching item: alerted within the poll interval plus 5 s.
    const sent = Date.now();
    publish('wire', 'ports', 'Georgia doubles its ports for the corridor', 'Caucasus Daily', WIRE);
    await emulator.waitFor(() => posts(CHANNEL_ID)[0], (POLL_SECONDS + 5) * 1000);
    expect(Date.now() - sent).toBeLessThan((POLL_SECONDS + 5) * 1000);
    expect(posts(CHANNEL_ID)[0]!.embeds![0]!.title).toBe('Georgia doubles its ports for the corridor');

    // The same wire story through the second feed: no second post; the first alert names both outlets.
    // A lightly edited copy (a page with the very same text is a duplicate the feeds never save twice).
    publish('copy', 'ports-copy', 'Ports to double, Georgia says', 'Black Sea Wire', [
      ...WIRE,
      'Black Sea Wire has asked the ministry for the full timetable of the works and will publish it.',
    ]);
    const edit = await emulator.waitFor(() => emulator.callsTo('PATCH', new RegExp(`^/channels/${CHANNEL_ID}/messages/\\d+$`))[0], 15_000);
    const named = (edit.body as Post).embeds![0]!.description;
    expect(named).toContain('**Caucasus Daily**');
    expect(named).toMatch(/Also reported by\*\*\n- \*\*Black Sea Wire\*\*/);
    expect(posts(CHANNEL_ID)).toHaveLength(1);

    // 15 matches in one poll, under a cap of 10: 10 alerts and one roll-up of the other 5.
    for (let n = 1; n <= 15; n++)
      publish('wire', `quill-${n}`, `Quillfeather ferry ${n} sails`, 'Caucasus Daily', [
        `The Quillfeather ferry number ${n} left Batumi for the Georgian coast on Friday, the port authority said.`,
        ...newsParagraphs(`quill${n}`, 3),
      ]);
    await emulator.waitFor(() => posts(OTHER_CHANNEL).length >= 11, 30_000);
    await new Promise((r) => setTimeout(r, POLL_SECONDS * 1000));
    const other = posts(OTHER_CHANNEL);
    expect(other.filter((p) => p.embeds?.length)).toHaveLength(10);
    const rollUps = other.filter((p) => p.content?.includes('more match(es) for watch'));
    expect(rollUps).toHaveLength(1);
    expect(rollUps[0]!.content).toMatch(/^5 more match\(es\)/);
  });
});
