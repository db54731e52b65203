// Publishing the corpus to PostgreSQL, for replicas that answer from one
// database. Ingest keeps running on its SQLite file (it needs its own
// bookkeeping: files, copies, template keys); after it, this copies what
// changed to Postgres, so ingest's work is done once and every replica sees
// the new rows with nothing to rebuild.
//
// What changed is recorded by triggers in the SQLite file, installed the
// first time: the row number of every article whose rows were written or
// deleted, and every name and entity count that changed, each stamped with a
// clock. A publish moves the clock on, copies every article stamped before,
// and forgets those stamps once Postgres has committed, so a change made
// meanwhile is published next time, and a publish cut short is simply done
// again. A new SQLite file (a rebuild) has a new generation: everything is
// published again, in one transaction, so a replica never answers from half.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Gazetteer } from '../schema.js';
import { indexedTerms } from '../search-terms.js';
import { openForReading, type Db } from '../db/corpus-db.js';
import { ARTICLE_TABLES, PG_CORPUS_INDEXES, PG_CORPUS_SCHEMA_VERSION, PG_CORPUS_TABLES } from './pg-corpus-schema.js';
import { lexemesOf, tsvectorOf } from './pg-text-query.js';
import { withCheckedOut } from '../../store/pg-checkout.js';

/** Any number; the same in every process, so two publishers take turns. */
const PUBLISH_LOCK = 7_267_364_002;
/** Articles copied per round trip: the rows of 500 articles are a few MB of JSON. */
const BATCH = 500;

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS publish_clock (n INTEGER NOT NULL);
INSERT INTO publish_clock (n) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM publish_clock);
CREATE TABLE IF NOT EXISTS publish_articles (article INTEGER PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS publish_names (name TEXT PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS publish_counts (type TEXT NOT NULL, entity TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (type, entity));
`;

/** A trigger per table and change, each stamping the key it touched with the clock. */
function triggers(): string {
  const stamp = (table: string, cols: string, values: string) =>
    `INSERT INTO ${table} (${cols}, at) VALUES (${values}, (SELECT n FROM publish_clock)) ON CONFLICT DO UPDATE SET at = excluded.at;`;
  const out: string[] = [];
  const on = (table: string, target: string, cols: string, key: (row: 'NEW' | 'OLD') => string) => {
    for (const [event, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      out.push(
        `CREATE TRIGGER IF NOT EXISTS publish_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} ` +
          `BEGIN ${stamp(target, cols, key(row))} END;`,
      );
    }
  };
  for (const [table, column] of ARTICLE_TABLES) on(table, 'publish_articles', 'article', (r) => `${r}.${column}`);
  on('names', 'publish_names', 'name', (r) => `${r}.name`);
  on('entity_counts', 'publish_counts', 'type, entity', (r) => `${r}.type, ${r}.entity`);
  return out.join('\n');
}

export interface PublishTarget {
  url: string;
  /** The Postgres schema of the corpus tables (DEFAULT_CORPUS_SCHEMA in deployments; one per test). */
  schema: string;
}

export interface PublishOptions {
  /** Told what a long publish is doing. */
  log?: (line: string) => void;
  /**
   * Leave a corpus published from another SQLite file as it is (publish only over an empty database or this
   * file's own corpus): what a process starting up does, so a standby with a data folder of its own does not
   * replace what the active worker published.
   */
  keepAnother?: boolean;
}

export interface PublishReport {
  /** Everything was copied: a first publish, a rebuilt SQLite file, or new Postgres tables. */
  full: boolean;
  /** Nothing was done: another file's corpus is there, and keepAnother was asked for. */
  keptAnother: boolean;
  /** Articles whose rows were copied, and those removed from Postgres. */
  published: number;
  removed: number;
  ms: number;
}

type Row = Record<string, unknown>;

function sqliteSide(db: Db) {
  const ids = `(SELECT value FROM json_each(?))`;
  const rowsOf = (table: string, column: string) => db.prepare(`SELECT * FROM ${table} WHERE ${column} IN ${ids}`);
  return {
    articles: ARTICLE_TABLES.map(([table, column]) => [table, rowsOf(table, column)] as const),
    names: db.prepare(`SELECT * FROM names WHERE name IN ${ids}`),
    counts: db.prepare(`SELECT * FROM entity_counts WHERE type || char(31) || entity IN ${ids}`),
    meta: db.prepare(`SELECT key, value FROM meta`),
    lastArticle: db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'articles'`).pluck(),
  };
}

