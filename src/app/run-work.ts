// The work on a timer, one process at a time per database: the digest
// schedule and feed polling, each behind its lease, with the live corpus they
// read and the chart renderer digests use. The gateway bot (run-bot.ts) runs it
// beside the Discord client; `briefing worker` (worker.ts) runs it alone,
// for deployments that answer interactions with `briefing serve` replicas.
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { startRenderer } from '../charts/render-process.js';
import { scaledOut, syncShared } from './corpus-target.js';
import { snapshotIfDue } from '../corpus/corpus-snapshot.js';
import { followSharedLog, LOG_POLL_MS, type LogFollower } from '../corpus/follow-shared-log.js';
import { logSaved } from '../corpus/shared-documents.js';
import { alertDelivery, PENDING_GRACE_MS } from '../alerts/alert-delivery.js';
import { ownerGone, processOwner } from './process-owner.js';
import { discordPublisher } from '../discord/digest-publisher.js';
import { alertFooter, alertThreadName, renderAlert, renderRollUp } from '../render/discord/alert-render.js';
import { digestScheduler, type SchedulerOverrides } from './digest-schedule.js';
import { liveCorpus, type LiveCorpus } from '../corpus/live-corpus.js';
import { dataPaths, type DataPaths } from '../corpus/data-dir.js';
import { makeLeadership, type Leadership } from '../digest/leadership.js';
import type { Scheduler } from '../digest/scheduler.js';
import { makeFeedPoller, type FeedPoller } from '../feeds/feed-poller.js';
import { fetchSettings, httpClientFor } from '../feeds/fetch-session.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { type StoreHealth, watchStore } from '../store/store-health.js';

export interface RuntimeOverrides extends SchedulerOverrides {
  /** Wraps the opened store (tests put a fault injector here). */
  wrapStore?: (store: Store) => Store;
}

