// Watch rules (what a team watches, posted as alerts when an article matching
// them lands) and the log of alerts, in the state store beside digests: one
// alert per watch and article, whichever process delivers it.
import type { Async } from '../async.js';

export type WatchStatus = 'active' | 'paused';

export interface NewWatch {
  guildId: string;
  channelId: string;
  /** The rule in its canonical form (src/briefing/watch/watch-rule.ts). */
  rule: string;
  /** Open a discussion thread on each alert. */
  thread: boolean;
  /** Alerts a channel takes from this watch in an hour; the rest are rolled up. */
  hourlyCap: number;
  createdBy: string;
}

export interface Watch extends NewWatch {
  id: string;
  status: WatchStatus;
  /** Why it was paused when the bot paused it (its channel gone, a permission lost); null otherwise. */
  pauseReason: string | null;
  /** ISO time. */
  createdAt: string;
}

/**
 * posted: its own message; also-reported: the same story was alerted in the channel already, and that message says
 * so; rolled-up: over the hour's cap, in the next roll-up; failed: not delivered, with why.
 */
export type AlertStatus = 'pending' | 'posted' | 'also-reported' | 'rolled-up' | 'failed';

export interface AlertRecord {
  watchId: string;
  articleId: string;
  channelId: string;
  /** The story the article belongs to: articles of one story share it. */
  story: string;
  status: AlertStatus;
  messageId: string | null;
  error: string | null;
  /** ISO time. */
  createdAt: string;
  /** The process that claimed it (process-owner.ts); null for claims older than the column. */
  claimedBy: string | null;
}

export interface SyncWatchStore {
  addWatch(w: NewWatch, now: Date): Watch;
  watch(id: string): Watch | undefined;
  /** Every watch, or one guild's, oldest first. */
  watches(guildId?: string): Watch[];
  removeWatch(id: string): boolean;
  setWatchStatus(id: string, status: WatchStatus, reason?: string | null): void;
  /** Alerts claimed but never finished (the process stopped between the claim and the post), oldest first. */
  pendingAlerts(): AlertRecord[];
  /** Records the alert of an article under a watch as pending, unless it is recorded already: true the first time. */
  claimAlert(watchId: string, articleId: string, channelId: string, story: string, now: Date, by: string): boolean;
  updateAlert(watchId: string, articleId: string, status: AlertStatus, o?: { messageId?: string | null; error?: string | null }): void;
  /** Alerts of a watch since a time, newest first. */
  alerts(watchId: string, since: Date): AlertRecord[];
  /** A channel's alerts (every watch's) in one state, logged after `after` up to `upTo`, oldest first. */
  alertsIn(channelId: string, status: AlertStatus, after: Date, upTo: Date): AlertRecord[];
  /** Messages posted in a channel since a time (every watch's): what its hourly cap counts. */
  postedSince(channelId: string, since: Date): number;
  /** The posted alert of a story in a channel since a time, if one was. */
  storyAlert(channelId: string, story: string, since: Date): AlertRecord | undefined;
  /**
   * Up to when (ISO, a first-seen time) the articles reaching the corpus have been checked against the watches; null
   * before the first check. An article first seen after it and not checked yet (the database stopped answering
   * mid-batch) is checked at the next start.
   */
  alertsCheckedUpTo(): string | null;
  /** Moves that time forward (never back). */
  checkedAlertsUpTo(upTo: Date): void;
  /**
   * A batch of articles (first seen at `at`) being checked by `owner` (a process, process-owner.ts); null ends the
   * owner's batch. A process that ends mid-batch leaves its batch here, for the next one on its machine to finish.
   */
  alertBatch(owner: string, at: Date | null): void;
  /** The batches being checked, by owner, with their first-seen time (ISO). */
  alertBatches(): { owner: string; at: string }[];
}

export type WatchStore = Async<SyncWatchStore>;
