// The bot's feed schedule: every FEEDS_POLL_SECONDS, one poll of the feeds,
// then an ingest in a worker thread when anything was saved. Polls never
// overlap. With several bot processes on one database, only the holder of the
// "feeds" lease polls, so no page is fetched twice, and each feed is claimed
// for its run as well. The holder renews the lease every third of its length,
// between polls and during a long one; another process takes over within a
// lease when the holder stops (a crash, a SIGKILL).
import type { DataPaths } from '../corpus/data-dir.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { readFeedList } from './feed-list.js';
import { formatFeedReport } from './feed-report.js';
import { feedPollDeps, type FetchSettings } from './fetch-session.js';
import type { HttpClient } from '../web/http-client.js';
import { pollFeeds, type PollResult } from './poll-feeds.js';
import { isUnavailable } from '../store/store-health.js';
import { acquireLeaseOrOrphan, type OwnerGone } from '../store/orphaned-lease.js';

export const FEEDS_LEASE = 'feeds';
/**
 * How long a feed's claim lasts: one feed's run (the feed and its new pages) fits easily. A process that dies
 * mid-run leaves the feed to the next poll after this.
 */
const FEED_CLAIM_MS = 5 * 60_000;

export interface FeedPollerDeps {
  paths: DataPaths;
  store: Store;
  settings: FetchSettings;
  http: HttpClient;
  /** Ingests raw/ again (off the event loop); resolves once the new articles answer. */
  /** Ingests again: only the files named, relative to the data folder. */
  reload(why: string, only?: readonly string[]): Promise<boolean>;
  owner: string;
  /** Whether a lease's holder is known to have ended: its lease (and its feeds' claims) are taken at once. */
  ownerGone?: OwnerGone;
  /** The lease's length (SCHEDULER_LEASE_SECONDS, like the digest schedule's). */
  leaseMs: number;
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
  let heartbeat: NodeJS.Timeout | null = null;
  let running: Promise<PollResult | null> | null = null;
  let stopped = false;

  async function holdLease(): Promise<boolean> {
    try {
      return (await acquireLeaseOrOrphan(deps.store, FEEDS_LEASE, deps.owner, deps.leaseMs, deps.now(), deps.ownerGone)).held;
    } catch (e) {
      if (!isUnavailable(e)) deps.log.warn(`feeds lease: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  async function poll(): Promise<PollResult | null> {
    const feeds = readFeedList(deps.paths).feeds;
    if (feeds.length === 0 || stopped) return null;
    if (!(await holdLease())) return null;
    const poll = feedPollDeps(deps.paths, deps.store, deps.settings, {
      respectBackoff: true,
      now: deps.now,
      http: deps.http,
      log: (line) => deps.log.warn(line),
    });
    // Each feed is claimed for its run too: should two processes poll at once (a lease lapsing mid-poll),
    // no feed is read by both.
    const claim = async (feedId: string) => {
      const name = `feed:${feedId}`;
      const lease = await acquireLeaseOrOrphan(
        deps.store,
        name,
        deps.owner,
        Math.max(deps.leaseMs, FEED_CLAIM_MS),
        deps.now(),
        deps.ownerGone,
      );
      return lease.held ? () => deps.store.releaseLease(name, deps.owner) : null;
    };
    const result = await pollFeeds(feeds, { ...poll, claim });
    for (const r of result.feeds) if (r.new || r.changed || r.failed) deps.log.info(`feeds: ${formatFeedReport(r)}`);
    if (result.saved > 0 && !stopped)
      await deps.reload(
        `${result.saved} page(s) from feeds`,
        result.files.map((f) => `raw/${f}`),
      );
    return result;
  }

  function pollNow(): Promise<PollResult | null> {
    running ??= poll()
      .catch((e: unknown) => {
        if (!isUnavailable(e)) deps.log.error(`feed poll failed: ${e instanceof Error ? e.message : String(e)}`);
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
      heartbeat = setInterval(() => void holdLease(), Math.max(200, deps.leaseMs / 3));
      heartbeat.unref();
    },
    pollNow,
    async stop(graceMs) {
      stopped = true;
      if (timer) clearInterval(timer);
      if (heartbeat) clearInterval(heartbeat);
      timer = null;
      heartbeat = null;
      if (running) await Promise.race([running, new Promise((r) => setTimeout(r, graceMs).unref())]);
      await deps.store.releaseLease(FEEDS_LEASE, deps.owner);
    },
  };
}