export interface Work {
  /** The store as the work uses it: watched, so an outage is logged once and missed digests are caught up after it. */
  store: Store & StoreHealth;
  paths: DataPaths;
  corpus: LiveCorpus;
  scheduler: Scheduler;
  /** Whether this process runs the digest schedule (one per database), or stands by. */
  leadership: Leadership;
  /** Polls the feeds every FEEDS_POLL_SECONDS (in the process holding the feeds lease). */
  feeds: FeedPoller;
  settings: ReturnType<typeof fetchSettings>;
  http: ReturnType<typeof httpClientFor>;
  now: () => Date;
  /** Scaled out, logs files just written into the folder at once (see FeedsInteractionDeps.saved); else nothing. */
  saved: (files: readonly string[]) => Promise<void>;
  /** Starts following the build, competing for the leases, polling and rendering. */
  begin(): Promise<void>;
  /** Stops polling and the schedule (an in-flight digest finishes or is logged as failed); the store stays open. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Scaled out, a data folder that is new or was stopped a while catches up with the shared document log before the
 * corpus is opened (and so ingests what other processes saved). A database that does not answer leaves the folder as it
 * is: the next ingest tries again.
 */
export async function catchUpWithSharedLog(config: Config, log: Logger, store: Store): Promise<void> {
  try {
    const { line } = await syncShared(dataPaths(resolve(config.DATA_DIR)), config.DATABASE_URL, store);
    if (line) log.info(line);
  } catch (e) {
    log.error(`shared documents: could not be read (${e instanceof Error ? e.message : String(e)}); the next ingest tries again`);
  }
}

export function prepareWork(config: Config & { DISCORD_TOKEN: string }, log: Logger, opened: Store, o: RuntimeOverrides = {}): Work {
  const now = o.now ?? (() => new Date());
  const store = watchStore(o.wrapStore ? o.wrapStore(opened) : opened, log);
  const paths = dataPaths(resolve(config.DATA_DIR));
  const shared = scaledOut(config.DATABASE_URL);
  const owner = processOwner();
  const alerts = alertDelivery({
    store,
    corpus: () => corpus.current(),
    publisher: o.publisher ?? discordPublisher(config.DISCORD_TOKEN, config.DISCORD_API_URL),
    render: { alert: renderAlert, rollUp: renderRollUp, threadName: alertThreadName, footer: alertFooter },
    now,
    log,
    owner,
    claimantGone: ownerGone,
  });
  const corpus = liveCorpus(paths, log, {
    onAdded: (ids) => {
      const at = now();
      store.recordArticles(ids, at).then(
        async (added) => {
          if (!added) return;
          log.info(`corpus: ${added} article(s) new for digests`);
          // Alerts go out for the articles new to the corpus now, not for those a restart reads again.
          const asked = new Set(ids);
          const fresh = [...(await store.articlesSeenBetween(new Date(at.getTime() - 1), at)).keys()].filter((id) => asked.has(id));
          // A failure here leaves the claimed alerts pending: the next batch, or the next start, finishes them.
          await alerts.deliver(fresh, at).catch((e: unknown) => log.error(`alerts: ${e instanceof Error ? e.message : String(e)}`));
        },
        (e: unknown) => log.error(`corpus: could not record new articles for digests: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    // With a Postgres DATABASE_URL, replicas answer from there: each ingest is published to it. The one at
    // start-up leaves another data folder's corpus alone (a standby's), and only fills an empty database.
    // Scaled out, new processes start from a snapshot of this corpus instead of ingesting every document again.
    ...(shared
      ? {
          afterIngest: () =>
            snapshotIfDue({
              paths,
              store,
              copy: (file) => corpus.compactCopy(file),
              now: now(),
              everyMs: config.CORPUS_SNAPSHOT_SECONDS * 1000,
            }),
        }
      : {}),
    // Scaled out, the folder is a copy of the shared document log: what other processes saved comes in first.
    ...(shared ? { beforeIngest: () => syncShared(paths, config.DATABASE_URL, store) } : {}),
  });
  corpus
    .current()
    .size()
    .then(
      (size) => log.info(`corpus: ${size.articles} article(s), ${size.passages} quote(s)`),
      (e: unknown) => log.warn(`corpus: could not be counted: ${e instanceof Error ? e.message : String(e)}`),
    );
  const scheduler = digestScheduler(config, log, store, corpus.current, o);
  const settings = fetchSettings(config);
  const http = httpClientFor(settings);
  const leaseMs = config.SCHEDULER_LEASE_SECONDS * 1000;
  const feeds = makeFeedPoller({ paths, store, settings, http, reload: corpus.reload, owner, ownerGone, leaseMs, now, log });
  const leadership = makeLeadership({ store, scheduler, owner, ownerGone, ttlMs: leaseMs, now, log });
  // Fires that came due while the database did not answer are caught up as soon as it does.
  store.onRecover(() => void scheduler.recover());
  let sweep: NodeJS.Timeout | undefined;
  let follower: LogFollower | undefined;
  return {
    store,
    paths,
    corpus,
    scheduler,
    leadership,
    feeds,
    settings,
    http,
    now,
    saved: async (files) => {
      if (shared) await logSaved(paths, store, files, now());
    },
    async begin() {
      corpus.watchBuild();
      // Alerts a stop left between their claim and their post go out (or are found posted) first, and again at every
      // sweep: those claimed just before the stop are younger than the grace at start.
      const recover = () =>
        void alerts
          .recover()
          .catch((e: unknown) => log.error(`alerts: could not be recovered: ${e instanceof Error ? e.message : String(e)}`));
      recover();
      sweep = setInterval(recover, PENDING_GRACE_MS);
      await leadership.start();
      feeds.start();
      if (shared)
        follower = followSharedLog({
          paths,
          log: store,
          corpus,
          everyMs: LOG_POLL_MS,
          feedListChanged: () => void feeds.pollNow(),
          warn: (line) => log.warn(line),
        });
      startRenderer();
    },
    async stop(graceMs) {
      clearInterval(sweep);
      follower?.stop();
      await feeds.stop(Math.min(graceMs, 2000));
      // The chart renderer is left running: it belongs to the process, finishes the charts of answers still
      // in flight, and exits with the process (see render-process.ts).
      corpus.stop();
      await leadership.stop(graceMs);
    },
  };
}
