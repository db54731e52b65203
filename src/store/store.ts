// Persistent state behind one interface: digest subscriptions, the delivery
// log and when each article first reached the corpus. Callers only see this
// interface, so a server database can replace SQLite without touching them.
// Every method returns a promise: the embedded SQLite store answers at once,
// a Postgres store over the network (postgres-store.ts).
import type { Async } from '../async.js';
import type { SyncDocumentLog } from './document-log.js';
import type { SyncFeedStore } from './feed-store.js';
import type { SyncWatchStore } from './watch-store.js';

export type SubscriptionStatus = 'active' | 'paused';

export interface NewSubscription {
  guildId: string;
  channelId: string;
  /** What the user typed ("daily 08:00"), shown back in /digest list. */
  schedule: string;
  /** The cron expression it stands for. */
  cron: string;
  timezone: string;
  /** Canonical actor and corridor names; empty means "whatever the new articles are about". */
  topics: string[];
  thread: boolean;
  skipEmpty: boolean;
  /** Attach the period's timeline chart when it has 3 or more dated events. */
  chart: boolean;
  createdBy: string;
}

export interface Subscription extends NewSubscription {
  id: string;
  status: SubscriptionStatus;
  pauseReason: string | null;
  /** ISO time. */
  createdAt: string;
}

/**
 * pending: claimed, the post may or may not have reached Discord (retried with the same nonce);
 * delivered: posted; empty: nothing new and skip_empty set, so nothing posted;
 * skipped: missed while the bot was down and not caught up; failed: gave up, with the error.
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'empty' | 'skipped' | 'failed';

export interface Delivery {
  subscriptionId: string;
  /** ISO time of the scheduled fire (or of the send-now request). */
  fireTime: string;
  status: DeliveryStatus;
  messageId: string | null;
  threadId: string | null;
  error: string | null;
  attempts: number;
  /** The period the digest covered, ISO; set once it is delivered. */
  periodStart: string | null;
  periodEnd: string | null;
  updatedAt: string;
}

export interface DeliveryUpdate {
  status: DeliveryStatus;
  messageId?: string | null;
  threadId?: string | null;
  error?: string | null;
  attempts?: number;
  periodStart?: string | null;
  periodEnd?: string | null;
}

export interface LeaseState {
  held: boolean;
  /** Who holds it now, and until when (ISO). */
  owner: string;
  expiresAt: string;
}

/** The store's methods as the embedded SQLite store implements them, synchronously. */
export interface SyncStore extends SyncFeedStore, SyncDocumentLog, SyncWatchStore {
  addSubscription(s: NewSubscription, now: Date): Subscription;
  subscription(id: string): Subscription | undefined;
  /** Every subscription, or those of one guild, oldest first. */
  subscriptions(guildId?: string): Subscription[];
  removeSubscription(id: string): boolean;
  setStatus(id: string, status: SubscriptionStatus, reason: string | null): void;

  /** Claims a fire: inserts it as pending unless it is already logged, and returns the row either way. */
  claimFire(subscriptionId: string, fireTime: Date, now: Date): { delivery: Delivery; claimed: boolean };
  updateFire(subscriptionId: string, fireTime: string, update: DeliveryUpdate, now: Date): void;
  /** The latest fire logged for the subscription, whatever its status. */
  latestFire(subscriptionId: string): Delivery | undefined;
  /** The latest digest that reached the channel (delivered or empty): the next one starts where it ended. */
  lastDelivered(subscriptionId: string): Delivery | undefined;
  /** Newest first. */
  deliveries(subscriptionId: string, limit?: number): Delivery[];
  /** Fires claimed but never finished (the bot stopped mid-delivery). */
  pendingFires(): Delivery[];

  /**
   * Takes the named lease for `owner` until now + ttl, or renews it when the owner already holds it.
   * Another owner's unexpired lease is left alone, unless that owner is `takeFrom` (one known to have ended: see
   * orphaned-lease.ts). Atomic: two processes never both hold it.
   */
  acquireLease(name: string, owner: string, ttlMs: number, now: Date, takeFrom?: string): LeaseState;
  /** Gives the lease up, if this owner holds it. */
  releaseLease(name: string, owner: string): void;

  /**
   * Records a signed request by its key until `until`: true the first time, false when any process has recorded it
   * already (a replay). Keys past their time are forgotten.
   */
  firstSighting(key: string, until: Date, now: Date): boolean;

  /** Records articles not seen before as first seen now; returns how many were new. */
  recordArticles(ids: readonly string[], now: Date): number;
  /** The articles that first reached the corpus after `after`, up to and including `upTo`, with when (ISO): one period's. */
  articlesSeenBetween(after: Date, upTo: Date): Map<string, string>;

  close(): void;
}

/** The state store every caller sees. */
export type Store = Async<SyncStore>;
