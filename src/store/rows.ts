// Rows of the state tables as both stores read them (the SQLite and Postgres
// schemas are the same migrations), and the records callers see.
import { randomBytes } from 'node:crypto';
import type { CorpusSnapshot, LoggedDocument } from './document-log.js';
import type { AlertRecord, AlertStatus, Watch, WatchStatus } from './watch-store.js';
import type { FeedState, ItemBacklog, ItemState, SeenItem } from './feed-store.js';
import type { Delivery, Subscription, SubscriptionStatus } from './store.js';

export interface SubscriptionRow {
  id: string;
  guild_id: string;
  channel_id: string;
  schedule: string;
  cron: string;
  timezone: string;
  topics: string;
  thread: number;
  skip_empty: number;
  chart: number;
  status: SubscriptionStatus;
  pause_reason: string | null;
  created_by: string;
  created_at: string;
}

export interface DeliveryRow {
  subscription_id: string;
  fire_time: string;
  status: Delivery['status'];
  message_id: string | null;
  thread_id: string | null;
  error: string | null;
  attempts: number;
  period_start: string | null;
  period_end: string | null;
  updated_at: string;
}

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  schedule: r.schedule,
  cron: r.cron,
  timezone: r.timezone,
  topics: JSON.parse(r.topics) as string[],
  thread: r.thread === 1,
  skipEmpty: r.skip_empty === 1,
  chart: r.chart === 1,
  status: r.status,
  pauseReason: r.pause_reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export const toDelivery = (r: DeliveryRow): Delivery => ({
  subscriptionId: r.subscription_id,
  fireTime: r.fire_time,
  status: r.status,
  messageId: r.message_id,
  threadId: r.thread_id,
  error: r.error,
  attempts: r.attempts,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  updatedAt: r.updated_at,
});

/** Short ids people can type: "d" and 6 base-32 characters. */
export function newId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return `d${[...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export interface StateRow {
  feed_id: string;
  etag: string | null;
  last_modified: string | null;
  last_attempt: string | null;
  last_success: string | null;
  last_new_item: string | null;
  failures: number;
  last_error: string | null;
  next_attempt: string | null;
  paused_reason: string | null;
}

export const toState = (r: StateRow): FeedState => ({
  feedId: r.feed_id,
  etag: r.etag,
  lastModified: r.last_modified,
  lastAttempt: r.last_attempt,
  lastSuccess: r.last_success,
  lastNewItem: r.last_new_item,
  failures: r.failures,
  lastError: r.last_error,
  nextAttempt: r.next_attempt,
  pausedReason: r.paused_reason,
});

export interface ItemRow {
  feed_id: string;
  guid: string;
  version: string;
  url: string | null;
  failures: number;
  first_seen: string;
  state: ItemState;
  payload: string | null;
  rank: string;
  last_error: string | null;
  next_attempt: string | null;
}

export const toItem = (r: ItemRow): SeenItem => ({
  guid: r.guid,
  version: r.version,
  url: r.url,
  failures: r.failures,
  state: r.state,
  lastError: r.last_error,
  nextAttempt: r.next_attempt,
});

/**
 * The insert's arguments in column order: feed_id, guid, version, url, failures, first_seen, state, payload, rank,
 * last_error, next_attempt.
 */
export function itemRowArgs(feedId: string, i: SeenItem & { payload?: string | null; rank?: string }, now: Date) {
  const keepsPayload = i.state === 'waiting' || i.state === 'retry';
  return [
    feedId,
    i.guid,
    i.version,
    i.url,
    i.failures,
    now.toISOString(),
    i.state,
    keepsPayload ? (i.payload ?? null) : null,
    i.rank ?? '',
    i.lastError,
    i.nextAttempt,
  ] as const;
}

/** How many failures `feeds list` shows per feed. */
export const BACKLOG_ERRORS = 5;

export function toBacklog(counts: { state: string; n: number | string }[], errors: ItemRow[]): ItemBacklog {
  const n = (state: ItemState) => Number(counts.find((c) => c.state === state)?.n ?? 0);
  return {
    waiting: n('waiting'),
    retrying: n('retry'),
    givenUp: n('given-up'),
    errors: errors.map((r) => ({ url: r.url, guid: r.guid, state: r.state, reason: r.last_error ?? '' })),
  };
}

export interface DocumentRow {
  path: string;
  seq: number;
  sha: string;
  content: string;
  modified: string;
  saved_at: string;
}

export const toLoggedDocument = (r: DocumentRow): LoggedDocument => ({
  path: r.path,
  seq: Number(r.seq),
  sha: r.sha,
  content: r.content,
  modified: r.modified,
  savedAt: r.saved_at,
});

export interface SnapshotRow {
  id: string;
  seq: number | string;
  sha: string;
  bytes: number | string;
  chunks: number;
  made_at: string;
}

/** A snapshot's row as INSERT arguments, in the order of SNAPSHOT_COLUMNS. */
export const SNAPSHOT_COLUMNS = 'id, seq, sha, bytes, chunks, made_at';
export const snapshotArgs = (s: CorpusSnapshot) => [s.id, s.seq, s.sha, s.bytes, s.chunks, s.madeAt];

export const toSnapshot = (r: SnapshotRow): CorpusSnapshot => ({
  id: r.id,
  seq: Number(r.seq),
  sha: r.sha,
  bytes: Number(r.bytes),
  chunks: Number(r.chunks),
  madeAt: r.made_at,
});

export interface WatchRow {
  id: string;
  guild_id: string;
  channel_id: string;
  rule: string;
  thread: number;
  hourly_cap: number;
  status: WatchStatus;
  pause_reason: string | null;
  created_by: string;
  created_at: string;
}

export const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  rule: r.rule,
  thread: Boolean(r.thread),
  hourlyCap: Number(r.hourly_cap),
  status: r.status,
  pauseReason: r.pause_reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export interface AlertRow {
  watch_id: string;
  article_id: string;
  channel_id: string;
  story: string;
  status: AlertStatus;
  message_id: string | null;
  error: string | null;
  created_at: string;
  claimed_by: string | null;
}

/** alerts_checked holds, beside the "articles" mark, one row per batch being checked: this prefix and its owner. */
export const ALERT_BATCH = 'batch:';

export const toAlert = (r: AlertRow): AlertRecord => ({
  watchId: r.watch_id,
  articleId: r.article_id,
  channelId: r.channel_id,
  story: r.story,
  status: r.status,
  messageId: r.message_id,
  error: r.error,
  createdAt: r.created_at,
  claimedBy: r.claimed_by,
});

/** A watch's id: "w" and seven letters or digits that cannot be mistaken for each other. */
export function newWatchId(): string {
  return `w${newId().slice(1)}`;
}
