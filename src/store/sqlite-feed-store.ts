// FeedStore on the embedded SQLite store (tables from migration 3).
import type Database from 'better-sqlite3';
import type { SavedPage, SeenItem, SyncFeedStore } from './feed-store.js';
import { BACKLOG_ERRORS, type ItemRow, type StateRow, itemRowArgs, toBacklog, toItem, toState } from './rows.js';

export function sqliteFeedStore(db: Database.Database): SyncFeedStore {
  const q = {
    state: db.prepare<[string], StateRow>('SELECT * FROM feed_state WHERE feed_id = ?'),
    saveState: db.prepare(`INSERT OR REPLACE INTO feed_state (feed_id, etag, last_modified, last_attempt, last_success, last_new_item,
      failures, last_error, next_attempt, paused_reason) VALUES (@feed_id, @etag, @last_modified, @last_attempt, @last_success,
      @last_new_item, @failures, @last_error, @next_attempt, @paused_reason)`),
    forgetState: db.prepare('DELETE FROM feed_state WHERE feed_id = ?'),
    forgetItems: db.prepare('DELETE FROM feed_items WHERE feed_id = ?'),
    item: db.prepare<[string, string], ItemRow>('SELECT * FROM feed_items WHERE feed_id = ? AND guid = ?'),
    saveItem: db.prepare(`INSERT INTO feed_items (feed_id, guid, version, url, failures, first_seen, state, payload, rank, last_error,
        next_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (feed_id, guid) DO UPDATE SET version = excluded.version, url = excluded.url, failures = excluded.failures,
        state = excluded.state, payload = excluded.payload, rank = excluded.rank, last_error = excluded.last_error,
        next_attempt = excluded.next_attempt`),
    due: db.prepare<[{ feed: string; now: string | null; limit: number }], ItemRow>(`SELECT * FROM feed_items
      WHERE feed_id = @feed AND payload IS NOT NULL
        AND (state = 'waiting' OR (state = 'retry' AND (@now IS NULL OR next_attempt IS NULL OR next_attempt <= @now)))
      ORDER BY rank DESC, first_seen, guid LIMIT @limit`),
    counts: db.prepare<[string], { state: string; n: number }>(
      'SELECT state, count(*) AS n FROM feed_items WHERE feed_id = ? GROUP BY state',
    ),
    errors: db.prepare<[string, number], ItemRow>(`SELECT * FROM feed_items WHERE feed_id = ? AND last_error IS NOT NULL
        AND state IN ('retry', 'given-up') ORDER BY next_attempt DESC LIMIT ?`),
    pageByUrl: db.prepare<[string], SavedPage>('SELECT url, fingerprint, file FROM saved_pages WHERE url = ?'),
    pageByFingerprint: db.prepare<[string], SavedPage>('SELECT url, fingerprint, file FROM saved_pages WHERE fingerprint = ? LIMIT 1'),
    savePage: db.prepare(`INSERT INTO saved_pages (url, fingerprint, file, saved_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET fingerprint = excluded.fingerprint, file = excluded.file, saved_at = excluded.saved_at`),
  };
  const forget = db.transaction((feedId: string) => {
    q.forgetState.run(feedId);
    q.forgetItems.run(feedId);
  });
  return {
    feedState: (id) => {
      const r = q.state.get(id);
      return r ? toState(r) : undefined;
    },
    saveFeedState: (s) =>
      void q.saveState.run({
        feed_id: s.feedId,
        etag: s.etag,
        last_modified: s.lastModified,
        last_attempt: s.lastAttempt,
        last_success: s.lastSuccess,
        last_new_item: s.lastNewItem,
        failures: s.failures,
        last_error: s.lastError,
        next_attempt: s.nextAttempt,
        paused_reason: s.pausedReason,
      }),
    forgetFeed: (id) => forget(id),
    seenItems: (feedId, guids) => {
      const out = new Map<string, SeenItem>();
      for (const g of guids) {
        const r = q.item.get(feedId, g);
        if (r) out.set(g, toItem(r));
      }
      return out;
    },
    saveItem: (feedId, item, now) => void q.saveItem.run(...itemRowArgs(feedId, item, now)),
    dueItems: (feedId, now, limit) =>
      q.due
        .all({ feed: feedId, now: now ? now.toISOString() : null, limit })
        .map((r) => ({ ...toItem(r), payload: r.payload ?? '', rank: r.rank })),
    itemBacklog: (feedId) => toBacklog(q.counts.all(feedId), q.errors.all(feedId, BACKLOG_ERRORS)),
    pageByUrl: (url) => q.pageByUrl.get(url),
    pageByFingerprint: (fp) => q.pageByFingerprint.get(fp),
    savePage: (p, now) => void q.savePage.run(p.url, p.fingerprint, p.file, now.toISOString()),
  };
}
