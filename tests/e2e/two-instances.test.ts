// Two bots on one database, as two processes would run: one runs the digest
// schedule, the other stands by. A subscription made or removed through the
// standby reaches the schedule; no fire is ever posted twice; when the holder
// stops, the standby takes the schedule over. On the embedded SQLite file and
// on a PostgreSQL server (skipped where none answers), at the same time: each
// pair posts in a channel of its own, and most of the time goes to waiting on
// the schedule.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
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
const databases: [name: string, available: boolean, channel: string, settings: () => Promise<Record<string, string>>][] = [
  ['SQLite', true, CHANNEL_ID, async () => ({})],
  ['Postgres', havePostgres, '300000000000000013', async () => ({ DATABASE_URL: await freshDatabase() })],
];

const fireKeys = (channel: string) =>
  emulator.channelPosts(channel).map((c) => {
    const b = c.body as { content?: string; embeds?: { footer?: { text?: string } }[] };
    return /digest \w+ · fire \S+/.exec(`${b.content ?? ''}\n${b.embeds?.[0]?.footer?.text ?? ''}`)?.[0] ?? '';
  });

describe('two bots on one database', { timeout: 60_000 }, () => {
  it.concurrent.for(databases)(
    "on %s: run one schedule between them, follow each other's changes, and hand over on stop",
    async ([, available, channel, settings], { skip, expect }) => {
      if (!available) return skip();
      const posts = () => emulator.channelPosts(channel).length;
      const { config } = botConfig(emulator, { DIGEST_MIN_INTERVAL_SECONDS: '1', SCHEDULER_LEASE_SECONDS: '1', ...(await settings()) });
      const logs: string[] = [];
      const boot = async (name: string) => {
        const r = await runBot(
          config,
          makeLogger('info', (l) => logs.push(`${name} ${l}`), [TOKEN]),
          { backoffMs: 50 },
        );
        runtimes.push(r);
        return r;
      };
      const a = await boot('A');
      const b = await boot('B');
      expect([a.leadership.leading(), b.leadership.leading()]).toEqual([true, false]);
      const every = { ...NEW_SUB, channelId: channel, schedule: '* * * * * *', cron: '* * * * * *' };

      // A subscription made through the standby is picked up by the holder.
      const sub = await b.store.addSubscription(every, new Date());
      await emulator.waitFor(() => posts() >= 2, 15_000);

      // Removed through the standby: the holder drops it, with no error on later fires.
      await b.store.removeSubscription(sub.id);
      await new Promise((r) => setTimeout(r, 1000));
      const afterRemoval = posts();
      await new Promise((r) => setTimeout(r, 1000));
      expect(posts()).toBe(afterRemoval);
      expect(logs.join('\n')).not.toMatch(/FOREIGN KEY|crashed/);

      // The holder stops; the standby takes the schedule over and keeps posting.
      const next = await b.store.addSubscription(every, new Date());
      await emulator.waitFor(() => fireKeys(channel).some((k) => k.includes(next.id)), 15_000);
      await a.stop(1000);
      runtimes.splice(runtimes.indexOf(a), 1);
      await emulator.waitFor(() => b.leadership.leading(), 5000);
      const handedOver = posts();
      await emulator.waitFor(() => posts() > handedOver, 15_000);

      const keys = fireKeys(channel);
      expect(keys.every(Boolean)).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
      expect(logs.join('\n')).toMatch(/B .*this process .* runs the digest schedule/);
    },
  );
});
