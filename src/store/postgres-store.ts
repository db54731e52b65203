// The state store on PostgreSQL (DATABASE_URL=postgres://…), for several bot
// processes on one database. The tables and migrations are the SQLite store's
// (migrations.ts is plain SQL both accept); the version lives in a table, and
// migrating holds an advisory lock so two processes starting together do not
// both migrate. Every statement is a single round trip or one transaction.
import pg from 'pg';
import type { DocumentLog } from './document-log.js';
import type { WatchStore } from './watch-store.js';
import type { SavedPage } from './feed-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import {
  BACKLOG_ERRORS,
  type DeliveryRow,
  type AlertRow,
  type DocumentRow,
  SNAPSHOT_COLUMNS,
  snapshotArgs,
  type SnapshotRow,
  toSnapshot,
  type ItemRow,
  itemRowArgs,
  newId,
  type StateRow,
  type SubscriptionRow,
  toBacklog,
  toDelivery,
  toItem,
  toAlert,
  toLoggedDocument,
  toWatch,
  newWatchId,
  type WatchRow,
  toState,
  toSubscription,
  ALERT_BATCH,
} from './rows.js';
import { withCheckedOut } from './pg-checkout.js';
import { StoreError } from './store-error.js';
import type { Store } from './store.js';

/** Any number; the same in every process of this project, so they queue behind each other's migrations. */
const MIGRATION_LOCK = 7_267_364_001;

export interface PostgresOptions {
  /** A schema to keep the tables in (created if absent): tests use one each; deployments leave it to the URL's default. */
  schema?: string;
  /** Connections at most (default 5): the bot's state is small and its writes short. */
  maxConnections?: number;
}

/** The URL as it may be shown: without its password. */
export function shownUrl(url: string): string {
  if (!URL.canParse(url)) return 'DATABASE_URL';
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function migrate(pool: pg.Pool, url: string, schema: string | undefined): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Inside the lock: two processes creating the same schema at once would collide.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
    const current = row?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new StoreError(
        `${shownUrl(url)} was written by a newer version of briefing-bot (schema ${current}, this one knows ${SCHEMA_VERSION}). ` +
          'Upgrade, or point DATABASE_URL elsewhere.',
      );
    }
    for (const m of MIGRATIONS.filter((x) => x.version > current)) await client.query(m.sql);
    if (!row) await client.query('INSERT INTO schema_version (version) VALUES ($1)', [SCHEMA_VERSION]);
    else if (current < SCHEMA_VERSION) await client.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION]);
  });
}

