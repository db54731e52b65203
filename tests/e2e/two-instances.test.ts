// Two bots on one database, as two processes would run: one runs the digest
// schedule, the other stands by. A subscription made or removed through the
// standby reaches the schedule; no fire is ever posted twice; when the holder
// stops, the standby takes the schedule over. On the embedded SQLite file and
// on a PostgreSQL server (skipped where none answers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/run-bot.js';
import { NEW_SUB } from '../helpers/temp-store.js';
import { botConfig } from './bot-harness.js';
import { CHANNEL_ID, DiscordEmulator, TOKEN } from './emulator.js';

const emulator = new DiscordEmulator();
const runtimes: BotRuntime[] = [];
beforeAll(() => emulator.start());
afterAll(async () => {
  for (const r of runtimes) await r.stop(500).catch(() => undefined);
  await emulator.close();
  await dropMadeForTests();
});

const havePostgres = await postgresAnswers();
const databases: [string, boolean, () => Promise<Record<string, string>>][] = [
  ['SQLite', true, async () => ({})],
  ['Postgres', havePostgres, async () => ({ DATABASE_URL: await freshDatabase() })],
];

const fireKeys = () =>
  emulator.channelPosts(CHANNEL_ID).map((c) => {
    const b = c.body as { content?: string; embeds?: { footer?: { text?: string } }[] };
    return /digest \w+ · fire \S+/.exec(`${b.content ?? ''}\n${b.embeds?.[0]?.footer?.text ?? ''}`)?.[0] ?? '';
  });

describe.each(databases)('two bots on one %s database', { timeout: 60_000 }, (_name, available, database) => {
  it.skipIf(!available)("run one schedule between them, follow each other's changes, and hand over on stop", async () => {
    const before = emulator.channelPosts(CHANNEL_ID).length;
    const fired = () => fireKeys().slice(before);
    const { config } = botConfig(emulator, { DIGEST_MIN_INTERVAL_SECONDS: '1', SCHEDULER_LEASE_SECONDS: '1', ...(await database()) });
    const logs: string[] = [];
    const boot = (name: string) =>
      runBot(
        config,
        makeLogger('info', (l) => logs.push(`${name} ${l}`), [TOKEN]),
        { backoffMs: 50 },
      );
    const a = await boot('A');
    runtimes.push(a);
    const b = await boot('B');
    runtimes.push(b);
    expect([a.leadership.leading(), b.leadership.leading()]).toEqual([true, false]);

    // A subscription made through the standby is picked up by the holder.
    const sub = await b.store.addSubscription(
      { ...NEW_SUB, channelId: CHANNEL_ID, schedule: '* * * * * *', cron: '* * * * * *' },
      new Date(),
    );
    await emulator.waitFor(() => emulator.channelPosts(CHANNEL_ID).length >= before + 2, 15_000);

    // Removed through the standby: the holder drops it, with no error on later fires.
    await b.store.removeSubscription(sub.id);
    await new Promise((r) => setTimeout(r, 1000));
    const afterRemoval = emulator.channelPosts(CHANNEL_ID).length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(emulator.channelPosts(CHANNEL_ID).length).toBe(afterRemoval);
    expect(logs.join('\n')).not.toMatch(/FOREIGN KEY|crashed/);

    // The holder stops; the standby takes the schedule over and keeps posting.
    const next = await b.store.addSubscription(
      { ...NEW_SUB, channelId: CHANNEL_ID, schedule: '* * * * * *', cron: '* * * * * *' },
      new Date(),
    );
    await emulator.waitFor(() => fired().some((k) => k.includes(next.id)), 15_000);
    await a.stop(1000);
    runtimes.splice(runtimes.indexOf(a), 1);
    await emulator.waitFor(() => b.leadership.leading(), 5000);
    const handedOver = emulator.channelPosts(CHANNEL_ID).length;
    await emulator.waitFor(() => emulator.channelPosts(CHANNEL_ID).length > handedOver, 15_000);

    const keys = fired();
    expect(keys.every(Boolean)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(logs.join('\n')).toMatch(/B .*this process .* runs the digest schedule/);
    // The next database's bots post in the same channel: these stop first.
    for (const r of runtimes.splice(0)) await r.stop(1000);
  });
});
