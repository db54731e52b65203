// How a poll and the feed list read, in the terminal and in Discord: per
// feed, what was new, unchanged and failed and why; whether a feed is paused
// and why (a feed that stops quietly is what users of feed bots hate most).
import type { FeedEntry } from '../corpus/schema.js';
import type { FeedStore, ItemBacklog } from '../store/feed-store.js';
import type { FeedReport } from './poll-feeds.js';

export function formatFeedReport(r: FeedReport): string {
  const head = `${r.id} (${r.name})`;
  if (r.status === 'paused') return `${head}: paused: ${r.error}`;
  if (r.status === 'waiting') return `${head}: backing off after failures until ${r.nextAttempt} (last: ${r.error})`;
  if (r.status === 'failed') return `${head}: failed: ${r.error} (next try ${r.nextAttempt})`;
  if (r.status === 'claimed') return `${head}: being read by another process sharing the database`;
  const fetched = r.new + r.changed + r.duplicates + r.offTopic + r.failed;
  const waiting = r.waiting ? `; ${r.waiting} item(s) wait for the next poll` : '';
  // A 304 still lets queued items be fetched: say so only when some were.
  if (r.status === 'not-modified' && fetched === 0) return `${head}: not modified since the last poll${waiting}`;
  const counts = [
    `${r.new} new`,
    `${r.changed} changed`,
    `${r.unchanged} unchanged`,
    `${r.duplicates} duplicate(s)`,
    `${r.offTopic} off topic`,
    `${r.failed} failed`,
  ].join(', ');
  const lead = r.status === 'not-modified' ? 'not modified; queued items: ' : '';
  return [`${head}: ${lead}${counts}${waiting}`, ...r.itemErrors.map((e) => `    failed: ${e.item}: ${e.reason}`)].join('\n');
}

export interface FeedStatusRow {
  id: string;
  name: string;
  url: string;
  keepAll: boolean;
  lastSuccess: string | null;
  lastNewItem: string | null;
  failures: number;
  lastError: string | null;
  paused: boolean;
  pausedReason: string | null;
  /** Items still to fetch, failing, or given up, with the latest reasons. */
  items: ItemBacklog;
  /** One line for the terminal. */
  line: string;
}

export async function feedStatusRows(feeds: readonly FeedEntry[], store: FeedStore): Promise<FeedStatusRow[]> {
  return Promise.all(
    feeds.map(async (f) => {
      const s = await store.feedState(f.id);
      const items = await store.itemBacklog(f.id);
      const row = {
        id: f.id,
        name: f.name,
        url: f.url,
        keepAll: f.keepAll,
        lastSuccess: s?.lastSuccess ?? null,
        lastNewItem: s?.lastNewItem ?? null,
        failures: s?.failures ?? 0,
        lastError: s?.lastError ?? null,
        paused: Boolean(s?.pausedReason),
        pausedReason: s?.pausedReason ?? null,
        items,
      };
      const status = row.paused
        ? `PAUSED: ${row.pausedReason}`
        : row.failures
          ? `${row.failures} failure(s) in a row, last: ${row.lastError}`
          : row.lastSuccess
            ? 'ok'
            : 'not polled yet';
      const line = [
        `${f.id}  ${f.name}  ${f.url}${f.keepAll ? '  (keeps every item)' : ''}`,
        `    last success: ${row.lastSuccess ?? 'never'} · last new item: ${row.lastNewItem ?? 'never'} · ${status}`,
        ...backlogLines(items),
      ].join('\n');
      return { ...row, line };
    }),
  );
}

/** What waits in a feed's item queue and why items failed: empty when nothing does. */
export function backlogLines(b: ItemBacklog): string[] {
  const counts = [
    b.waiting && `${b.waiting} waiting to be fetched`,
    b.retrying && `${b.retrying} failing, retried with backoff`,
    b.givenUp && `${b.givenUp} given up`,
  ].filter(Boolean);
  if (!counts.length) return [];
  return [
    `    items: ${counts.join(' · ')}`,
    ...b.errors.map((e) => `      ${e.state === 'given-up' ? 'given up' : 'failing'}: ${e.url ?? e.guid}: ${e.reason}`),
  ];
}
