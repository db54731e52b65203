// Scheduled digests end to end: the bot's start path (store, live corpus,
// client, scheduler) against the emulator, with a seconds-level schedule
// (the minimum interval lowered as DIGEST_MIN_INTERVAL_SECONDS allows).
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { limitViolations } from '../../src/render/discord/limits.js';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { seedData } from '../helpers/seed-corpus.js';
import { tempDir } from '../helpers/temp-store.js';
import { makeAsker, type Asker } from './bot-harness.js';
import { CHANNEL_ID, DiscordEmulator, TOKEN, type RecordedCall } from './emulator.js';
import { ALL_PERMISSIONS, autocomplete, digestSlash } from './interactions.js';

const EPHEMERAL = 64;
const EVERY_SECOND = '* * * * * *';
const MANAGE_GUILD = 1n << 5n;
let emulator: DiscordEmulator;
let asker: Asker;
let runtime: BotRuntime;
let config: Config & { DISCORD_TOKEN: string };
const logs: string[] = [];

async function boot(): Promise<BotRuntime> {
  return runBot(
    config,
    makeLogger('debug', (l) => logs.push(l), [TOKEN]),
    { backoffMs: 50 },
  );
}

beforeAll(async () => {
  emulator = new DiscordEmulator();
  await emulator.start();
  asker = makeAsker(emulator);
  const data = seedData();
  const parsed = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emulator.apiUrl,
    DATA_DIR: data.root,
    DATABASE_URL: `sqlite:${join(tempDir(), 'state', 'briefing.sqlite')}`,
    DIGEST_MIN_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'debug',
  });
  if (!parsed.ok) throw new Error(parsed.problem.code === 'invalid-config' ? parsed.problem.issues.join('\n') : parsed.problem.code);
  config = { ...parsed.config, DISCORD_TOKEN: TOKEN };
  runtime = await boot();
}, 30000);

afterAll(async () => {
  await runtime?.stop(1000);
  await emulator?.close();
});

const text = (a: Awaited<ReturnType<Asker['ask']>>) => String(a.data.content ?? '');
const nonces = (posts: RecordedCall[]) => posts.map((p) => (p.body as { nonce: string }).nonce);
const postsAfter = (n: number) => emulator.channelPosts(CHANNEL_ID).slice(n);

/** Subscriptions a test made; each test removes its own, so no test depends on another's. */
const made: string[] = [];
afterEach(async () => {
  for (const id of made.splice(0)) if (await runtime.store.subscription(id)) await asker.ask(digestSlash('unsubscribe', { id }));
});

/** A subscription firing every second; with `delivered`, once its first digest is in the channel. */
async function subscribed(delivered: 'delivered' | 'at once'): Promise<string> {
  const a = await asker.ask(digestSlash('subscribe', { channel: CHANNEL_ID, schedule: EVERY_SECOND }));
  const id = /Id `(d[a-z0-9]{6})`/.exec(text(a))?.[1];
  if (!id) throw new Error(`no subscription id in: ${text(a)}`);
  made.push(id);
  if (delivered === 'delivered') await emulator.waitFor(() => runtime.store.lastDelivered(id), 10000);
  return id;
}

