// Opening the corpus database file (DATA_DIR/build/corpus.sqlite). WAL mode,
// so the bot reads while `briefing ingest` writes; a bounded page cache, so
// memory does not grow with the corpus. A file that is not a database, is
// damaged, or was written by another schema or ingest version is never read:
// the caller rebuilds it from raw/.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CORPUS_DDL, CORPUS_SCHEMA_VERSION } from './corpus-schema.js';

export type Db = Database.Database;

/** Bump when ingest output changes for the same input, so an older database is rebuilt. */
export const INGEST_VERSION = '31';

/** SQLite's page cache for the corpus, in KiB: the bound on what reading costs in memory. */
const CACHE_KIB = 32 * 1024;

export const corpusFile = (build: string) => join(build, 'corpus.sqlite');

function configure(db: Db, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
}

/** Why an existing file cannot be used as it is, or null when it can. */
export function unusable(db: Db): string | null {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== CORPUS_SCHEMA_VERSION) return `it has corpus schema ${version}, this version uses ${CORPUS_SCHEMA_VERSION}`;
    const ingest = db.prepare(`SELECT value FROM meta WHERE key = 'ingest_version'`).pluck().get();
    if (ingest !== INGEST_VERSION) return `it was built by ingest version ${String(ingest)}, this version is ${INGEST_VERSION}`;
    const complete = db.prepare(`SELECT value FROM meta WHERE key = 'complete'`).pluck().get();
    if (complete !== '1') return 'its first build never finished';
    return null;
  } catch (e) {
    return `it cannot be read (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** SQLite's and the system's words for a file or folder this process may not write. */
export function isReadOnly(e: unknown): boolean {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * A WAL database cannot be opened where its folder may not be written, or on a full disk (SQLite needs its -shm file
 * beside it), even to read. A read-only data folder still holds a complete corpus, so it is read from a copy in the temporary folder,
 * removed when the process exits.
 */
function openCopy(build: string): Db {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-corpus-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = corpusFile(build);
  copyFileSync(file, corpusFile(dir));
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${corpusFile(dir)}-wal`);
  const db = new Database(corpusFile(dir), { fileMustExist: true });
  configure(db, false);
  return db;
}

/** The existing database for reading, or why it cannot be read. */
export function openForReading(build: string): { db: Db } | { problem: string } {
  const file = corpusFile(build);
  if (!existsSync(file)) return { problem: 'no corpus database yet' };
  let db: Db;
  try {
    try {
      db = new Database(file, { fileMustExist: true });
      configure(db, false);
    } catch (e) {
      // Its folder may not be written, or its disk is full: SQLite cannot make the -shm file it needs to read.
      if (!isReadOnly(e) && !/^(?:SQLITE_FULL|SQLITE_IOERR|ENOSPC|EDQUOT)/.test(String((e as { code?: unknown }).code ?? ''))) throw e;
      db = openCopy(build);
    }
  } catch (e) {
    return { problem: `it cannot be opened (${e instanceof Error ? e.message : String(e)})` };
  }
  const why = unusable(db);
  if (why) {
    db.close();
    return { problem: why };
  }
  return { db };
}

/**
 * A file once published to Postgres (before replicas kept corpus files of their own) carries triggers that record
 * every change for the publish, and their tables: nothing reads them now, and every write paid for them.
 */
function dropPublishTriggers(db: Db): void {
  const triggers = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'publish\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  if (triggers.length === 0) return;
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER "${t}"`);
    for (const t of ['publish_clock', 'publish_articles', 'publish_names', 'publish_counts']) db.exec(`DROP TABLE IF EXISTS ${t}`);
  })();
}

/** A database to write: the existing one, or a new empty one when there is none or it cannot be used (the reason is logged). */
export function openForWriting(build: string, log: (line: string) => void): { db: Db; fresh: boolean } {
  const file = corpusFile(build);
  if (existsSync(file)) {
    const existing = openForReading(build);
    if ('db' in existing) {
      dropPublishTriggers(existing.db);
      return { db: existing.db, fresh: false };
    }
    log(`${file}: ${existing.problem}; rebuilding it from raw/`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
  const db = new Database(file);
  configure(db, false);
  db.transaction(() => {
    db.exec(CORPUS_DDL);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('ingest_version', ?), ('complete', '0'), ('gazetteer', ''),
      ('articles', '0'), ('passages', '0'), ('events', '0')`).run(INGEST_VERSION);
    db.pragma(`user_version = ${CORPUS_SCHEMA_VERSION}`);
  })();
  return { db, fresh: true };
}

/** Writes a compacted copy of the corpus file to `to` (VACUUM INTO: a consistent copy while ingests go on). */
export function compactCopyOf(build: string, to: string): void {
  const db = new Database(corpusFile(build), { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(to);
  } finally {
    db.close();
  }
}
