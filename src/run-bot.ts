// The bot with everything it needs: the store, the live corpus (each load
// records new articles for digests), the Discord client, the digest
// scheduler and the feed poller. `briefing start` runs this; the end-to-end tests run it too.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Config } from './config.js';
import { digestChart } from './charts/answer-chart.js';
import { startRenderer, stopRenderer } from './charts/render-process.js';
import { liveCorpus, type LiveCorpus } from './corpus/live-corpus.js';
import { dataPaths } from './corpus/data-dir.js';
import { startBot, type RunningBot } from './discord/bot.js';
import { digestThreadName, renderDigest } from './discord/digest-render.js';
import { discordPublisher } from './discord/digest-publisher.js';
import type { Publisher } from './digest/publisher.js';
import { makeLeadership, type Leadership } from './digest/leadership.js';
import { makeScheduler, type Scheduler } from './digest/scheduler.js';
import type { Logger } from './logger.js';
import { makeFeedPoller, type FeedPoller } from './feeds/feed-poller.js';
import { fetchSettings, httpClientFor } from './feeds/fetch-session.js';
import { rateLimiter } from './discord/rate-limit.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

/** /add: links one member may add in a window (each costs a page fetch and an ingest). */
const LINKS_PER_USER = 5;
const LINK_WINDOW_MS = 10 * 60_000;

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

export interface RuntimeOverrides {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  publisher?: Publisher;
  backoffMs?: number;
}

export async function runBot(config: Config & { DISCORD_TOKEN: string }, log: Logger, o: RuntimeOverrides = {}): Promise<BotRuntime> {
  const now = o.now ?? (() => new Date());
  const store = await openStore(config.DATABASE_URL);
  try {
    const paths = dataPaths(resolve(config.DATA_DIR));
    const corpus = liveCorpus(paths, log, (ids) => {
      store.recordArticles(ids, now()).then(
        (added) => added && log.info(`corpus: ${added} article(s) new for digests`),
        (e: unknown) => log.error(`corpus: could not record new articles for digests: ${e instanceof Error ? e.message : String(e)}`),
      );
    });
    const size = corpus.current().size();
    log.info(`corpus: ${size.articles} article(s), ${size.passages} quote(s)`);
    const scheduler = makeScheduler({
      store,
      corpus: corpus.current,
      publisher: o.publisher ?? discordPublisher(config.DISCORD_TOKEN, config.DISCORD_API_URL),
      render: renderDigest,
      chart: (view) => digestChart(view.answer, `Dated events in the digest: ${view.name}`),
      threadName: digestThreadName,
      now,
      log,
      sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      retries: 3,
      backoffMs: o.backoffMs ?? 2000,
      graceMs: config.DIGEST_CATCH_UP_GRACE_SECONDS * 1000,
    });
    const digest = {
      store,
      scheduler,
      corpus: corpus.current,
      now,
      minIntervalSeconds: config.DIGEST_MIN_INTERVAL_SECONDS,
      render: renderDigest,
    };
    const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    const settings = fetchSettings(config);
    const http = httpClientFor(settings);
    const feeds = makeFeedPoller({ paths, store, settings, http, reload: corpus.reload, owner, now, log });
    const bot = await startBot({
      token: config.DISCORD_TOKEN,
      apiUrl: config.DISCORD_API_URL,
      corpus: corpus.current,
      log,
      digest,
      feeds: {
        paths,
        store,
        settings,
        http,
        now,
        corpus: corpus.current,
        reload: corpus.reload,
        poller: feeds,
        linkLimit: rateLimiter(LINKS_PER_USER, LINK_WINDOW_MS, () => now().getTime()),
      },
      loginTimeoutMs: config.LOGIN_TIMEOUT_SECONDS * 1000,
    }).catch((e: unknown) => {
      corpus.stop();
      throw e;
    });
    corpus.watchBuild();
    const leadership = makeLeadership({
      store,
      scheduler,
      owner,
      ttlMs: config.SCHEDULER_LEASE_SECONDS * 1000,
      now,
      log,
    });
    await leadership.start();
    feeds.start();
    startRenderer();
    return {
      bot,
      store,
      corpus,
      scheduler,
      leadership,
      feeds,
      async stop(graceMs) {
        await feeds.stop(Math.min(graceMs, 2000));
        stopRenderer();
        corpus.stop();
        await Promise.all([leadership.stop(graceMs), bot.stop(graceMs)]);
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
