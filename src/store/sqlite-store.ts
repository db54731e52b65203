// The embedded default Store: one SQLite file through better-sqlite3, in WAL
// mode so readers never wait for the scheduler's writes. Opening runs any
// migrations not yet applied; a file from a newer version, or one that is not
// a database, is refused with a message instead of being touched.
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { sqliteDocumentLog } from './sqlite-document-log.js';
import { sqliteFeedStore } from './sqlite-feed-store.js';
import { sqliteWatchStore } from './sqlite-watch-store.js';
import { settled } from '../async.js';
import { StoreError } from './store-error.js';
import { type DeliveryRow, newId, type SubscriptionRow, toDelivery, toSubscription } from './rows.js';
import type { DeliveryUpdate, LeaseState, NewSubscription, Store, Subscription, SyncStore } from './store.js';

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      `${file} was written by a newer version of briefing-bot (schema ${current}, this one knows ${SCHEMA_VERSION}). Upgrade, or point ` +
        `DATABASE_URL elsewhere.`,
    );
  }
  for (const m of MIGRATIONS.filter((x) => x.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export function openSqliteStore(file: string): Store {
  return settled(openSyncSqliteStore(file));
}

function openSyncSqliteStore(file: string): SyncStore {
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError(
      `cannot open the database ${file}: ${e instanceof Error ? e.message : String(e)}. It is left as it is; move it aside or point ` +
        `DATABASE_URL elsewhere.`,
    );
  }
  const q = {
    insertSub: db.prepare(`INSERT INTO subscriptions (id, guild_id, channel_id, schedule, cron, timezone, topics, thread, skip_empty,
        chart, status, pause_reason, created_by, created_at)
      VALUES (@id, @guild_id, @channel_id, @schedule, @cron, @timezone, @topics, @thread, @skip_empty, @chart, 'active', NULL,
        @created_by, @created_at)`),
    sub: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?'),
    subs: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY created_at, id'),
    guildSubs: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY created_at, id'),
    removeSub: db.prepare('DELETE FROM subscriptions WHERE id = ?'),
    setStatus: db.prepare('UPDATE subscriptions SET status = ?, pause_reason = ? WHERE id = ?'),
    claim: db.prepare(
      `INSERT OR IGNORE INTO deliveries (subscription_id, fire_time, status, attempts, updated_at) VALUES (?, ?, 'pending', 0, ?)`,
    ),
    fire: db.prepare<[string, string], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? AND fire_time = ?'),
    update: db.prepare(`UPDATE deliveries SET status = @status, message_id = COALESCE(@message_id, message_id),
        thread_id = COALESCE(@thread_id, thread_id),
      error = @error, attempts = COALESCE(@attempts, attempts), period_start = COALESCE(@period_start, period_start),
        period_end = COALESCE(@period_end, period_end),
      updated_at = @updated_at WHERE subscription_id = @subscription_id AND fire_time = @fire_time`),
    latest: db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY fire_time DESC LIMIT 1'),
    lastDelivered: db.prepare<[string], DeliveryRow>(
      `SELECT * FROM deliveries WHERE subscription_id = ? AND status IN ('delivered', 'empty') ORDER BY period_end DESC, fire_time ` +
        `DESC LIMIT 1`,
    ),
    history: db.prepare<[string, number], DeliveryRow>(
      'SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY fire_time DESC LIMIT ?',
    ),
    pending: db.prepare<[], DeliveryRow>(`SELECT * FROM deliveries WHERE status = 'pending' ORDER BY fire_time`),
    seen: db.prepare('INSERT OR IGNORE INTO articles_seen (article_id, first_seen) VALUES (?, ?)'),
    seenBetween: db.prepare<[string, string], { article_id: string; first_seen: string }>(
      'SELECT article_id, first_seen FROM articles_seen WHERE first_seen > ? AND first_seen <= ?',
    ),
  };
  const lease = {
    take: db.prepare(`INSERT INTO leases (name, owner, expires_at) VALUES (@name, @owner, @until)
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner,
        expires_at = excluded.expires_at WHERE leases.owner = excluded.owner OR leases.expires_at < @now OR leases.owner = @from`),
    read: db.prepare<[string], { owner: string; expires_at: string }>('SELECT owner, expires_at FROM leases WHERE name = ?'),
    release: db.prepare('DELETE FROM leases WHERE name = ? AND owner = ?'),
  };
  const seen = {
    forget: db.prepare('DELETE FROM seen_requests WHERE until < ?'),
    record: db.prepare('INSERT INTO seen_requests (key, until) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
  };
  const acquireLease = db.transaction((name: string, owner: string, until: string, now: string, from: string | null): LeaseState => {
    lease.take.run({ name, owner, until, now, from });
    const r = lease.read.get(name)!;
    return { held: r.owner === owner, owner: r.owner, expiresAt: r.expires_at };
  });
  const recordArticles = db.transaction((ids: readonly string[], at: string) => ids.reduce((n, id) => n + q.seen.run(id, at).changes, 0));

  return {
    ...sqliteFeedStore(db),
    ...sqliteDocumentLog(db),
    ...sqliteWatchStore(db),
    addSubscription(s: NewSubscription, now: Date): Subscription {
      for (;;) {
        const id = newId();
        if (q.sub.get(id)) continue;
        q.insertSub.run({
          id,
          guild_id: s.guildId,
          channel_id: s.channelId,
          schedule: s.schedule,
          cron: s.cron,
          timezone: s.timezone,
          topics: JSON.stringify(s.topics),
          thread: s.thread ? 1 : 0,
          skip_empty: s.skipEmpty ? 1 : 0,
          chart: s.chart ? 1 : 0,
          created_by: s.createdBy,
          created_at: now.toISOString(),
        });
        return toSubscription(q.sub.get(id)!);
      }
    },
    subscription: (id) => {
      const r = q.sub.get(id);
      return r && toSubscription(r);
    },
    subscriptions: (guildId) => (guildId === undefined ? q.subs.all() : q.guildSubs.all(guildId)).map(toSubscription),
    removeSubscription: (id) => q.removeSub.run(id).changes > 0,
    setStatus: (id, status, reason) => void q.setStatus.run(status, reason, id),
    claimFire(subscriptionId, fireTime, now) {
      const at = fireTime.toISOString();
      const claimed = q.claim.run(subscriptionId, at, now.toISOString()).changes > 0;
      return { delivery: toDelivery(q.fire.get(subscriptionId, at)!), claimed };
    },
    updateFire(subscriptionId, fireTime, u: DeliveryUpdate, now) {
      q.update.run({
        subscription_id: subscriptionId,
        fire_time: fireTime,
        status: u.status,
        message_id: u.messageId ?? null,
        thread_id: u.threadId ?? null,
        error: u.error ?? null,
        attempts: u.attempts ?? null,
        period_start: u.periodStart ?? null,
        period_end: u.periodEnd ?? null,
        updated_at: now.toISOString(),
      });
    },
    latestFire: (id) => {
      const r = q.latest.get(id);
      return r && toDelivery(r);
    },
    lastDelivered: (id) => {
      const r = q.lastDelivered.get(id);
      return r && toDelivery(r);
    },
    deliveries: (id, limit = 10) => q.history.all(id, limit).map(toDelivery),
    pendingFires: () => q.pending.all().map(toDelivery),
    // IMMEDIATE: the write lock is taken before the lease is read, so two processes cannot both see it free.
    acquireLease: (name, owner, ttlMs, now, takeFrom) =>
      acquireLease.immediate(name, owner, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString(), takeFrom ?? null),
    releaseLease: (name, owner) => void lease.release.run(name, owner),
    firstSighting: (key, until, now) => {
      seen.forget.run(now.toISOString());
      return seen.record.run(key, until.toISOString()).changes === 1;
    },
    recordArticles: (ids, now) => recordArticles(ids, now.toISOString()),
    articlesSeenBetween: (after, upTo) =>
      new Map(q.seenBetween.all(after.toISOString(), upTo.toISOString()).map((r) => [r.article_id, r.first_seen])),
    close: () => db.close(),
  };
}
