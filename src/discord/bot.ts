// The Discord client: Guilds intent only (slash commands need nothing more,
// and never Message Content). DISCORD_API_URL lets a REST proxy, or the test
// emulator, sit in front of Discord. stop() lets in-flight answers finish,
// then destroys the client.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Corpus } from '../corpus/corpus.js';
import type { Logger } from '../logger.js';
import { NO_MENTIONS } from '../render/discord/no-mentions.js';
import { handleInteraction, type RouterDeps } from './router.js';
import { LoginTimeoutError } from './login-timeout-error.js';

export interface BotDeps {
  token: string;
  apiUrl: string;
  corpus(): Corpus;
  log: Logger;
  digest?: RouterDeps['digest'];
  feeds?: RouterDeps['feeds'];
  watch?: RouterDeps['watch'];
  chartWaitMs?: RouterDeps['chartWaitMs'];
  /** How long login may take before the start gives up with a message (default 30 s). */
  loginTimeoutMs?: number;
}

export interface RunningBot {
  client: Client;
  /** Finish in-flight answers (up to `graceMs`), then disconnect. */
  stop(graceMs?: number): Promise<void>;
}

const LOGIN_TIMEOUT_MS = 30_000;

export async function startBot(deps: BotDeps): Promise<RunningBot> {
  const loginTimeoutMs = deps.loginTimeoutMs ?? LOGIN_TIMEOUT_MS;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: deps.apiUrl }, allowedMentions: NO_MENTIONS });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const job = handleInteraction(interaction, {
      corpus: deps.corpus,
      log: deps.log,
      digest: deps.digest,
      feeds: deps.feeds,
      watch: deps.watch,
      chartWaitMs: deps.chartWaitMs,
    }).finally(() => inFlight.delete(job));
    inFlight.add(job);
  });
  client.on(Events.Error, (e) => deps.log.error(`client error: ${e.message}`));
  client.on(Events.ShardDisconnect, (_, id) => deps.log.warn(`gateway shard ${id} disconnected`));
  client.on(Events.ShardResume, (id) => deps.log.info(`gateway shard ${id} resumed`));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  // An API that accepts the connection but never answers would hold the start forever, silently.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new LoginTimeoutError(
            `No answer from Discord at ${deps.apiUrl} within ${loginTimeoutMs / 1000} s of logging in. Check DISCORD_API_URL and the ` +
              `network.`,
          ),
        ),
      loginTimeoutMs,
    );
  });
  try {
    await Promise.race([client.login(deps.token).then(() => ready), timeout]);
  } catch (e) {
    await client.destroy();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  deps.log.info(`logged in as ${client.user?.tag ?? 'unknown'} in ${client.guilds.cache.size} server(s)`);
  return {
    client,
    async stop(graceMs = 4000) {
      stopping = true;
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]).then(() => undefined), timeout]);
      await client.destroy();
    },
  };
}
