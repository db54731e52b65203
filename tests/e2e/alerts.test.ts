// Alerts end to end: the real bot (runBot, as `briefing start` runs it) on the
// emulator, a watch in its state database, and articles arriving in raw/.
// A match is posted once, with its citation, the matched words in bold and
// the watch in the footer; the same story from another outlet is a reply under
// the first alert; matches over the channel's hourly cap are one roll-up; an
// article that does not match posts nothing; every post mentions no one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { makeLogger } from '../../src/logger.js';
import { botConfig, makeAsker } from './bot-harness.js';
import { subcommandSlash } from './interactions.js';
import { CHANNEL_ID, DiscordEmulator, GUILD_ID, TOKEN } from './emulator.js';

const md = (title: string, outlet: string, paragraphs: string[]) =>
  `---\ntitle: ${title}\noutlet: ${outlet}\nauthor: A. Writer\npublished: 2026-12-06\n---\n\n${paragraphs.join('\n\n')}\n`;

const RAIL = [
  'Georgia said on Monday it would double the capacity of its Black Sea ports for the Middle Corridor by 2028.',
  'Officials in Tbilisi said the new terminals at Poti and Anaklia would take container trains from Baku.',
  'The European Union has promised to help pay for the works, the transport ministry said.',
];

interface Post {
  content?: string;
  embeds?: { title: string; description: string; footer: { text: string } }[];
  allowed_mentions?: unknown;
  message_reference?: unknown;
}

let runtime: BotRuntime | undefined;
const emulator = new DiscordEmulator();
afterAll(async () => {
  await runtime?.stop(1000);
  await emulator.close();
});