describe('digests against the emulator', { timeout: 30000 }, () => {
  it('refuses members without Manage Server, and bad schedules, zones and topics, privately and clearly', async () => {
    const noManage = String(BigInt(ALL_PERMISSIONS) & ~MANAGE_GUILD);
    const cases: [Record<string, string | boolean>, RegExp, string?][] = [
      [{ channel: CHANNEL_ID, schedule: 'daily 08:00' }, /needs the Manage Server permission/, noManage],
      [{ channel: CHANNEL_ID, schedule: 'every day' }, /neither a preset nor a cron expression/],
      [{ channel: CHANNEL_ID, schedule: '61 * * * *' }, /minute: 61 is an invalid expression/],
      [{ channel: CHANNEL_ID, schedule: 'daily 08:00', timezone: 'Mars/Olympus' }, /not an IANA time zone/],
      [{ channel: CHANNEL_ID, schedule: 'daily 08:00', topics: 'Iran, @everyone' }, /"@everyone" is not an actor or corridor/],
      [{ channel: CHANNEL_ID, schedule: 'x'.repeat(3000) }, /3000 characters long/],
    ];
    for (const [options, expected, perms] of cases) {
      const a = await asker.ask(digestSlash('subscribe', options, perms ? { memberPermissions: perms } : {}));
      expect(a.data.flags).toBe(EPHEMERAL);
      expect(text(a)).toMatch(expected);
      expect(a.data.allowed_mentions).toEqual({ parse: [] });
    }
    const noEmbeds = String(BigInt(ALL_PERMISSIONS) & ~(1n << 14n));
    expect(
      text(await asker.ask(digestSlash('subscribe', { channel: CHANNEL_ID, schedule: 'daily 08:00' }, { appPermissions: noEmbeds }))),
    ).toMatch(/Missing permission\(s\) there: Embed Links/);
    expect(await runtime.store.subscriptions()).toEqual([]);
  });

  it('autocompletes schedules, time zones, comma-separated topics and ids', async () => {
    const tz = await asker.ask(autocomplete('digest', 'timezone', 'bak'));
    expect(tz.data.choices?.map((c) => c.value)).toContain('Asia/Baku');
    const topics = await asker.ask(autocomplete('digest', 'topics', 'Iran, zang'));
    expect(topics.data.choices?.[0]?.value).toBe('Iran, Zangezur Corridor');
    const schedule = await asker.ask(autocomplete('digest', 'schedule', 'week'));
    expect(schedule.data.choices?.map((c) => c.value)).toEqual(['weekdays 09:00', 'weekly mon 09:00']);
  });

  it('subscribes with a seconds-level schedule, and the digest arrives in the channel with a discussion thread', async () => {
    const start = emulator.channelPosts(CHANNEL_ID).length;
    const threads = emulator.callsTo('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/).length;
    const a = await asker.ask(digestSlash('subscribe', { channel: CHANNEL_ID, schedule: EVERY_SECOND, thread: true }));
    expect(a.data.flags).toBe(EPHEMERAL);
    const id = /Id `(d[a-z0-9]{6})`/.exec(text(a))?.[1];
    expect(id, text(a)).toBeDefined();
    made.push(id!);
    expect(text(a)).toMatch(/Next digest: \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    const post = await emulator.waitFor(() => postsAfter(start)[0], 10000);
    const body = post.body as { nonce: string; enforce_nonce: boolean; allowed_mentions: unknown; embeds: { title: string }[] };
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce).toHaveLength(25);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]!.title).toBe('Digest: New in the corpus');
    expect(limitViolations(body as never)).toEqual([]);
    // The period's timeline chart goes with it, as a multipart attachment shown in the events embed.
    expect(post.files?.map((f) => f.filename)).toEqual(['timeline.png']);
    expect(post.files![0]!.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(JSON.stringify(body.embeds)).toContain('"image":{"url":"attachment://timeline.png"}');
    const thread = await emulator.waitFor(() => emulator.callsTo('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/)[threads], 5000);
    expect((thread.body as { name: string }).name).toMatch(/^Digest: New in the corpus · \d{4}-\d\d-\d\d$/);
    // The next digest covers only what came after the first: here, nothing new.
    const second = await emulator.waitFor(() => postsAfter(start)[1], 10000);
    expect((second.body as { content: string }).content).toMatch(/nothing new since/);
  });

  it('lists the subscription with its schedule, next run and last delivery', async () => {
    const subId = await subscribed('delivered');
    const a = await asker.ask(digestSlash('list'));
    const field = a.data.embeds?.[0]?.fields?.find((f) => f.name.startsWith(subId));
    expect(field?.name).toBe(`${subId} · active`);
    expect(field?.value).toMatch(/`\* \* \* \* \* \*` · UTC/);
    expect(field?.value).toMatch(/Next: \d+ \w+ \d{4}/);
    expect(field?.value).toMatch(/Last: delivered for/);
  });

  it('survives a restart: the subscription persists, keeps posting, and no nonce is ever posted twice', async () => {
    const subId = await subscribed('delivered');
    await runtime.stop(2000);
    const before = emulator.channelPosts(CHANNEL_ID).length;
    runtime = await boot();
    expect((await runtime.store.subscription(subId))?.status).toBe('active');
    await emulator.waitFor(() => postsAfter(before)[0], 10000);
    const all = nonces(emulator.channelPosts(CHANNEL_ID));
    expect(new Set(all).size).toBe(all.length);
  });

  it('pauses after one 403 from the channel, says why in /digest list, and resumes', async () => {
    const subId = await subscribed('at once');
    emulator.fault('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`), 403, { code: 50013, message: 'Missing Permissions' }, 1);
    await emulator.waitFor(async () => (await runtime.store.subscription(subId))?.status === 'paused', 10000);
    const refused = emulator.callsTo('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`)).filter((c) => c.status === 403);
    expect(refused).toHaveLength(1);
    const count = emulator.callsTo('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`)).length;
    await new Promise((r) => setTimeout(r, 1300));
    expect(emulator.callsTo('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`))).toHaveLength(count);
    const list = await asker.ask(digestSlash('list'));
    const field = list.data.embeds?.[0]?.fields?.find((f) => f.name.startsWith(subId));
    expect(field?.name).toBe(`${subId} · paused`);
    expect(field?.value).toMatch(/Paused: missing permission to post in the channel \(Discord 50013/);
    expect(logs.join('\n')).toMatch(new RegExp(`digest ${subId} paused`));

    const posted = emulator.channelPosts(CHANNEL_ID).length;
    const resumed = await asker.ask(digestSlash('resume', { id: subId }));
    expect(text(resumed)).toMatch(new RegExp(`Resumed \`${subId}\``));
    await emulator.waitFor(() => postsAfter(posted)[0], 10000);
    expect((await runtime.store.subscription(subId))?.status).toBe('active');
  });

  it('retries a 500 and a 429 from the channel with the same nonce, and delivers', async () => {
    const subId = await subscribed('at once');
    const route = new RegExp(`^/channels/${CHANNEL_ID}/messages$`);
    const before = emulator.callsTo('POST', route).length;
    emulator.fault('POST', route, 500, { message: 'Internal Server Error', code: 0 }, 1);
    emulator.fault('POST', route, 429, { message: 'You are being rate limited.', retry_after: 0.05, global: false }, 1, {
      'retry-after': '0.05',
      'x-ratelimit-scope': 'user',
    });
    const calls = await emulator.waitFor(() => {
      const c = emulator.callsTo('POST', route).slice(before);
      return c.some((x) => x.status === 200) && c;
    }, 10000);
    expect(calls.slice(0, 3).map((c) => c.status)).toEqual([500, 429, 200]);
    expect(new Set(nonces(calls.slice(0, 3))).size).toBe(1);
    expect(logs.join('\n')).toMatch(/retrying in \d+ ms \(attempt 2 of 4\)/);
    expect((await runtime.store.subscription(subId))?.status).toBe('active');
  });

  it('send-now delivers at once; preview shows a digest privately; unsubscribe stops it', async () => {
    const subId = await subscribed('at once');
    const posted = emulator.channelPosts(CHANNEL_ID).length;
    const sent = await asker.ask(digestSlash('send-now', { id: subId }));
    expect(text(sent)).toMatch(/Digest posted in <#\d+>/);
    expect(emulator.channelPosts(CHANNEL_ID).length).toBeGreaterThan(posted);

    const preview = await asker.ask(digestSlash('preview', { topics: 'Iran' }));
    expect(preview.data.flags).toBe(EPHEMERAL);
    expect(preview.data.embeds?.[0]?.title).toBe('Digest: Iran');
    expect(preview.data.embeds?.map((e) => e.title)).toContain('Iran');

    expect(text(await asker.ask(digestSlash('send-now', { id: 'dnope22' })))).toMatch(/No digest subscription `dnope22` in this server/);
    const gone = await asker.ask(digestSlash('unsubscribe', { id: subId }));
    expect(text(gone)).toMatch(/Removed/);
    const after = emulator.channelPosts(CHANNEL_ID).length;
    await new Promise((r) => setTimeout(r, 1300));
    expect(emulator.channelPosts(CHANNEL_ID)).toHaveLength(after);
  });
});
