// The bot's feed schedule: every FEEDS_POLL_SECONDS, one poll of the feeds,
// then an ingest in a worker thread when anything was saved. Polls never
// overlap. With several bot processes on one database, only the holder of the
// "feeds" lease polls, so no page is fetched twice; another takes over when
// the holder stops renewing.
import type { DataPaths } from '../corpus/data-dir.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { readFeedList } from './feed-list.js';
import { formatFeedReport } from './feed-report.js';
import { feedPollDeps, type FetchSettings } from './fetch-session.js';
import type { HttpClient } from '../web/http-client.js';
import { pollFeeds, type PollResult } from './poll-feeds.js';

export const FEEDS_LEASE = 'feeds';

export interface FeedPollerDeps {
  paths: DataPaths;
  store: Store;
  settings: FetchSettings;
  http: HttpClient;
  /** Ingests raw/ again (off the event loop); resolves once the new articles answer. */
  reload(why: string): Promise<boolean>;
  owner: string;
  now(): Date;
  log: Logger;
}

export interface FeedPoller {
  start(): void;
  /** One poll now (or the one already running); null when another process holds the lease or there are no feeds. */
  pollNow(): Promise<PollResult | null>;
  stop(graceMs: number): Promise<void>;
}

export function makeFeedPoller(deps: FeedPollerDeps): FeedPoller {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PollResult | null> | null = null;
  let stopped = false;
  // The lease outlives a poll interval, so a slow poll does not hand the feeds to another process midway.
  const ttlMs = Math.max(60_000, deps.settings.pollSeconds * 3000);

  async function poll(): Promise<PollResult | null> {
    const feeds = readFeedList(deps.paths).feeds;
    if (feeds.length === 0 || stopped) return null;
    const lease = await deps.store.acquireLease(FEEDS_LEASE, deps.owner, ttlMs, deps.now());
    if (!lease.held) return null;
    const poll = feedPollDeps(deps.paths, deps.store, deps.settings, {
      respectBackoff: true,
      now: deps.now,
      http: deps.http,
      log: (line) => deps.log.warn(line),
    });
    const result = await pollFeeds(feeds, poll);
    for (const r of result.feeds) if (r.new || r.changed || r.failed) deps.log.info(`feeds: ${formatFeedReport(r)}`);
    if (result.saved > 0 && !stopped) await deps.reload(`${result.saved} page(s) from feeds`);
    return result;
  }

  function pollNow(): Promise<PollResult | null> {
    running ??= poll()
      .catch((e: unknown) => {
        deps.log.error(`feed poll failed: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    start() {
      if (timer) return;
      void pollNow();
      timer = setInterval(() => void pollNow(), deps.settings.pollSeconds * 1000);
      timer.unref();
    },
    pollNow,
    async stop(graceMs) {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await Promise.race([running, new Promise((r) => setTimeout(r, graceMs).unref())]);
      await deps.store.releaseLease(FEEDS_LEASE, deps.owner);
    },
  };
}