/** Connects, migrates, and returns the store; a database that cannot be reached or used is a StoreError saying why. */
export async function openPostgresStore(url: string, o: PostgresOptions = {}): Promise<Store> {
  const schema = o.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new StoreError(`not a schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: o.maxConnections ?? 5,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server drops must not take the process down: the pool opens another.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, url, schema);
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof StoreError) throw e;
    const why = e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e);
    throw new StoreError(`cannot use the database at ${shownUrl(url)}: ${why}. Check DATABASE_URL and that the server runs.`);
  }
  return postgresStore(pool);
}

const rowsOf = async <R extends pg.QueryResultRow>(pool: pg.Pool, sql: string, args: unknown[] = []) =>
  (await pool.query<R>(sql, args)).rows;

async function inTransaction<T>(pool: pg.Pool, run: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return withCheckedOut(pool, async (client) => {
    try {
      await client.query('BEGIN');
      const out = await run(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
}

function postgresStore(pool: pg.Pool): Store {
  const sub = async (id: string) => (await rowsOf<SubscriptionRow>(pool, 'SELECT * FROM subscriptions WHERE id = $1', [id]))[0];
  const delivery = async (sql: string, args: unknown[]) => {
    const r = (await rowsOf<DeliveryRow>(pool, sql, args))[0];
    return r && toDelivery(r);
  };
  return {
    async addSubscription(s, now) {
      for (;;) {
        const rows = await rowsOf<SubscriptionRow>(
          pool,
          `INSERT INTO subscriptions (id, guild_id, channel_id, schedule, cron, timezone, topics, thread, skip_empty, chart, status,
             pause_reason, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', NULL, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING *`,
          [
            newId(),
            s.guildId,
            s.channelId,
            s.schedule,
            s.cron,
            s.timezone,
            JSON.stringify(s.topics),
            s.thread ? 1 : 0,
            s.skipEmpty ? 1 : 0,
            s.chart ? 1 : 0,
            s.createdBy,
            now.toISOString(),
          ],
        );
        if (rows[0]) return toSubscription(rows[0]);
      }
    },
    async subscription(id) {
      const r = await sub(id);
      return r && toSubscription(r);
    },
    async subscriptions(guildId) {
      const rows =
        guildId === undefined
          ? await rowsOf<SubscriptionRow>(pool, 'SELECT * FROM subscriptions ORDER BY created_at, id')
          : await rowsOf<SubscriptionRow>(pool, 'SELECT * FROM subscriptions WHERE guild_id = $1 ORDER BY created_at, id', [guildId]);
      return rows.map(toSubscription);
    },
    async removeSubscription(id) {
      return ((await pool.query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
    async setStatus(id, status, reason) {
      await pool.query('UPDATE subscriptions SET status = $1, pause_reason = $2 WHERE id = $3', [status, reason, id]);
    },
    async claimFire(subscriptionId, fireTime, now) {
      const at = fireTime.toISOString();
      const claimed = await pool.query(
        `INSERT INTO deliveries (subscription_id, fire_time, status, attempts, updated_at) VALUES ($1, $2, 'pending', 0, $3)
         ON CONFLICT (subscription_id, fire_time) DO NOTHING`,
        [subscriptionId, at, now.toISOString()],
      );
      const row = await delivery('SELECT * FROM deliveries WHERE subscription_id = $1 AND fire_time = $2', [subscriptionId, at]);
      return { delivery: row!, claimed: (claimed.rowCount ?? 0) > 0 };
    },
    async updateFire(subscriptionId, fireTime, u, now) {
      await pool.query(
        `UPDATE deliveries SET status = $3, message_id = COALESCE($4, message_id), thread_id = COALESCE($5, thread_id), error = $6,
           attempts = COALESCE($7, attempts), period_start = COALESCE($8, period_start), period_end = COALESCE($9, period_end),
           updated_at = $10
         WHERE subscription_id = $1 AND fire_time = $2`,
        [
          subscriptionId,
          fireTime,
          u.status,
          u.messageId ?? null,
          u.threadId ?? null,
          u.error ?? null,
          u.attempts ?? null,
          u.periodStart ?? null,
          u.periodEnd ?? null,
          now.toISOString(),
        ],
      );
    },
    latestFire: (id) => delivery('SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY fire_time DESC LIMIT 1', [id]),
    lastDelivered: (id) =>
      delivery(
        `SELECT * FROM deliveries WHERE subscription_id = $1 AND status IN ('delivered', 'empty')
         ORDER BY period_end DESC NULLS LAST, fire_time DESC LIMIT 1`,
        [id],
      ),
    async deliveries(id, limit = 10) {
      return (
        await rowsOf<DeliveryRow>(pool, 'SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY fire_time DESC LIMIT $2', [id, limit])
      ).map(toDelivery);
    },
    async pendingFires() {
      return (await rowsOf<DeliveryRow>(pool, `SELECT * FROM deliveries WHERE status = 'pending' ORDER BY fire_time`)).map(toDelivery);
    },
    async acquireLease(name, owner, ttlMs, now, takeFrom) {
      // One statement: the conflicting row is locked while its owner and expiry are compared, so two processes never both take it.
      await pool.query(
        `INSERT INTO leases (name, owner, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leases.owner = excluded.owner OR leases.expires_at < $4 OR leases.owner = $5`,
        [name, owner, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString(), takeFrom ?? null],
      );
      const r = (
        await rowsOf<{ owner: string; expires_at: string }>(pool, 'SELECT owner, expires_at FROM leases WHERE name = $1', [name])
      )[0]!;
      return { held: r.owner === owner, owner: r.owner, expiresAt: r.expires_at };
    },
    async releaseLease(name, owner) {
      await pool.query('DELETE FROM leases WHERE name = $1 AND owner = $2', [name, owner]);
    },
    async firstSighting(key, until, now) {
      // Both in one round trip: the expired keys go, and the key is recorded unless a process has it.
      const r = await pool.query(
        `WITH forgotten AS (DELETE FROM seen_requests WHERE until < $3)
         INSERT INTO seen_requests (key, until) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
        [key, until.toISOString(), now.toISOString()],
      );
      return r.rowCount === 1;
    },
    async recordArticles(ids, now) {
      if (ids.length === 0) return 0;
      const r = await pool.query(
        'INSERT INTO articles_seen (article_id, first_seen) SELECT unnest($1::text[]), $2 ON CONFLICT (article_id) DO NOTHING',
        [ids, now.toISOString()],
      );
      return r.rowCount ?? 0;
    },
    async articlesSeenBetween(after, upTo) {
      const rows = await rowsOf<{ article_id: string; first_seen: string }>(
        pool,
        'SELECT article_id, first_seen FROM articles_seen WHERE first_seen > $1 AND first_seen <= $2',
        [after.toISOString(), upTo.toISOString()],
      );
      return new Map(rows.map((r) => [r.article_id, r.first_seen]));
    },
    async feedState(id) {
      const r = (await rowsOf<StateRow>(pool, 'SELECT * FROM feed_state WHERE feed_id = $1', [id]))[0];
      return r ? toState(r) : undefined;
    },
    async saveFeedState(s) {
      await pool.query(
        `INSERT INTO feed_state (feed_id, etag, last_modified, last_attempt, last_success, last_new_item, failures, last_error,
           next_attempt, paused_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (feed_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           last_attempt = excluded.last_attempt, last_success = excluded.last_success, last_new_item = excluded.last_new_item,
           failures = excluded.failures, last_error = excluded.last_error, next_attempt = excluded.next_attempt,
           paused_reason = excluded.paused_reason`,
        [
          s.feedId,
          s.etag,
          s.lastModified,
          s.lastAttempt,
          s.lastSuccess,
          s.lastNewItem,
          s.failures,
          s.lastError,
          s.nextAttempt,
          s.pausedReason,
        ],
      );
    },
    async forgetFeed(id) {
      await inTransaction(pool, async (c) => {
        await c.query('DELETE FROM feed_state WHERE feed_id = $1', [id]);
        await c.query('DELETE FROM feed_items WHERE feed_id = $1', [id]);
      });
    },
    async seenItems(feedId, guids) {
      const rows = await rowsOf<ItemRow>(pool, 'SELECT * FROM feed_items WHERE feed_id = $1 AND guid = ANY($2)', [feedId, [...guids]]);
      return new Map(rows.map((r) => [r.guid, toItem(r)]));
    },
    async saveItem(feedId, item, now) {
      await pool.query(
        `INSERT INTO feed_items (feed_id, guid, version, url, failures, first_seen, state, payload, rank, last_error, next_attempt)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (feed_id, guid) DO UPDATE SET version = excluded.version, url = excluded.url, failures = excluded.failures,
           state = excluded.state, payload = excluded.payload, rank = excluded.rank, last_error = excluded.last_error,
           next_attempt = excluded.next_attempt`,
        [...itemRowArgs(feedId, item, now)],
      );
    },
    async dueItems(feedId, now, limit) {
      const rows = await rowsOf<ItemRow>(
        pool,
        `SELECT * FROM feed_items WHERE feed_id = $1 AND payload IS NOT NULL
           AND (state = 'waiting' OR (state = 'retry' AND ($2::text IS NULL OR next_attempt IS NULL OR next_attempt <= $2)))
         ORDER BY rank COLLATE "C" DESC, first_seen, guid COLLATE "C" LIMIT $3`,
        [feedId, now ? now.toISOString() : null, limit],
      );
      return rows.map((r) => ({ ...toItem(r), payload: r.payload ?? '', rank: r.rank }));
    },
    async itemBacklog(feedId) {
      const counts = await rowsOf<{ state: string; n: string }>(
        pool,
        'SELECT state, count(*) AS n FROM feed_items WHERE feed_id = $1 GROUP BY state',
        [feedId],
      );
      const errors = await rowsOf<ItemRow>(
        pool,
        `SELECT * FROM feed_items WHERE feed_id = $1 AND last_error IS NOT NULL AND state IN ('retry', 'given-up')
         ORDER BY next_attempt DESC NULLS LAST LIMIT $2`,
        [feedId, BACKLOG_ERRORS],
      );
      return toBacklog(counts, errors);
    },
    async pageByUrl(url) {
      return (await rowsOf<SavedPage>(pool, 'SELECT url, fingerprint, file FROM saved_pages WHERE url = $1', [url]))[0];
    },
    async pageByFingerprint(fp) {
      return (await rowsOf<SavedPage>(pool, 'SELECT url, fingerprint, file FROM saved_pages WHERE fingerprint = $1 LIMIT 1', [fp]))[0];
    },
    async savePage(p, now) {
      await pool.query(
        `INSERT INTO saved_pages (url, fingerprint, file, saved_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (url) DO UPDATE SET fingerprint = excluded.fingerprint, file = excluded.file, saved_at = excluded.saved_at`,
        [p.url, p.fingerprint, p.file, now.toISOString()],
      );
    },
    ...postgresDocumentLog(pool),
    ...postgresWatchStore(pool),
    async close() {
      await pool.end();
    },
  };
}

function postgresDocumentLog(pool: pg.Pool): DocumentLog {
  const shas = async (q: pg.Pool | pg.PoolClient, paths: readonly string[]) =>
    new Map(
      (await q.query<{ path: string; sha: string }>('SELECT path, sha FROM documents WHERE path = ANY($1)', [[...paths]])).rows.map((r) => [
        r.path,
        r.sha,
      ]),
    );
  return {
    async putDocuments(docs, now) {
      if (docs.length === 0) return 0;
      return inTransaction(pool, async (c) => {
        // Writers one at a time: a reader that has seen number N never later meets a row numbered below it.
        await c.query('LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE');
        const logged = await shas(
          c,
          docs.map((d) => d.path),
        );
        const fresh = [...new Map(docs.filter((d) => logged.get(d.path) !== d.sha).map((d) => [d.path, d])).values()];
        if (fresh.length === 0) return 0;
        const last = Number((await c.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM documents')).rows[0]?.seq ?? 0);
        await c.query(
          `INSERT INTO documents (path, seq, sha, content, modified, saved_at)
           SELECT d.path, d.seq, d.sha, d.content, d.modified, $6
             FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS d (path, seq, sha, content, modified)
           ON CONFLICT (path) DO UPDATE SET seq = excluded.seq, sha = excluded.sha, content = excluded.content,
             modified = excluded.modified, saved_at = excluded.saved_at`,
          [
            fresh.map((d) => d.path),
            fresh.map((_, i) => last + i + 1),
            fresh.map((d) => d.sha),
            fresh.map((d) => d.content),
            fresh.map((d) => d.modified),
            now.toISOString(),
          ],
        );
        return fresh.length;
      });
    },
    async documentsSince(seq, limit) {
      return (await rowsOf<DocumentRow>(pool, 'SELECT * FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit])).map(
        toLoggedDocument,
      );
    },
    documentShas: (paths) => shas(pool, paths),
    async documentAt(path) {
      const row = (await rowsOf<DocumentRow>(pool, 'SELECT * FROM documents WHERE path = $1', [path]))[0];
      return row ? toLoggedDocument(row) : null;
    },
    async lastSeq() {
      return Number((await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM documents')).rows[0]?.seq ?? 0);
    },
    async putSnapshotChunk(id, n, data) {
      await pool.query(
        `INSERT INTO corpus_snapshot_chunks (snapshot_id, n, data) VALUES ($1, $2, $3)
         ON CONFLICT (snapshot_id, n) DO UPDATE SET data = excluded.data`,
        [id, n, data],
      );
    },
    async commitSnapshot(s) {
      await inTransaction(pool, async (c) => {
        await c.query('DELETE FROM corpus_snapshots');
        await c.query(`INSERT INTO corpus_snapshots (${SNAPSHOT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, snapshotArgs(s));
        await c.query('DELETE FROM corpus_snapshot_chunks WHERE snapshot_id <> $1', [s.id]);
      });
    },
    async latestSnapshot() {
      const row = (await rowsOf<SnapshotRow>(pool, 'SELECT * FROM corpus_snapshots ORDER BY made_at DESC, id DESC LIMIT 1'))[0];
      return row ? toSnapshot(row) : null;
    },
    async snapshotChunk(id, n) {
      const rows = await rowsOf<{ data: string }>(pool, 'SELECT data FROM corpus_snapshot_chunks WHERE snapshot_id = $1 AND n = $2', [
        id,
        n,
      ]);
      return rows[0]?.data ?? null;
    },
  };
}

function postgresWatchStore(pool: pg.Pool): WatchStore {
  const one = async (id: string) => (await rowsOf<WatchRow>(pool, 'SELECT * FROM watches WHERE id = $1', [id]))[0];
  return {
    async addWatch(w, now) {
      for (;;) {
        const id = newWatchId();
        const r = await pool.query(
          `INSERT INTO watches (id, guild_id, channel_id, rule, thread, hourly_cap, status, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8) ON CONFLICT (id) DO NOTHING`,
          [id, w.guildId, w.channelId, w.rule, w.thread ? 1 : 0, w.hourlyCap, w.createdBy, now.toISOString()],
        );
        if (r.rowCount === 1) return toWatch((await one(id))!);
      }
    },
    async watch(id) {
      const r = await one(id);
      return r && toWatch(r);
    },
    async watches(guildId) {
      const rows =
        guildId === undefined
          ? await rowsOf<WatchRow>(pool, 'SELECT * FROM watches ORDER BY created_at, id')
          : await rowsOf<WatchRow>(pool, 'SELECT * FROM watches WHERE guild_id = $1 ORDER BY created_at, id', [guildId]);
      return rows.map(toWatch);
    },
    async removeWatch(id) {
      return ((await pool.query('DELETE FROM watches WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
    async setWatchStatus(id, status, reason = null) {
      await pool.query('UPDATE watches SET status = $1, pause_reason = $2 WHERE id = $3', [
        status,
        status === 'paused' ? reason : null,
        id,
      ]);
    },
    async pendingAlerts() {
      return (await rowsOf<AlertRow>(pool, `SELECT * FROM alerts WHERE status = 'pending' ORDER BY created_at`)).map(toAlert);
    },
    async claimAlert(watchId, articleId, channelId, story, now, by) {
      const r = await pool.query(
        `INSERT INTO alerts (watch_id, article_id, channel_id, story, status, created_at, claimed_by)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6) ON CONFLICT (watch_id, article_id) DO NOTHING`,
        [watchId, articleId, channelId, story, now.toISOString(), by],
      );
      return r.rowCount === 1;
    },
    async updateAlert(watchId, articleId, status, o = {}) {
      await pool.query(
        'UPDATE alerts SET status = $1, message_id = COALESCE($2, message_id), error = $3 WHERE watch_id = $4 AND article_id = $5',
        [status, o.messageId ?? null, o.error ?? null, watchId, articleId],
      );
    },
    async alerts(watchId, since) {
      return (
        await rowsOf<AlertRow>(pool, 'SELECT * FROM alerts WHERE watch_id = $1 AND created_at >= $2 ORDER BY created_at DESC', [
          watchId,
          since.toISOString(),
        ])
      ).map(toAlert);
    },
    async postedSince(channelId, since) {
      const r = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM alerts WHERE channel_id = $1 AND created_at >= $2 AND status = 'posted'`,
        [channelId, since.toISOString()],
      );
      return Number(r.rows[0]?.n ?? 0);
    },
    async alertsIn(channelId, status, after, upTo) {
      return (
        await rowsOf<AlertRow>(
          pool,
          `SELECT * FROM alerts WHERE channel_id = $1 AND status = $2 AND created_at > $3 AND created_at <= $4
           ORDER BY created_at, watch_id, article_id`,
          [channelId, status, after.toISOString(), upTo.toISOString()],
        )
      ).map(toAlert);
    },
    async alertsCheckedUpTo() {
      return (await rowsOf<{ up_to: string }>(pool, `SELECT up_to FROM alerts_checked WHERE name = 'articles'`))[0]?.up_to ?? null;
    },
    async checkedAlertsUpTo(upTo) {
      await pool.query(
        `INSERT INTO alerts_checked (name, up_to) VALUES ('articles', $1)
         ON CONFLICT (name) DO UPDATE SET up_to = excluded.up_to WHERE excluded.up_to > alerts_checked.up_to`,
        [upTo.toISOString()],
      );
    },
    async alertBatch(owner, at) {
      if (at)
        await pool.query(
          `INSERT INTO alerts_checked (name, up_to) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET up_to = excluded.up_to`,
          [`${ALERT_BATCH}${owner}`, at.toISOString()],
        );
      else await pool.query('DELETE FROM alerts_checked WHERE name = $1', [`${ALERT_BATCH}${owner}`]);
    },
    async alertBatches() {
      const rows = await rowsOf<{ name: string; up_to: string }>(
        pool,
        `SELECT name, up_to FROM alerts_checked WHERE name LIKE '${ALERT_BATCH}%'`,
      );
      return rows.map((r) => ({ owner: r.name.slice(ALERT_BATCH.length), at: r.up_to }));
    },
    async storyAlert(channelId, story, since) {
      const r = (
        await rowsOf<AlertRow>(
          pool,
          `SELECT * FROM alerts WHERE channel_id = $1 AND story = $2 AND created_at >= $3 AND status = 'posted'
           ORDER BY created_at LIMIT 1`,
          [channelId, story, since.toISOString()],
        )
      )[0];
      return r && toAlert(r);
    },
  };
}
