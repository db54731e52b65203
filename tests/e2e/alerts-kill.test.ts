// Alerts across a kill -9: `briefing start` (the installed bin, every setting at its default but the poll interval)
// alerts eight new feed items one by one into a channel where Discord answers slowly; it is killed with SIGKILL while
// a post is in flight, and started again on the same data folder. Every item is alerted exactly once: none twice (a
// post Discord took before the kill is found by its footer, a repeat dropped by its nonce), none lost (the claim never
// posted, and the articles of its batch never checked, are finished as soon as the new process starts, with no new
// article needed: the claim names a process of this machine that has ended, so no grace is waited out; its leases
// are taken over at once for the same reason).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { articlePage, newsParagraphs, rssFeed, type FeedItemSpec } from '../helpers/news-pages.js';
import { page, startWebServer, type WebServer } from '../helpers/web-server.js';
import { botEnv } from './bot-harness.js';
import { CHANNEL_ID, DiscordEmulator, GUILD_ID } from './emulator.js';
import { processes } from './scaled-processes.js';

const ITEMS = 8;
const emulator = new DiscordEmulator();
const procs = processes();
let web: WebServer | undefined;
afterAll(async () => {
  procs.killAll();
  await emulator.close();
  await web?.close();
});

interface Message {
  embeds?: { title?: string; footer?: { text?: string } }[];
}

/** What the channel holds, as Discord would list it: one entry per message it created. */
async function channelMessages(): Promise<Message[]> {
  const res = await fetch(`${emulator.apiUrl}/v10/channels/${CHANNEL_ID}/messages?limit=100`, { headers: { authorization: 'Bot x' } });
  return (await res.json()) as Message[];
}

describe('alerts across a kill -9', () => {
  it('post every matching item exactly once when the bot is killed mid-delivery and started again', { timeout: 120_000 }, async () => {
    onTestFailed(() => procs.print());
    await emulator.start();
    web = await startWebServer();
    const items: FeedItemSpec[] = [];
    web.route('/wire.xml', (req, res) => page(rssFeed('Caucasus Daily', items), 'application/rss+xml')(req, res));
    const { env, data } = botEnv(emulator, {
      FEEDS_POLL_SECONDS: '2',
      ALLOW_PRIVATE_URLS: 'true',
      FETCH_HOST_GAP_MS: '0',
      PATH: process.env.PATH ?? '',
    });
    writeFileSync(
      join(data.root, 'feeds.json'),
      JSON.stringify({ version: 1, feeds: [{ id: 'wire', name: 'Caucasus Daily', url: `${web.origin}/wire.xml` }] }),
    );
    const store = await openStore(env.DATABASE_URL!);
    await store.addWatch(
      { guildId: GUILD_ID, channelId: CHANNEL_ID, rule: 'Quillfeather', thread: false, hourlyCap: 10, createdBy: 'u' },
      new Date(),
    );
    await store.close();
    for (let n = 1; n <= ITEMS; n++) {
      web.route(
        `/quill-${n}`,
        page(
          articlePage({
            title: `Quillfeather ferry ${n} sails`,
            outlet: 'Caucasus Daily',
            paragraphs: [
              `The Quillfeather ferry number ${n} left Batumi for the Georgian coast on Friday.`,
              ...newsParagraphs(`quill${n}`, 3),
            ],
          }),
        ),
      );
      items.unshift({
        title: `Quillfeather ferry ${n} sails`,
        link: `${web.origin}/quill-${n}`,
        guid: `quill-${n}`,
        published: 'Sun, 06 Dec 2026 10:00:00 +0000',
      });
    }
    // Discord answers the first posts slowly, so the kill lands while one is in flight (taken, not yet answered).
    emulator.holdReplies('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`), 1500, 4);
    const posts = () => emulator.callsTo('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`));

    const first = procs.launch('start', env);
    await emulator.waitFor(() => posts().length >= 3, 60_000);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const atKill = posts().length;
    expect(atKill).toBeLessThan(ITEMS);

    const second = procs.launch('start', env);
    const titles = async () => (await channelMessages()).flatMap((m) => m.embeds?.map((e) => e.title ?? '') ?? []);
    await emulator.waitFor(async () => new Set(await titles()).size >= ITEMS, 60_000);
    // Two more polls: nothing else comes.
    await new Promise((r) => setTimeout(r, 4000));
    const seen = await titles();
    const wanted = Array.from({ length: ITEMS }, (_, i) => `Quillfeather ferry ${i + 1} sails`);
    expect([...seen].sort()).toEqual([...wanted].sort());
    // The killed process's leases are taken at once too (it ran here and has ended): the schedule and the feeds run
    // in the new process without waiting out the 30-s lease.
    expect(second.out()).toMatch(/this process \(\S+\) runs the digest schedule/);
    expect(second.out()).not.toMatch(/stands by/);
  });
});
