// Starts the emulator and the bot (the same startBot that `briefing start`
// uses) on the seed corpus, and waits for interaction callbacks.
import type { APIInteraction, APIMessage } from 'discord-api-types/v10';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { MessagePayload } from '../../src/render/discord/limits.js';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Config, loadConfig } from '../../src/config.js';
import type { DataPaths } from '../../src/corpus/data-dir.js';
import { makeLogger } from '../../src/logger.js';
import { seedCorpus, seedData } from '../helpers/seed-corpus.js';
import { DiscordEmulator, TOKEN, type RecordedCall } from './emulator.js';

type Answer = {
  type: number;
  data: Record<string, unknown> & {
    embeds?: APIMessage['embeds'];
    flags?: number;
    content?: string;
    allowed_mentions?: unknown;
    components?: MessagePayload['components'];
    choices?: { name: string; value: string }[];
  };
  followUp?: boolean;
};

export interface Asker {
  /** Injects the interaction and returns the body of its (last successful) callback. */
  ask(i: APIInteraction): Promise<Answer>;
  callbacksOf(i: APIInteraction): RecordedCall[];
}

export interface Harness extends Asker {
  emulator: DiscordEmulator;
  bot: RunningBot;
  logs: string[];
  stop(): Promise<void>;
}

/** Asking the bot through the emulator: inject, then read the callback (or, when deferred, the edit that follows). */
export function makeAsker(emulator: DiscordEmulator): Asker {
  const callbacksOf = (i: APIInteraction) => emulator.callsTo('POST', new RegExp(`^/interactions/${i.id}/`));
  return {
    callbacksOf,
    async ask(i) {
      emulator.inject(i);
      // Faulted calls are recorded too; the answer is the callback the emulator accepted.
      const ok = await emulator.waitFor(() => callbacksOf(i).find((c) => c.status !== undefined && c.status < 400), 8000);
      const callback = ok.body as { type: number; data?: Record<string, unknown> };
      if (callback.type !== 5) return ok.body as never;
      // Deferred: the answer arrives as an edit of the original response.
      const token = i.token;
      const edit = await emulator.waitFor(
        () =>
          emulator.calls.find(
            (c) =>
              (c.method === 'PATCH' || c.method === 'POST') &&
              c.path.startsWith('/webhooks/') &&
              c.path.includes(`/${token}`) &&
              (c.status ?? 500) < 400,
          ),
        8000,
      );
      return { type: 5, data: { ...(callback.data ?? {}), ...(edit.body as object) }, followUp: edit.method === 'POST' } as never;
    },
  };
}

export async function startHarness(): Promise<Harness> {
  const emulator = new DiscordEmulator();
  await emulator.start();
  const { corpus } = seedCorpus();
  const logs: string[] = [];
  const log = makeLogger('debug', (l) => logs.push(l), [TOKEN]);
  const bot = await startBot({ token: TOKEN, apiUrl: emulator.apiUrl, corpus: () => corpus, log });
  return {
    emulator,
    bot,
    logs,
    ...makeAsker(emulator),
    async stop() {
      await bot.stop(1000);
      await emulator.close();
    },
  };
}

/**
 * One harness for the whole test file: started before its tests, stopped after them. The getter is read inside
 * tests, once the harness is up.
 */
export function harnessPerFile(): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  }, 30000);
  afterAll(async () => {
    await h?.stop();
  });
  return () => {
    if (!h) throw new Error('the harness is not started');
    return h;
  };
}

/** The same settings as environment variables, for a bot launched as its own process (`briefing start`). */
export function botEnv(emulator: DiscordEmulator, extra: Record<string, string> = {}): { env: Record<string, string>; data: DataPaths } {
  const data = seedData();
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: emulator.apiUrl,
    DATA_DIR: data.root,
    DATABASE_URL: `sqlite:${join(data.root, 'state', 'briefing.sqlite')}`,
    ...extra,
  };
  return { env, data };
}

/** The bot's settings for a test: the emulator, the seed corpus in a temporary data folder, a database there. */
export function botConfig(
  emulator: DiscordEmulator,
  extra: Record<string, string> = {},
): { config: Config & { DISCORD_TOKEN: string }; data: DataPaths } {
  const { env, data } = botEnv(emulator, extra);
  const parsed = loadConfig(env);
  if (!parsed.ok) throw new Error(parsed.problem.code === 'invalid-config' ? parsed.problem.issues.join('\n') : parsed.problem.code);
  return { config: { ...parsed.config, DISCORD_TOKEN: TOKEN }, data };
}
