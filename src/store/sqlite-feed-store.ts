// FeedStore on the embedded SQLite store (tables from migration 3).
import type Database from 'better-sqlite3';
import type { SavedPage, SeenItem, SyncFeedStore } from './feed-store.js';
import { type StateRow, toState } from './rows.js';

export function sqliteFeedStore(db: Database.Database): SyncFeedStore {
  const q = {
    state: db.prepare<[string], StateRow>('SELECT * FROM feed_state WHERE feed_id = ?'),
    saveState: db.prepare(`INSERT OR REPLACE INTO feed_state (feed_id, etag, last_modified, last_attempt, last_success, last_new_item,
      failures, last_error, next_attempt, paused_reason) VALUES (@feed_id, @etag, @last_modified, @last_attempt, @last_success,
      @last_new_item, @failures, @last_error, @next_attempt, @paused_reason)`),
    forgetState: db.prepare('DELETE FROM feed_state WHERE feed_id = ?'),
    forgetItems: db.prepare('DELETE FROM feed_items WHERE feed_id = ?'),
    item: db.prepare<[string, string], { guid: string; version: string; url: string | null; failures: number }>(
      'SELECT guid, version, url, failures FROM feed_items WHERE feed_id = ? AND guid = ?',
    ),
    saveItem: db.prepare(`INSERT INTO feed_items (feed_id, guid, version, url, failures, first_seen) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (feed_id, guid) DO UPDATE SET version = excluded.version, url = excluded.url, failures = excluded.failures`),
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
        if (r) out.set(g, r);
      }
      return out;
    },
    saveItem: (feedId, item, now) => void q.saveItem.run(feedId, item.guid, item.version, item.url, item.failures, now.toISOString()),
    pageByUrl: (url) => q.pageByUrl.get(url),
    pageByFingerprint: (fp) => q.pageByFingerprint.get(fp),
    savePage: (p, now) => void q.savePage.run(p.url, p.fingerprint, p.file, now.toISOString()),
  };
}