/** What is published in `schema` now: its table version and the SQLite file it came from; null when nothing is. */
async function publishedState(client: pg.PoolClient, schema: string): Promise<{ version?: string; generation?: string } | null> {
  const has = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'meta'`, [schema]);
  if (!has.rowCount) return null;
  const rows = (await client.query(`SELECT key, value FROM ${schema}.meta WHERE key IN ('pg_schema_version', 'generation')`)).rows as {
    key: string;
    value: string;
  }[];
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  return { version: get('pg_schema_version'), generation: get('generation') };
}

/** Copies what changed in the SQLite corpus under `build` to Postgres; `gazetteer` is stored beside it for the replicas. */
export async function publishCorpus(
  build: string,
  target: PublishTarget,
  gazetteer: Gazetteer,
  o: PublishOptions = {},
): Promise<PublishReport> {
  // Room for the _next and _old suffixes of a whole publish.
  if (!/^[a-z_][a-z0-9_]{0,57}$/.test(target.schema)) throw new Error(`not a schema name: ${target.schema}`);
  const started = performance.now();
  const opened = openForReading(build);
  if ('problem' in opened) throw new Error(`the corpus cannot be published: ${opened.problem}`);
  const db = opened.db;
  const pool = new pg.Pool({ connectionString: target.url, max: 1, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  try {
    return await withCheckedOut(pool, (client) => publishWith(db, client, target.schema, gazetteer, o, started));
  } finally {
    db.close();
    await pool.end().catch(() => undefined);
  }
}

async function publishWith(
  db: Db,
  client: pg.PoolClient,
  schema: string,
  gazetteer: Gazetteer,
  o: PublishOptions,
  started: number,
): Promise<PublishReport> {
  const log = o.log ?? (() => {});
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
    const state = await publishedState(client, schema);
    const fresh = state?.version !== String(PG_CORPUS_SCHEMA_VERSION);
    const published = state?.generation;

    // The clock moves on in one write: every change stamped before it is this publish's to copy.
    const clock = db.transaction(() => {
      db.exec(BOOKKEEPING);
      // A new file (a rebuild) gets a new generation the first time it is published.
      db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', ?)`).run(randomUUID());
      db.exec(triggers());
      const at = db.prepare(`SELECT n FROM publish_clock`).pluck().get() as number;
      db.prepare(`UPDATE publish_clock SET n = n + 1`).run();
      const generation = db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).pluck().get() as string;
      const full = fresh || published !== generation;
      if (full && o.keepAnother && state !== null) return { at, full, keep: true };
      if (full) {
        // Everything, stamped now: the copy below then is the ordinary one.
        db.prepare(`INSERT OR REPLACE INTO publish_articles (article, at) SELECT rowid, ? FROM articles`).run(at);
        db.prepare(`INSERT OR REPLACE INTO publish_names (name, at) SELECT name, ? FROM names`).run(at);
        db.prepare(`INSERT OR REPLACE INTO publish_counts (type, entity, at) SELECT type, entity, ? FROM entity_counts`).run(at);
      }
      return { at, full, keep: false };
    })();
    if (clock.keep) {
      await client.query('ROLLBACK');
      return { full: false, keptAnother: true, published: 0, removed: 0, ms: Math.round(performance.now() - started) };
    }

    // A whole corpus is built beside the one replicas read (no lock on it, indexes made once at the end),
    // and put in its place when complete; what changed is replaced in place, article by article.
    const building = clock.full ? `${schema}_next` : schema;
    if (clock.full) {
      log('publishing the whole corpus to Postgres');
      await client.query(`DROP SCHEMA IF EXISTS ${building} CASCADE`);
      await client.query(`CREATE SCHEMA ${building}`);
      await client.query(`SET LOCAL search_path = ${building}`);
      await client.query(PG_CORPUS_TABLES);
    } else await client.query(`SET LOCAL search_path = ${schema}`);
    const sqlite = sqliteSide(db);
    const articleIds = db.prepare(`SELECT article FROM publish_articles WHERE at <= ? ORDER BY article`).pluck().all(clock.at) as number[];
    let copied = 0;
    let removed = 0;
    for (let i = 0; i < articleIds.length; i += BATCH) {
      const batch = articleIds.slice(i, i + BATCH);
      const n = await copyArticles(client, sqlite, batch, !clock.full);
      copied += n;
      removed += batch.length - n;
      if (articleIds.length > BATCH) log(`  published ${Math.min(i + BATCH, articleIds.length)}/${articleIds.length} article(s)`);
    }
    await client.query(`DELETE FROM terms WHERE doc <= 0`);
    const names = db.prepare(`SELECT name FROM publish_names WHERE at <= ?`).pluck().all(clock.at) as string[];
    await replaceRows(client, 'names', `name = ANY($1)`, [names], sqlite.names.all(JSON.stringify(names)) as Row[]);
    const counts = db.prepare(`SELECT type, entity FROM publish_counts WHERE at <= ?`).all(clock.at) as { type: string; entity: string }[];
    const keys = counts.map((c) => `${c.type}\u001f${c.entity}`);
    await replaceRows(
      client,
      'entity_counts',
      `type || chr(31) || entity = ANY($1)`,
      [keys],
      sqlite.counts.all(JSON.stringify(keys)) as Row[],
    );
    const meta = [
      ...(sqlite.meta.all() as { key: string; value: string }[]),
      { key: 'pg_schema_version', value: String(PG_CORPUS_SCHEMA_VERSION) },
      { key: 'gazetteer_json', value: JSON.stringify(gazetteer) },
      { key: 'last_article', value: String(sqlite.lastArticle.get() ?? 0) },
    ];
    await client.query(`DELETE FROM meta`);
    await client.query(`INSERT INTO meta SELECT * FROM json_populate_recordset(NULL::meta, $1)`, [JSON.stringify(meta)]);
    if (clock.full) {
      log('  indexing');
      await client.query(PG_CORPUS_INDEXES);
      // The swap: replicas' next queries read the new tables; queries under way finish on the old ones.
      // (An _old schema left by a publish that stopped before dropping it goes first.)
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_old CASCADE`);
      if (state !== null || (await schemaExists(client, schema))) await client.query(`ALTER SCHEMA ${schema} RENAME TO ${schema}_old`);
      await client.query(`ALTER SCHEMA ${building} RENAME TO ${schema}`);
    }
    await client.query('COMMIT');
    if (clock.full) {
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_old CASCADE`);
      // Statistics for the planner, and the visibility map a count over the full-text index reads instead of the rows.
      await client.query(
        `VACUUM (ANALYZE) ${['passages', 'articles', 'tags', 'events', 'event_tags', 'terms'].map((t) => `${schema}.${t}`).join(', ')}`,
      );
    }

    // Only now are the stamps forgotten: a publish that failed above leaves them for the next one.
    db.transaction(() => {
      for (const t of ['publish_articles', 'publish_names', 'publish_counts']) db.prepare(`DELETE FROM ${t} WHERE at <= ?`).run(clock.at);
    })();
    return { full: clock.full, keptAnother: false, published: copied, removed, ms: Math.round(performance.now() - started) };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Replaces one batch of articles' rows; the number of those that still exist (the rest were removed). */
