// One poll of every followed feed: conditional GET, new items queued and
// fetched, pages saved in raw/, the fetch state kept in the store. Ingest is
// the caller's next step (the CLI runs it in process, the bot in a worker
// thread), once for the whole poll.
//
// Nothing is lost and nothing is doubled. Every new or changed item goes into
// the feed's item queue with the feed's copy of it; each poll fetches the due
// items newest first, up to a cap, whatever the feed answered (a 304 too), and
// the rest wait for the next polls, counted in every report. An item is only
// marked done once its page is saved (or found off topic, or a duplicate); a
// failing item is retried with backoff, then given up, its reason kept where
// `feeds list` shows it. A failing feed backs off exponentially and is
// paused, visibly, after 10 failures in a row.
import { z } from 'zod';
import type { DataPaths } from '../corpus/data-dir.js';
import type { GazetteerMatcher } from '../corpus/extract/gazetteer-matcher.js';
import type { FeedEntry } from '../corpus/schema.js';
import { emptyFeedState, type FeedState, type FeedStore, type QueuedItem } from '../store/feed-store.js';
import { FetchError, type HttpClient } from '../web/http-client.js';
import { capturePage } from './capture-page.js';
import { keepCapture } from './keep-capture.js';
import { parseFeedItems, type FeedItem } from './feed-items.js';

export const PAUSE_AFTER_FAILURES = 10;
/** Item pages fetched from one feed per poll (politeness): a feed that first lists its whole archive is taken in slices. */
export const MAX_ITEMS_PER_POLL = 100;
/** A page that failed this many times, with backoff between, is given up; its reason stays in `feeds list`. */
export const MAX_ITEM_FAILURES = 5;
const MAX_BACKOFF_MS = 6 * 3600_000;
const FEEDS_AT_ONCE = 8;

export interface FeedPollDeps {
  paths: DataPaths;
  store: FeedStore;
  http: HttpClient;
  matcher: GazetteerMatcher;
  knownNames: string[];
  now: () => Date;
  /** The poll interval: the first step of the backoff. */
  pollSeconds: number;
  /** The bot waits out a feed's backoff; `briefing fetch`, asked by a person, tries every feed that is not paused. */
  respectBackoff: boolean;
  log?: (line: string) => void;
  /** Told each feed's report as soon as that feed is done (progress on a long poll). */
  progress?: (report: FeedReport) => void;
  /**
   * Claims a feed for this run, where several processes share the database: a function that gives the claim
   * up, or null when another process is reading the feed now (it is then left to that one).
   */
  claim?: (feedId: string) => Promise<(() => Promise<void>) | null>;
  /** Told the path of each page saved (relative to raw/), so the ingest after the poll reads those only. */
  saved?: (file: string) => void;
}

export type FeedStatus = 'read' | 'not-modified' | 'failed' | 'paused' | 'waiting' | 'claimed';

export interface FeedReport {
  id: string;
  name: string;
  url: string;
  status: FeedStatus;
  new: number;
  changed: number;
  unchanged: number;
  duplicates: number;
  offTopic: number;
  failed: number;
  /** Why items failed (title or URL, and the reason). */
  itemErrors: { item: string; reason: string }[];
  /** Items still to fetch after this poll (over the cap, or failed and waiting to be retried). */
  waiting: number;
  /** Why the feed itself failed, or why it is paused or waiting. */
  error: string | null;
  nextAttempt: string | null;
}

export interface PollResult {
  feeds: FeedReport[];
  /** Pages saved (new or changed): when 0, there is nothing to ingest. */
  saved: number;
  /** Their paths, relative to raw/. */
  files: string[];
  requests: number;
}

