// Alerts end to end: the real bot (runBot, as `briefing start` runs it) on the
// emulator, a watch in its state database, and articles arriving in raw/.
// A match is posted once, with its citation, the matched words in bold and
// the watch in the footer; the same story from another outlet is named in the
// first alert (an edit), not posted again; matches over the channel's hourly
// cap are one roll-up; an article that does not match posts nothing; every
// post mentions no one. An alert a stop left between its claim and its post
// goes out once; a channel the bot cannot post in pauses the watch.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { makeLogger } from '../../src/logger.js';
import { botConfig, makeAsker } from './bot-harness.js';
import { autocomplete, subcommandSlash } from './interactions.js';
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
}

// One bot for the file: the tests follow each other (the watch of the first is the one the second recovers and pauses).
let runtime: BotRuntime | undefined;
let dataRaw = '';
/** What the bot logged, printed when a test fails. */
const logs: string[] = [];
async function writeAndReload(file: string, text: string): Promise<void> {
  writeFileSync(join(dataRaw, file), text);
  await runtime!.corpus.reload('test');
}
const emulator = new DiscordEmulator();
afterAll(async () => {
  await runtime?.stop(1000);
  await emulator.close();
});

describe('alerts', () => {
  it('post a match once, name a second outlet of the same story in the first alert, and roll up what is over the cap', {
    timeout: 60_000,
  }, async () => {
    await emulator.start();
    const { config, data } = botConfig(emulator);
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
    dataRaw = data.raw;
    const arrive = writeAndReload;

    await arrive('rail.md', md('Georgia doubles its ports for the corridor', 'Caucasus Daily', RAIL));
    const first = await emulator.waitFor(() => posts()[0], 10_000);
    const embed = first.embeds![0]!;
    expect(embed.title).toBe('Georgia doubles its ports for the corridor');
    expect(embed.description).toContain('**Caucasus Daily**');
    expect(embed.description).toMatch(/> .*Middle Corridor/);
    expect(embed.footer.text).toMatch(new RegExp(`^watch ${watch.id} · actor:Georgia corridor:"Middle Corridor" · alert `));
    expect(first.allowed_mentions).toEqual({ parse: [] });

    // The same wire copy in another outlet: no second post; the first alert now names both outlets.
    await arrive('rail-copy.md', md('Ports to double, Georgia says', 'Black Sea Wire', RAIL));
    const [firstAlert] = (await runtime.store.alerts(watch.id, new Date(0))).filter((a) => a.status === 'posted');
    const edit = await emulator.waitFor(
      () => emulator.callsTo('PATCH', new RegExp(`^/channels/${CHANNEL_ID}/messages/${firstAlert!.messageId}$`)).at(-1),
      10_000,
    );
    const edited = (edit.body as Post).embeds![0]!.description;
    expect(edited).toContain('**Caucasus Daily**');
    expect(edited).toMatch(/\*\*Also reported by\*\*\n- \*\*Black Sea Wire\*\*/);
    expect((edit.body as Post).allowed_mentions).toEqual({ parse: [] });
    expect(posts()).toHaveLength(1);

    // Another story is a second alert (the cap is 2 an hour); a third, over the cap, is rolled up.
    await arrive(
      'ferry.md',
      md('New ferries on the Caspian', 'OC Media', [
        'Georgia and Kazakhstan agreed new ferries for the Middle Corridor across the Caspian, officials said on Friday.',
      ]),
    );
    await emulator.waitFor(() => posts()[1]?.embeds?.[0]?.title === 'New ferries on the Caspian', 10_000);
    await arrive(
      'customs.md',
      md('Customs rules eased at Sarpi', 'OC Media', [
        'Georgia eased customs rules at Sarpi for goods on the Middle Corridor, the finance ministry said.',
      ]),
    );
    const rollUp = await emulator.waitFor(() => posts()[2], 10_000);
    expect(rollUp.content).toMatch(new RegExp(`^1 more match\\(es\\) for watch \`${watch.id}\``));
    expect(rollUp.content).toContain('Customs rules eased at Sarpi');

    // Not about the corridor: nothing posted. Every match is logged with what became of it.
    await arrive('wine.md', md('A wine festival in Kakheti', 'OC Media', ['Georgia held its wine festival in Telavi on Saturday.']));
    await new Promise((r) => setTimeout(r, 500));
    expect(posts()).toHaveLength(3);
    expect((await runtime.store.alerts(watch.id, new Date(0))).map((a) => a.status).sort()).toEqual([
      'also-reported',
      'posted',
      'posted',
      'rolled-up',
    ]);
    for (const p of posts()) expect(p.allowed_mentions).toEqual({ parse: [] });
  });

  it('posts an alert a stop left claimed, once, and pauses a watch whose channel refuses the bot', { timeout: 30_000 }, async () => {
    const rt = runtime!;
    const [first] = await rt.store.watches(GUILD_ID);
    await rt.store.setWatchStatus(first!.id, 'paused');
    const before = emulator.channelPosts(CHANNEL_ID).length;
    onTestFailed(() =>
      console.log(
        logs
          .filter((l) => /alert|watch|corpus/.test(l))
          .slice(-30)
          .join('\n'),
      ),
    );
    // An article that reached the corpus before the watch below was made (so the watch never alerts on it by
    // itself), whose alert a process claimed a minute ago and stopped before posting.
    await writeAndReload(
      'poti.md',
      md('Poti port expands', 'OC Media', ['Georgia opened a new berth at Poti for the Middle Corridor on Monday.']),
    );
    const poti = (await rt.corpus.current().articles(0, 50)).find((a) => a.title === 'Poti port expands')!;
    const seen = await emulator.waitFor(async () => (await rt.store.articlesSeenBetween(new Date(0), new Date())).get(poti.id), 10_000);
    const watch = await rt.store.addWatch(
      {
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        rule: 'actor:Georgia corridor:"Middle Corridor"',
        thread: false,
        hourlyCap: 10,
        createdBy: 'u1',
      },
      new Date(Date.parse(seen) + 1),
    );
    const ago = new Date(Date.now() - 60_000);
    expect(await rt.store.claimAlert(watch.id, poti.id, CHANNEL_ID, poti.id, ago, 'elsewhere:1:aa')).toBe(true);
    expect(await rt.store.claimAlert(watch.id, 'lost-in-a-crash', CHANNEL_ID, 'x', ago, 'elsewhere:1:aa')).toBe(true);
    // The next batch of articles (one that matches nothing) finishes it first: posted once.
    await writeAndReload('quiet.md', md('Nothing to see', 'OC Media', ['A quiet day in Yerevan, officials said.']));
    // Both claims are finished (in either order): one posted, one that cannot be.
    await emulator.waitFor(async () => {
      const logged = await rt.store.alerts(watch.id, new Date(0));
      return logged.some((a) => a.articleId === poti.id && a.status === 'posted') && logged.every((a) => a.status !== 'pending');
    }, 10_000);
    const now = emulator
      .channelPosts(CHANNEL_ID)
      .slice(before)
      .map((c) => c.body as Post);
    expect(now.map((p) => p.embeds?.[0]?.title)).toEqual(['Poti port expands']);
    // An alert of an article that left the corpus is logged as failed, with why; nothing is posted for it.
    expect((await rt.store.alerts(watch.id, new Date(0))).find((a) => a.articleId === 'lost-in-a-crash')).toMatchObject({
      status: 'failed',
      error: 'the article left the corpus before it was posted',
    });

    // The channel refuses the bot: the watch is paused with the reason, shown in /watch list.
    emulator.fault('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`), 403, { code: 50013, message: 'Missing Permissions' }, 5);
    await writeAndReload(
      'sarpi.md',
      md('Trucks wait at Sarpi', 'OC Media', [
        'Georgia said trucks for the Middle Corridor waited two days at Sarpi this week, the border agency said.',
      ]),
    );
    const paused = await emulator.waitFor(async () => {
      const w = await rt.store.watch(watch.id);
      return w?.status === 'paused' ? w : null;
    }, 10_000);
    expect(paused.pauseReason).toMatch(/missing permission to post in the channel/);
    const list = await makeAsker(emulator).ask(subcommandSlash('watch', 'list'));
    expect(list.data.embeds?.[0]?.description).toContain('⏸️ paused (missing permission to post in the channel');
    await rt.store.removeWatch(watch.id);
    await rt.store.setWatchStatus(first!.id, 'active');
  });

  it('keeps watches through /watch: add here (checked), test privately, list, pause and remove, for Manage Channels only', {
    timeout: 30_000,
  }, async () => {
    const asker = makeAsker(emulator);
    const added = await asker.ask(subcommandSlash('watch', 'add', { rule: 'actor:Tehran  "nuclear deal"', cap: 3 }));
    expect(added.data.flags).toBe(64);
    const id = /as `(w[a-z2-9]{6})`/.exec(String(added.data.content))?.[1];
    expect(id).toBeDefined();
    expect(await runtime!.store.watch(id!)).toMatchObject({ rule: 'actor:Iran "nuclear deal"', channelId: CHANNEL_ID, hourlyCap: 3 });

    const bad = await asker.ask(subcommandSlash('watch', 'add', { rule: 'actor:Irna OR' }));
    expect(bad.data.content).toContain('"OR" needs a term on each side');
    const tested = await asker.ask(subcommandSlash('watch', 'test', { rule: 'actor:Georgia corridor:"Middle Corridor"', days: 30 }));
    expect(tested.data.content).toMatch(/matched \*\*\d+\*\* of \d+ article\(s\) of the last 30 day\(s\)/);
    expect(tested.data.content).toContain('Georgia doubles its ports for the corridor');

    // On the gateway too, a name typed after corridor: completes inside the rule.
    const choices = await asker.ask(autocomplete('watch', 'rule', 'actor:Georgia corridor:"Middle Cor'));
    expect(choices.data.choices?.map((c) => c.value)).toContain('actor:Georgia corridor:"Middle Corridor"');
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