describe('alerts', () => {
  it('post a match once, a second outlet of the same story as a reply, and what is over the cap as one roll-up', {
    timeout: 60_000,
  }, async () => {
    await emulator.start();
    const { config, data } = botConfig(emulator);
    const logs: string[] = [];
    runtime = await runBot(
      config,
      makeLogger('info', (l) => logs.push(l), [TOKEN]),
    );
    const watch = await runtime.store.addWatch(
      {
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        rule: 'actor:Georgia corridor:"Middle Corridor"',
        thread: false,
        hourlyCap: 2,
        createdBy: 'u1',
      },
      new Date(),
    );
    const posts = () => emulator.channelPosts(CHANNEL_ID).map((c) => c.body as Post);
    const arrive = async (file: string, text: string) => {
      writeFileSync(join(data.raw, file), text);
      await runtime!.corpus.reload('test');
    };

    await arrive('rail.md', md('Georgia doubles its ports for the corridor', 'Caucasus Daily', RAIL));
    const first = await emulator.waitFor(() => posts()[0], 10_000);
    const embed = first.embeds![0]!;
    expect(embed.title).toBe('Georgia doubles its ports for the corridor');
    expect(embed.description).toContain('**Caucasus Daily**');
    expect(embed.description).toMatch(/> .*Middle Corridor/);
    expect(embed.footer.text).toMatch(new RegExp(`^watch ${watch.id} · actor:Georgia corridor:"Middle Corridor" · alert `));
    expect(first.allowed_mentions).toEqual({ parse: [] });

    // The same wire copy in another outlet: a reply under the first alert, not a new alert.
    await arrive('rail-copy.md', md('Ports to double, Georgia says', 'Black Sea Wire', RAIL));
    const reply = await emulator.waitFor(() => posts()[1], 10_000);
    const [firstAlert] = (await runtime.store.alerts(watch.id, new Date(0))).filter((a) => a.status === 'posted');
    expect(reply.content).toMatch(/^Also reported by \*\*Black Sea Wire\*\*/);
    expect(reply.message_reference).toEqual({ message_id: firstAlert!.messageId, fail_if_not_exists: false });

    // Another story is a second alert (the cap is 2 an hour); a third, over the cap, is rolled up.
    await arrive(
      'ferry.md',
      md('New ferries on the Caspian', 'OC Media', [
        'Georgia and Kazakhstan agreed new ferries for the Middle Corridor across the Caspian, officials said on Friday.',
      ]),
    );
    await emulator.waitFor(() => posts()[2]?.embeds?.[0]?.title === 'New ferries on the Caspian', 10_000);
    await arrive(
      'customs.md',
      md('Customs rules eased at Sarpi', 'OC Media', [
        'Georgia eased customs rules at Sarpi for goods on the Middle Corridor, the finance ministry said.',
      ]),
    );
    const rollUp = await emulator.waitFor(() => posts()[3], 10_000);
    expect(rollUp.content).toMatch(new RegExp(`^1 more match\\(es\\) for watch \`${watch.id}\``));
    expect(rollUp.content).toContain('Customs rules eased at Sarpi');

    // Not about the corridor: nothing posted. Every match is logged with what became of it.
    await arrive('wine.md', md('A wine festival in Kakheti', 'OC Media', ['Georgia held its wine festival in Telavi on Saturday.']));
    await new Promise((r) => setTimeout(r, 500));
    expect(posts()).toHaveLength(4);
    expect((await runtime.store.alerts(watch.id, new Date(0))).map((a) => a.status).sort()).toEqual([
      'also-reported',
      'posted',
      'posted',
      'rolled-up',
    ]);
    for (const p of posts()) expect(p.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps watches through /watch: add here (checked), test privately, list, pause and remove, for Manage Channels only', {
    timeout: 30_000,
  }, async () => {
    const asker = makeAsker(emulator);
    const added = await asker.ask(subcommandSlash('watch', 'add', { rule: 'actor:Tehran  "nuclear deal"', cap: 3 }));
    expect(added.data.flags).toBe(64);
    const id = /as `(w[a-z2-9]{6})`/.exec(String(added.data.content))?.[1];
    expect(id).toBeDefined();
    expect(await runtime!.store.watch(id!)).toMatchObject({ rule: 'actor:Tehran "nuclear deal"', channelId: CHANNEL_ID, hourlyCap: 3 });

    const bad = await asker.ask(subcommandSlash('watch', 'add', { rule: 'actor:Irna OR' }));
    expect(bad.data.content).toContain('"OR" needs a term on each side');
    const tested = await asker.ask(subcommandSlash('watch', 'test', { rule: 'actor:Georgia corridor:"Middle Corridor"', days: 30 }));
    expect(tested.data.content).toMatch(/matched \*\*\d+\*\* of \d+ article\(s\) of the last 30 day\(s\)/);
    expect(tested.data.content).toContain('Georgia doubles its ports for the corridor');

    const list = await asker.ask(subcommandSlash('watch', 'list'));
    expect(list.data.embeds?.[0]?.description).toContain(`\`${id}\` ✅ active`);
    expect((await asker.ask(subcommandSlash('watch', 'pause', { id: id! }))).data.content).toBe(`Watch \`${id}\` paused.`);
    expect((await runtime!.store.watch(id!))?.status).toBe('paused');
    expect((await asker.ask(subcommandSlash('watch', 'remove', { id: id! }))).data.content).toBe(`Watch \`${id}\` removed.`);

    // Without Manage Channels, or where the bot cannot post, nothing is kept.
    const noRight = await asker.ask(subcommandSlash('watch', 'add', { rule: 'Baku' }, { memberPermissions: '0' }));
    expect(noRight.data.content).toBe('/watch needs the Manage Channels permission.');
    const cannotPost = await asker.ask(subcommandSlash('watch', 'add', { rule: 'Baku' }, { appPermissions: '1024' }));
    expect(cannotPost.data.content).toContain('The bot cannot post alerts here: it lacks Send Messages, Embed Links');
    expect((await runtime!.store.watches(GUILD_ID)).map((w) => w.rule)).toEqual(['actor:Georgia corridor:"Middle Corridor"']);
  });
});