/** Exponential: one poll interval after the first failure, doubling, at most 6 hours; never sooner than Retry-After. */
export function backoffMs(failures: number, pollSeconds: number, retryAfterMs?: number): number {
  const exp = Math.min(pollSeconds * 1000 * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  return Math.max(exp, Math.min(retryAfterMs ?? 0, 24 * 3600_000));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

function newReport(feed: FeedEntry, status: FeedStatus): FeedReport {
  return {
    id: feed.id,
    name: feed.name,
    url: feed.url,
    status,
    new: 0,
    changed: 0,
    unchanged: 0,
    duplicates: 0,
    offTopic: 0,
    failed: 0,
    itemErrors: [],
    waiting: 0,
    error: null,
    nextAttempt: null,
  };
}

/** The feed's copy of an item, as queued: `update` when an earlier version of it was seen (its page is fetched again). */
const queuedSchema = z.object({
  update: z.boolean(),
  item: z.object({
    guid: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    authors: z.array(z.string()),
    published: z.string().nullable(),
    contentHtml: z.string().nullable(),
    summary: z.string().nullable(),
    version: z.string(),
  }),
});

/** Newest first: the item's date when it has one, then the feed's own order (a feed that lists oldest first still works). */
function rankOf(item: FeedItem, index: number): string {
  const t = item.published ? Date.parse(item.published) : Number.NaN;
  return `${Number.isNaN(t) ? '' : new Date(t).toISOString()}#${String(99_999 - Math.min(index, 99_999)).padStart(5, '0')}`;
}

/** Puts every new or changed item of the feed document in the feed's queue. */
async function queueItems(feed: FeedEntry, items: FeedItem[], report: FeedReport, deps: FeedPollDeps, now: Date): Promise<void> {
  const seen = await deps.store.seenItems(
    feed.id,
    items.map((i) => i.guid),
  );
  for (const [index, item] of items.entries()) {
    const prev = seen.get(item.guid);
    const payload = (update: boolean) => JSON.stringify({ update, item });
    const base = { guid: item.guid, version: item.version, url: item.url, rank: rankOf(item, index) };
    if (prev && prev.version === item.version) {
      if (prev.state === 'done' || prev.state === 'given-up') report.unchanged++;
      // Already queued: it keeps its place, its failures and its backoff; the copy is refreshed (it may have been missing).
      else await deps.store.saveItem(feed.id, { ...prev, ...base, payload: payload(prev.state === 'retry' && prev.failures > 0) }, now);
      continue;
    }
    // New, or changed since it was seen: fetched (again) from a clean slate.
    await deps.store.saveItem(
      feed.id,
      { ...base, failures: 0, state: 'waiting', lastError: null, nextAttempt: null, payload: payload(prev !== undefined) },
      now,
    );
  }
}

/** Fetches the feed's due items, newest first, up to the cap; each ends done, retried later, or given up. */
async function fetchQueued(feed: FeedEntry, report: FeedReport, state: FeedState, deps: FeedPollDeps, now: Date): Promise<void> {
  const due = await deps.store.dueItems(feed.id, deps.respectBackoff ? now : null, MAX_ITEMS_PER_POLL);
  const ctx = { http: deps.http, matcher: deps.matcher, knownNames: deps.knownNames, now };
  for (const queued of due) {
    const done = () => deps.store.saveItem(feed.id, { ...queued, state: 'done', failures: 0, lastError: null, nextAttempt: null }, now);
    const parsed = queuedSchema.safeParse(safeJson(queued.payload));
    if (!parsed.success) {
      const reason = 'the queued copy of this item could not be read';
      report.failed++;
      report.itemErrors.push({ item: (queued.url ?? queued.guid).slice(0, 200), reason });
      await failItem(feed, queued, reason, deps, now, MAX_ITEM_FAILURES);
      continue;
    }
    const { item, update } = parsed.data;
    // First sight of a URL another feed already brought: the same story, not fetched again.
    if (!update && item.url && (await deps.store.pageByUrl(item.url))) {
      report.duplicates++;
      await done();
      continue;
    }
    try {
      const c = await capturePage(item.url, item, { outlet: feed.name, feed: feed.id }, ctx);
      if (!feed.keepAll && c.topics.length === 0) report.offTopic++;
      else {
        const { outcome, file } = await keepCapture(c, `feeds/${feed.id}`, deps.paths.raw, deps.store, now);
        if (outcome === 'new' || outcome === 'changed') deps.saved?.(file);
        // An item seen for the first time whose page is already saved came through another feed (perhaps in this same poll).
        if (outcome === 'duplicate' || (outcome === 'unchanged' && !update)) report.duplicates++;
        else if (outcome === 'unchanged') report.unchanged++;
        else {
          report[outcome]++;
          state.lastNewItem = now.toISOString();
        }
      }
      await done();
    } catch (e) {
      report.itemErrors.push({ item: (item.title ?? item.url ?? item.guid).slice(0, 200), reason: message(e) });
      report.failed++;
      // A server asking us to slow down: the rest of this feed waits for the next poll, and the item is not counted as failing.
      if (e instanceof FetchError && e.status === 429) {
        state.nextAttempt = new Date(now.getTime() + backoffMs(1, deps.pollSeconds, e.retryAfterMs)).toISOString();
        return;
      }
      await failItem(feed, queued, message(e), deps, now, queued.failures + 1);
    }
  }
}

async function failItem(
  feed: FeedEntry,
  queued: QueuedItem,
  reason: string,
  deps: FeedPollDeps,
  now: Date,
  failures: number,
): Promise<void> {
  const givenUp = failures >= MAX_ITEM_FAILURES;
  const nextAttempt = givenUp ? null : new Date(now.getTime() + backoffMs(failures, deps.pollSeconds)).toISOString();
  await deps.store.saveItem(feed.id, { ...queued, failures, state: givenUp ? 'given-up' : 'retry', lastError: reason, nextAttempt }, now);
  if (givenUp) deps.log?.(`feed ${feed.id}: gave up ${queued.url ?? queued.guid} after ${failures} failures: ${reason}`);
}

const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};

async function pollOne(feed: FeedEntry, deps: FeedPollDeps): Promise<FeedReport> {
  const now = deps.now();
  const state = (await deps.store.feedState(feed.id)) ?? emptyFeedState(feed.id);
  if (state.pausedReason) return { ...newReport(feed, 'paused'), error: state.pausedReason };
  if (deps.respectBackoff && state.nextAttempt && Date.parse(state.nextAttempt) > now.getTime()) {
    return { ...newReport(feed, 'waiting'), error: state.lastError, nextAttempt: state.nextAttempt };
  }
  const report = newReport(feed, 'read');
  state.lastAttempt = now.toISOString();
  state.nextAttempt = null;
  try {
    const res = await deps.http.get(feed.url, { etag: state.etag, lastModified: state.lastModified });
    if (res.notModified) report.status = 'not-modified';
    else {
      const { items } = parseFeedItems(res.text, res.url);
      await queueItems(feed, items, report, deps, now);
      // Saved once every item is queued: a poll that stops half way reads the whole document again next time.
      state.etag = res.etag;
      state.lastModified = res.lastModified;
    }
    await fetchQueued(feed, report, state, deps, now);
    state.failures = 0;
    state.lastError = null;
    state.lastSuccess = now.toISOString();
  } catch (e) {
    report.status = 'failed';
    report.error = message(e);
    state.failures++;
    state.lastError = report.error;
    const retryAfter = e instanceof FetchError ? e.retryAfterMs : undefined;
    state.nextAttempt = new Date(now.getTime() + backoffMs(state.failures, deps.pollSeconds, retryAfter)).toISOString();
    if (state.failures >= PAUSE_AFTER_FAILURES) {
      state.pausedReason = `paused after ${state.failures} failures in a row; the last: ${report.error}`;
      deps.log?.(`feed ${feed.id} (${feed.url}) ${state.pausedReason}. Resume it with: briefing feeds resume ${feed.id}`);
    } else deps.log?.(`feed ${feed.id} failed (${state.failures} in a row, next try ${state.nextAttempt}): ${report.error}`);
  }
  report.nextAttempt = state.nextAttempt;
  await deps.store.saveFeedState(state);
  const backlog = await deps.store.itemBacklog(feed.id);
  report.waiting = backlog.waiting + backlog.retrying;
  return report;
}

export async function pollFeeds(feeds: readonly FeedEntry[], given: FeedPollDeps): Promise<PollResult> {
  const files: string[] = [];
  const deps: FeedPollDeps = {
    ...given,
    saved: (f) => {
      files.push(f);
      given.saved?.(f);
    },
  };
  const before = deps.http.requests;
  const reports: FeedReport[] = new Array(feeds.length);
  let next = 0;
  // A few feeds at a time: the HTTP client keeps each host to one request at a time anyway.
  const worker = async () => {
    while (next < feeds.length) {
      const i = next++;
      const feed = feeds[i]!;
      const release = deps.claim ? await deps.claim(feed.id) : async () => {};
      reports[i] = release ? await pollOne(feed, deps).finally(release) : newReport(feed, 'claimed');
      deps.progress?.(reports[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FEEDS_AT_ONCE, feeds.length) }, worker));
  return { feeds: reports, saved: reports.reduce((n, r) => n + r.new + r.changed, 0), files, requests: deps.http.requests - before };
}

/** Clears a paused feed's failure streak, so the next poll tries it again. */
export async function resumeFeed(store: FeedStore, feedId: string): Promise<boolean> {
  const state = await store.feedState(feedId);
  if (!state?.pausedReason) return false;
  await store.saveFeedState({ ...state, pausedReason: null, failures: 0, nextAttempt: null });
  return true;
}
