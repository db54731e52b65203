// The bot with everything it needs: the store, the live corpus (each load
// records new articles for digests), the Discord client, the digest
// scheduler and the feed poller. `briefing start` runs this; the end-to-end tests run it too.
import type { Config } from '../config.js';
import { startBot, type RunningBot } from '../discord/bot.js';
import { renderDigest } from '../render/discord/digest-render.js';
import type { LiveCorpus } from '../corpus/live-corpus.js';
import type { Leadership } from '../digest/leadership.js';
import type { Scheduler } from '../digest/scheduler.js';
import type { FeedPoller } from '../feeds/feed-poller.js';
import { catchUpWithSharedLog, prepareWork, type RuntimeOverrides } from './run-work.js';
import type { Logger } from '../logger.js';
import { linkLimiter } from '../commands/rate-limit.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

export interface BotRuntime {
  bot: RunningBot;
  store: Store;
  corpus: LiveCorpus;
  scheduler: Scheduler;
  /** Whether this process runs the digest schedule (one per database), or stands by. */
  leadership: Leadership;
  /** Polls the feeds every FEEDS_POLL_SECONDS (in the process holding the feeds lease). */
  feeds: FeedPoller;
  /** Stops the scheduler (an in-flight digest finishes or is logged as failed), the client and the store. */
  stop(graceMs: number): Promise<void>;
}

export type { RuntimeOverrides };

export async function runBot(config: Config & { DISCORD_TOKEN: string }, log: Logger, o: RuntimeOverrides = {}): Promise<BotRuntime> {
  const store = await openStore(config.DATABASE_URL);
  try {
    await catchUpWithSharedLog(config, log, store);
    const work = prepareWork(config, log, store, o);
    const { corpus, scheduler, leadership, feeds, paths, settings, http, now } = work;
    const digest = {
      store: work.store,
      scheduler,
      corpus: corpus.current,
      now,
      minIntervalSeconds: config.DIGEST_MIN_INTERVAL_SECONDS,
      render: renderDigest,
    };
    const bot = await startBot({
      token: config.DISCORD_TOKEN,
      apiUrl: config.DISCORD_API_URL,
      corpus: corpus.current,
      log,
      digest,
      feeds: {
        paths,
        store: work.store,
        settings,
        http,
        now,
        corpus: corpus.current,
        reload: corpus.reload,
        saved: work.saved,
        poller: feeds,
        linkLimit: linkLimiter(() => now().getTime()),
      },
      watch: { store: work.store, corpus: corpus.current, now },
      loginTimeoutMs: config.LOGIN_TIMEOUT_SECONDS * 1000,
    }).catch((e: unknown) => {
      corpus.stop();
      throw e;
    });
    await work.begin();
    return {
      bot,
      store: work.store,
      corpus,
      scheduler,
      leadership,
      feeds,
      async stop(graceMs) {
        await Promise.all([work.stop(graceMs), bot.stop(graceMs)]);
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
