// The fetch state of the followed feeds, kept in the store beside the digest
// state: it is not regenerable (ETags, what was seen, failure streaks), while
// the pages themselves are saved in raw/ and the corpus is rebuilt from them.
import type { Async } from '../async.js';

export interface FeedState {
  feedId: string;
  etag: string | null;
  lastModified: string | null;
  /** ISO times. */
  lastAttempt: string | null;
  lastSuccess: string | null;
  lastNewItem: string | null;
  /** Failures in a row; 0 after any successful read. */
  failures: number;
  lastError: string | null;
  /** Not polled before this time (backoff, Retry-After); null: whenever due. */
  nextAttempt: string | null;
  /** Set when the feed is paused (10 failures in a row); cleared by resuming it. */
  pausedReason: string | null;
}

/**
 * done: its page is saved (or it was off topic, or a duplicate); waiting: not fetched yet (more new items than one poll
 * reads); retry: failed, tried again after a backoff; given-up: failed too often, its reason kept.
 */
export type ItemState = 'done' | 'waiting' | 'retry' | 'given-up';

export interface SeenItem {
  guid: string;
  /** Hash of what the feed says of the item (title, dates, text): a change means the article may have been updated. */
  version: string;
  url: string | null;
  /** Failed attempts at this item; it is given up after a few. */
  failures: number;
  state: ItemState;
  lastError: string | null;
  /** ISO time before which a failed item is not tried again. */
  nextAttempt: string | null;
}

/** An item still to fetch, with the feed's copy of it (JSON), so it is fetched even while the feed answers 304. */
export interface QueuedItem extends SeenItem {
  payload: string;
  rank: string;
}

/** What a feed's queue holds: shown by `feeds list`, so a failing item is visible beyond the poll that met it. */
export interface ItemBacklog {
  waiting: number;
  retrying: number;
  givenUp: number;
  /** The latest failures, newest first. */
  errors: { url: string | null; guid: string; state: ItemState; reason: string }[];
}

/** A page saved in raw/, by canonical URL: the same URL again replaces it, the same text under another URL is a duplicate. */
export interface SavedPage {
  url: string;
  fingerprint: string;
  /** Path under raw/. */
  file: string;
}

/** Feed state as the embedded SQLite store keeps it, synchronously; FeedStore is what callers see. */
export interface SyncFeedStore {
  feedState(feedId: string): FeedState | undefined;
  saveFeedState(state: FeedState): void;
  /** Forgets a removed feed's state and items (its saved pages stay in raw/). */
  forgetFeed(feedId: string): void;
  /** The items of these GUIDs already seen in this feed. */
  seenItems(feedId: string, guids: readonly string[]): Map<string, SeenItem>;
  /**
   * Records an item's state. A payload (the feed's copy) is kept while the item is to be fetched and dropped once it
   * is done or given up; rank orders the queue, newest first (the item's date, ISO, or '').
   */
  saveItem(feedId: string, item: SeenItem & { payload?: string | null; rank?: string }, now: Date): void;
  /** Items to fetch now (waiting, or retrying and due), newest first; all retrying ones when `now` is null. */
  dueItems(feedId: string, now: Date | null, limit: number): QueuedItem[];
  itemBacklog(feedId: string): ItemBacklog;
  pageByUrl(url: string): SavedPage | undefined;
  pageByFingerprint(fingerprint: string): SavedPage | undefined;
  savePage(page: SavedPage, now: Date): void;
}

/** Feed state as every caller sees it. */
export type FeedStore = Async<SyncFeedStore>;

export function emptyFeedState(feedId: string): FeedState {
  return {
    feedId,
    etag: null,
    lastModified: null,
    lastAttempt: null,
    lastSuccess: null,
    lastNewItem: null,
    failures: 0,
    lastError: null,
    nextAttempt: null,
    pausedReason: null,
  };
}
