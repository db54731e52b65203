// Versioned schema changes, applied in order inside one transaction each.
// The version lives in SQLite's user_version; never edit a shipped step, add one.

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        schedule TEXT NOT NULL,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        topics TEXT NOT NULL,
        thread INTEGER NOT NULL,
        skip_empty INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused')),
        pause_reason TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX subscriptions_guild ON subscriptions (guild_id);
      CREATE TABLE deliveries (
        subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        fire_time TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'empty', 'skipped', 'failed')),
        message_id TEXT,
        thread_id TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        period_start TEXT,
        period_end TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, fire_time)
      );
      CREATE TABLE articles_seen (
        article_id TEXT PRIMARY KEY,
        first_seen TEXT NOT NULL
      );
    `,
  },
  {
    // One scheduler per database: the process holding the lease runs the digest schedule.
    version: 2,
    sql: `
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    // Followed feeds: conditional-GET validators, failure streaks, the items seen, and the pages saved in raw/.
    version: 3,
    sql: `
      CREATE TABLE feed_state (
        feed_id TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_attempt TEXT,
        last_success TEXT,
        last_new_item TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt TEXT,
        paused_reason TEXT
      );
      CREATE TABLE feed_items (
        feed_id TEXT NOT NULL,
        guid TEXT NOT NULL,
        version TEXT NOT NULL,
        url TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (feed_id, guid)
      );
      CREATE TABLE saved_pages (
        url TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        file TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE INDEX saved_pages_fingerprint ON saved_pages (fingerprint);
    `,
  },
  {
    // A digest carries the period's timeline chart unless its subscription turns it off.
    version: 4,
    sql: `ALTER TABLE subscriptions ADD COLUMN chart INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    // Signed interaction requests seen, until their signature is too old to be accepted anyway: a request
    // replayed to any replica is refused, not only to the one that saw it.
    version: 5,
    sql: `
      CREATE TABLE seen_requests (
        key TEXT PRIMARY KEY,
        until TEXT NOT NULL
      );
      CREATE INDEX seen_requests_until ON seen_requests (until);
    `,
  },
  {
    // Feed items as a queue of their own, apart from the feed's conditional GET: an item waits (more new items than one
    // poll reads), is retried with backoff, or is given up, with its reason and the feed's copy of it (so it can be fetched
    // when the feed answers 304). Items that were failing are retried once the feed is read in full again.
    version: 6,
    sql: `
      ALTER TABLE feed_items ADD COLUMN state TEXT NOT NULL DEFAULT 'done';
      ALTER TABLE feed_items ADD COLUMN payload TEXT;
      ALTER TABLE feed_items ADD COLUMN rank TEXT NOT NULL DEFAULT '';
      ALTER TABLE feed_items ADD COLUMN last_error TEXT;
      ALTER TABLE feed_items ADD COLUMN next_attempt TEXT;
      UPDATE feed_items SET state = CASE WHEN failures >= 3 THEN 'given-up' WHEN failures > 0 THEN 'retry' ELSE 'done' END;
      UPDATE feed_state SET etag = NULL, last_modified = NULL
        WHERE feed_id IN (SELECT feed_id FROM feed_items WHERE state = 'retry');
      CREATE INDEX feed_items_queue ON feed_items (feed_id, state, rank);
    `,
  },
  {
    // The shared document log (document-log.ts): raw documents, the feed list and the gazetteer, each change numbered in order.
    version: 7,
    sql: `
      CREATE TABLE documents (
        path TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        sha TEXT NOT NULL,
        content TEXT NOT NULL,
        modified TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX documents_seq ON documents (seq);
    `,
  },
  {
    // A digest reads the articles first seen in its period: a range on this index, not the whole table.
    version: 8,
    sql: `CREATE INDEX articles_seen_first_seen ON articles_seen (first_seen);`,
  },
  {
    // Watch rules and their alerts (watch-store.ts): one alert per watch and article.
    version: 9,
    sql: `
      CREATE TABLE watches (
        id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        thread INTEGER NOT NULL,
        hourly_cap INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused')),
        pause_reason TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX watches_guild ON watches (guild_id);
      CREATE TABLE alerts (
        watch_id TEXT NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        story TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'also-reported', 'rolled-up', 'failed')),
        message_id TEXT,
        error TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (watch_id, article_id)
      );
      CREATE INDEX alerts_channel ON alerts (channel_id, created_at);
      CREATE INDEX alerts_story ON alerts (channel_id, story, created_at);
      CREATE TABLE alerts_checked (
        name TEXT PRIMARY KEY,
        up_to TEXT NOT NULL
      );
    `,
  },
  {
    // Corpus snapshots (document-log.ts): a compacted copy of the corpus file, gzipped, in base64 chunks, with the
    // document log number it reflects, so a new process loads it and ingests only what changed. Chunks are written
    // before their snapshot's row, which makes them visible all at once.
    version: 10,
    sql: `
      CREATE TABLE corpus_snapshots (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        sha TEXT NOT NULL,
        bytes BIGINT NOT NULL,
        chunks INTEGER NOT NULL,
        made_at TEXT NOT NULL
      );
      CREATE TABLE corpus_snapshot_chunks (
        snapshot_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, n)
      );
    `,
  },
  {
    // Who claimed an alert (a process owner, process-owner.ts): a claim whose process has ended is finished at once
    // by the next process on that machine, not after the grace.
    version: 11,
    sql: `ALTER TABLE alerts ADD COLUMN claimed_by TEXT;`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
