// A database that stops answering under a bot posting digests every two
// seconds: the fires that came due meanwhile are recorded and caught up once
// it answers again (one catch-up digest covering the period, the others
// logged), and the outage is one log line when it starts and one when it ends.
// On SQLite the store is made to fail by a fault injector around the real one;
// on Postgres the database itself refuses connections for a while.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import type { Store } from '../../src/store/store.js';
import { seedData } from '../helpers/seed-corpus.js';
import { tempDir } from '../helpers/temp-store.js';
import { admin, dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';
import { makeAsker } from './bot-harness.js';
import { CHANNEL_ID, DiscordEmulator, TOKEN } from './emulator.js';
import { digestSlash } from './interactions.js';

const EVERY_TWO_SECONDS = '*/2 * * * * *';
const OUTAGE_MS = 4500;
let emulator: DiscordEmulator;

beforeAll(async () => {
  emulator = new DiscordEmulator();
  await emulator.start();
});
afterAll(async () => {
  await emulator?.close();
  await dropMadeForTests();
});

/** Every method of the store refuses while `down` is set, as a server that went away does. */
function faulty(store: Store, state: { down: boolean }): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      return (...args: unknown[]) =>
        state.down
          ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}

async function outage(databaseUrl: string, fault: { begin(): Promise<void>; end(): Promise<void> }, wrapStore?: (s: Store) => Store) {
  const logs: string[] = [];
  const consoleLines: string[] = [];
  const original = { error: console.error, warn: console.warn, info: console.info };
  for (const k of ['error', 'warn', 'info'] as const) console[k] = (...a: unknown[]) => void consoleLines.push(a.map(String).join(' '));
  const parsed = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emulator.apiUrl,
    DATA_DIR: seedData().root,
    DATABASE_URL: databaseUrl,
    DIGEST_MIN_INTERVAL_SECONDS: '1',
    SCHEDULER_LEASE_SECONDS: '3',
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  let runtime: BotRuntime | undefined;
  try {
    runtime = await runBot(
      { ...parsed.config, DISCORD_TOKEN: TOKEN },
      makeLogger('debug', (l) => logs.push(l), [TOKEN]),
      { backoffMs: 50, ...(wrapStore ? { wrapStore } : {}) },
    );
    const rt = runtime;
    const a = await makeAsker(emulator).ask(digestSlash('subscribe', { channel: CHANNEL_ID, schedule: EVERY_TWO_SECONDS }));
    const id = /Id `(d[a-z0-9]{6})`/.exec(String(a.data.content))![1]!;
    await emulator.waitFor(() => rt.store.lastDelivered(id), 10000);
    const postsBefore = emulator.channelPosts(CHANNEL_ID).length;
    const down = Date.now();
    await fault.begin();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await fault.end();
    const up = Date.now();
    // The catch-up digest reaches the channel soon after the database answers again.
    const caughtUp = await emulator.waitFor(async () => {
      const log = await rt.store.deliveries(id, 50);
      return log.find((d) => d.status === 'delivered' && Date.parse(d.fireTime) > down && Date.parse(d.fireTime) < up) ?? null;
    }, 10000);
    expect(caughtUp.messageId).toBeTruthy();
    // Every fire that came due during the outage is in the delivery log: the newest delivered, the older ones covered by it.
    const log = await rt.store.deliveries(id, 50);
    const during = log.filter((d) => Date.parse(d.fireTime) > down && Date.parse(d.fireTime) < up - 1000);
    const expected = Math.floor((up - 1000 - down) / 2000);
    expect(during.length).toBeGreaterThanOrEqual(expected);
    for (const d of during) expect(['delivered', 'skipped']).toContain(d.status);
    expect(emulator.channelPosts(CHANNEL_ID).length).toBeGreaterThan(postsBefore);
    await makeAsker(emulator).ask(digestSlash('unsubscribe', { id }));
    // One line when it stopped, one when it came back; nothing from node-cron, no crash.
    const all = logs.join('\n');
    expect(all.match(/stopped answering/g)).toHaveLength(1);
    expect(all.match(/answers again after \d+ s/g)).toHaveLength(1);
    expect(all).not.toMatch(/crashed|unhandled/);
    expect(consoleLines.filter((l) => l.includes('NODE-CRON'))).toEqual([]);
  } catch (e) {
    Object.assign(console, original);
    console.log(logs.filter((l) => !l.includes('DEBUG') || l.includes('digest')).join('\n'));
    throw e;
  } finally {
    Object.assign(console, original);
    await runtime?.stop(1000);
  }
}

describe('a digest whose fire falls in a database outage', { timeout: 40000 }, () => {
  it('is caught up once SQLite answers again, and the outage is logged once each way', async () => {
    const state = { down: false };
    await outage(
      `sqlite:${join(tempDir(), 'briefing.sqlite')}`,
      {
        begin: async () => void (state.down = true),
        end: async () => void (state.down = false),
      },
      (s) => faulty(s, state),
    );
  });

  it('is caught up once Postgres answers again, and the outage is logged once each way', async (ctx) => {
    if (!(await postgresAnswers())) return ctx.skip();
    const url = await freshDatabase();
    const db = new URL(url).pathname.slice(1);
    await outage(url, {
      // The database refuses new connections and drops the open ones: what a restart looks like to the bot.
      begin: () =>
        admin(async (c) => {
          await c.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
          await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
        }),
      end: () => admin((c) => c.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`)).then(() => undefined),
    });
  });
});