async function copyArticles(
  client: pg.PoolClient,
  sqlite: ReturnType<typeof sqliteSide>,
  ids: number[],
  hadRows: boolean,
): Promise<number> {
  const arg = JSON.stringify(ids);
  if (hadRows) {
    // The term counts lose what the old passages held...
    await client.query(
      `UPDATE terms SET doc = terms.doc - d.n FROM (SELECT t AS term, count(*)::int AS n FROM passages,
        unnest(tsvector_to_array(tsv)) t WHERE article = ANY($1) GROUP BY t) d WHERE terms.term = d.term`,
      [ids],
    );
    for (const [table, column] of ARTICLE_TABLES) await client.query(`DELETE FROM ${table} WHERE ${column} = ANY($1)`, [ids]);
  }
  let articles = 0;
  const gained = new Map<string, number>();
  for (const [table, statement] of sqlite.articles) {
    let rows = statement.all(arg) as Row[];
    if (table === 'articles') articles = rows.length;
    if (table === 'passages') {
      rows = rows.map((r) => {
        const terms = indexedTerms(String(r.text));
        for (const t of lexemesOf(terms)) gained.set(t, (gained.get(t) ?? 0) + 1);
        return { ...r, tsv: tsvectorOf(terms) };
      });
    }
    if (rows.length) await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`, [asJson(rows)]);
  }
  // ...and gain what the new ones hold (counted here, as the rows go in).
  await client.query(
    `INSERT INTO terms (term, doc) SELECT * FROM unnest($1::text[], $2::int[])
      ON CONFLICT (term) DO UPDATE SET doc = terms.doc + excluded.doc`,
    [[...gained.keys()], [...gained.values()]],
  );
  return articles;
}

/**
 * Rows as one JSON parameter. Postgres text cannot hold NUL, which SQLite's
 * sort keys use as their separator (ord: file, NUL, position); U+0001 sorts
 * the same way against every character a file name or id holds.
 */
function asJson(rows: Row[]): string {
  return JSON.stringify(rows, (_, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '\u0001') : v));
}

async function schemaExists(client: pg.PoolClient, schema: string): Promise<boolean> {
  return Boolean((await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [schema])).rowCount);
}

async function replaceRows(client: pg.PoolClient, table: string, which: string, args: unknown[], rows: Row[]): Promise<void> {
  await client.query(`DELETE FROM ${table} WHERE ${which}`, args);
  if (rows.length) await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`, [asJson(rows)]);
}
