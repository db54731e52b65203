// The watch store on the embedded SQLite store (migration 9).
import type Database from 'better-sqlite3';
import { ALERT_BATCH as BATCH, type AlertRow, newWatchId, toAlert, toWatch, type WatchRow } from './rows.js';
import type { SyncWatchStore } from './watch-store.js';

export function sqliteWatchStore(db: Database.Database): SyncWatchStore {
  const q = {
    insert: db.prepare(`INSERT INTO watches (id, guild_id, channel_id, rule, thread, hourly_cap, status, created_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`),
    one: db.prepare<[string], WatchRow>('SELECT * FROM watches WHERE id = ?'),
    all: db.prepare<[], WatchRow>('SELECT * FROM watches ORDER BY created_at, id'),
    ofGuild: db.prepare<[string], WatchRow>('SELECT * FROM watches WHERE guild_id = ? ORDER BY created_at, id'),
    remove: db.prepare('DELETE FROM watches WHERE id = ?'),
    status: db.prepare('UPDATE watches SET status = ?, pause_reason = ? WHERE id = ?'),
    pending: db.prepare<[], AlertRow>(`SELECT * FROM alerts WHERE status = 'pending' ORDER BY created_at`),
    claim: db.prepare(`INSERT INTO alerts (watch_id, article_id, channel_id, story, status, created_at, claimed_by)
      VALUES (?, ?, ?, ?, 'pending', ?, ?)
      ON CONFLICT (watch_id, article_id) DO NOTHING`),
    update: db.prepare(
      `UPDATE alerts SET status = ?, message_id = COALESCE(?, message_id), error = ? WHERE watch_id = ? AND article_id = ?`,
    ),
    alerts: db.prepare<[string, string], AlertRow>('SELECT * FROM alerts WHERE watch_id = ? AND created_at >= ? ORDER BY created_at DESC'),
    posted: db
      .prepare<[string, string]>(`SELECT count(*) FROM alerts WHERE channel_id = ? AND created_at >= ? AND status = 'posted'`)
      .pluck(),
    inChannel: db.prepare<[string, string, string, string], AlertRow>(`SELECT * FROM alerts WHERE channel_id = ? AND status = ?
      AND created_at > ? AND created_at <= ? ORDER BY created_at, watch_id, article_id`),
    checked: db.prepare<[], { up_to: string }>(`SELECT up_to FROM alerts_checked WHERE name = 'articles'`),
    batch: db.prepare(`INSERT INTO alerts_checked (name, up_to) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET up_to = excluded.up_to`),
    batchDone: db.prepare(`DELETE FROM alerts_checked WHERE name = ?`),
    batches: db.prepare<[], { name: string; up_to: string }>(`SELECT name, up_to FROM alerts_checked WHERE name LIKE '${BATCH}%'`),
    check: db.prepare(`INSERT INTO alerts_checked (name, up_to) VALUES ('articles', ?)
      ON CONFLICT (name) DO UPDATE SET up_to = excluded.up_to WHERE excluded.up_to > alerts_checked.up_to`),
    story: db.prepare<[string, string, string], AlertRow>(`SELECT * FROM alerts WHERE channel_id = ? AND story = ? AND created_at >= ?
      AND status = 'posted' ORDER BY created_at LIMIT 1`),
  };
  return {
    addWatch(w, now) {
      for (;;) {
        const id = newWatchId();
        if (q.one.get(id)) continue;
        q.insert.run(id, w.guildId, w.channelId, w.rule, w.thread ? 1 : 0, w.hourlyCap, w.createdBy, now.toISOString());
        return toWatch(q.one.get(id)!);
      }
    },
    watch: (id) => {
      const r = q.one.get(id);
      return r && toWatch(r);
    },
    watches: (guildId) => (guildId === undefined ? q.all.all() : q.ofGuild.all(guildId)).map(toWatch),
    removeWatch: (id) => q.remove.run(id).changes > 0,
    setWatchStatus: (id, status, reason = null) => void q.status.run(status, status === 'paused' ? reason : null, id),
    pendingAlerts: () => q.pending.all().map(toAlert),
    claimAlert: (watchId, articleId, channelId, story, now, by) =>
      q.claim.run(watchId, articleId, channelId, story, now.toISOString(), by).changes > 0,
    updateAlert: (watchId, articleId, status, o = {}) =>
      void q.update.run(status, o.messageId ?? null, o.error ?? null, watchId, articleId),
    alerts: (watchId, since) => q.alerts.all(watchId, since.toISOString()).map(toAlert),
    postedSince: (channelId, since) => q.posted.get(channelId, since.toISOString()) as number,
    alertsIn: (channelId, status, after, upTo) => q.inChannel.all(channelId, status, after.toISOString(), upTo.toISOString()).map(toAlert),
    alertsCheckedUpTo: () => q.checked.get()?.up_to ?? null,
    checkedAlertsUpTo: (upTo) => void q.check.run(upTo.toISOString()),
    alertBatch: (owner, at) => void (at ? q.batch.run(`${BATCH}${owner}`, at.toISOString()) : q.batchDone.run(`${BATCH}${owner}`)),
    alertBatches: () => q.batches.all().map((r) => ({ owner: r.name.slice(BATCH.length), at: r.up_to })),
    storyAlert: (channelId, story, since) => {
      const r = q.story.get(channelId, story, since.toISOString());
      return r && toAlert(r);
    },
  };
}
