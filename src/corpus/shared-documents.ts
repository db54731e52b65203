// Scaled out on one Postgres database, the data folder is each process's copy
// of the shared document log (src/store/document-log.ts), not the only copy of
// anything: every raw document, feeds.json and gazetteer.json a process saves
// is logged, and every process brings the log's new documents into its own
// folder before it ingests. A standby worker with an empty folder so holds
// what the active one fetched, and its publish cannot drop it.
//
// A sync logs this folder's removals, then pulls, then pushes. A file removed
// from raw/ since the corpus was built from it is logged as a removal (no
// content), and every folder removes it in turn, so its articles leave every
// corpus; many removals at once look like a lost folder, not an edit, and are
// withheld, saying so. A document the log has that is newer than the local
// copy replaces it; a local file changed since the last push (or one the log
// never had) is logged. The cursor in build/ says how far each went. A
// sidecar removed with its article is logged as removed with it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { DocumentLog, DocumentToLog, LoggedDocument } from '../store/document-log.js';
import { fromZodError, parseJsonFile } from './data-file-error.js';
import { listFiles, sidecarNames, type DataPaths } from './data-dir.js';
import { openForReading } from './db/corpus-db.js';
import { type SharedCursor, sharedCursorSchema } from './schema.js';

export interface SyncReport {
  /** Documents brought into this folder from the log. */
  pulled: number;
  /** Files of this folder logged (removals included). */
  pushed: number;
  /** Files removed from this folder because the log says they were removed elsewhere. */
  removed: number;
  /** Files missing from this folder that were not logged as removed: too many at once (see MAX_REMOVALS). */
  withheld: number;
  /** Log entries refused (a path outside the data folder's shared files). */
  refused: string[];
  /** The paths (relative to the data folder) the pull wrote or removed, and every removal it read: what to ingest. */
  changed: string[];
}

/** Documents read from, and files compared with, the log per round trip. */
const BATCH = 200;
/**
 * Most files one sync logs as removed, and most of the folder's logged files: past either, the folder is more likely
 * lost or emptied by mistake than edited, and removing its files everywhere would take every corpus with it.
 */
const MAX_REMOVALS = 100;
const MAX_REMOVED_SHARE = 0.1;
/** As many removals as this always go through, however small the folder. */
const FEW_REMOVALS = 10;
/** A file's mtime may trail the clock that stamped the last push a little (coarse file systems). */
const MTIME_SLACK_MS = 2000;

/** The files of a data folder that are shared, by their path in the log. */
const SHARED_TOP = ['feeds.json', 'gazetteer.json'];
/** A path the log may name: raw/ and the two top-level files, nothing outside, nothing hidden. */
const LOGGABLE = /^(?:feeds\.json|gazetteer\.json|raw\/(?:[^/.\0][^/\0]*\/)*[^/.\0][^/\0]*)$/;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const cursorFile = (paths: DataPaths) => join(paths.build, 'shared-documents.json');

function readCursor(paths: DataPaths): SharedCursor {
  const file = cursorFile(paths);
  if (!existsSync(file)) return { seq: 0, pushedAt: 0 };
  const parsed = sharedCursorSchema.safeParse(parseJsonFile(file, readFileSync(file, 'utf8')));
  if (!parsed.success) throw fromZodError(file, parsed.error);
  return parsed.data;
}

function writeCursor(paths: DataPaths, cursor: SharedCursor): void {
  mkdirSync(paths.build, { recursive: true });
  const tmp = `${cursorFile(paths)}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(cursor)}\n`);
  renameSync(tmp, cursorFile(paths));
}

/** The local file a logged path names, or null when it names none this folder shares. */
function localFile(paths: DataPaths, path: string): string | null {
  if (!LOGGABLE.test(path) || path.split('/').includes('..')) return null;
  const file = resolve(paths.root, ...path.split('/'));
  return file.startsWith(resolve(paths.root) + sep) ? file : null;
}

/** Every shared file of the folder, by its path in the log. */
function sharedFiles(paths: DataPaths): string[] {
  const raw = existsSync(paths.raw) ? listFiles(paths.raw).map((f) => relative(paths.root, f).split(sep).join('/')) : [];
  return [...SHARED_TOP.filter((f) => existsSync(join(paths.root, f))), ...raw].filter((p) => LOGGABLE.test(p));
}

/** Writes a logged document into the folder (unless the local copy is the same, or newer); false when it names no file here. */
function bringIn(paths: DataPaths, d: LoggedDocument): boolean | 'same' | 'removed' {
  const file = localFile(paths, d.path);
  if (!file) return false;
  if (d.sha === '') {
    // Removed where it was logged from; a local copy written since is kept (and logged at the next push).
    if (!existsSync(file) || statSync(file).mtimeMs > Date.parse(d.savedAt) + MTIME_SLACK_MS) return 'same';
    rmSync(file);
    return 'removed';
  }
  const modified = Date.parse(d.modified);
  if (existsSync(file)) {
    // The same bytes, or a local copy changed after the logged one (pushed next): left as it is.
    if (sha256(readFileSync(file)) === d.sha || statSync(file).mtimeMs > modified + MTIME_SLACK_MS) return 'same';
  }
  mkdirSync(dirname(file), { recursive: true });
  // A hidden name until it is whole: an ingest running meanwhile never lists it.
  const tmp = join(dirname(file), `.${d.path.split('/').at(-1)}.tmp-${process.pid}`);
  writeFileSync(tmp, Buffer.from(d.content, 'base64'));
  // Its time where it was logged from: a file with no sidecar is dated by it.
  if (Number.isFinite(modified)) utimesSync(tmp, modified / 1000, modified / 1000);
  renameSync(tmp, file);
  return true;
}

async function pull(paths: DataPaths, log: DocumentLog, cursor: SharedCursor, report: SyncReport): Promise<void> {
  for (;;) {
    const docs = await log.documentsSince(cursor.seq, BATCH);
    if (docs.length === 0) return;
    for (const d of docs) {
      const done = bringIn(paths, d);
      if (done === false) report.refused.push(d.path);
      else if (done === true) report.pulled++;
      else if (done === 'removed') report.removed++;
      // A removal is read even where the file was not here: a corpus loaded from a snapshot may still hold it.
      if (done === true || done === 'removed' || (done === 'same' && d.sha === '')) report.changed.push(d.path);
    }
    cursor.seq = docs.at(-1)!.seq;
    writeCursor(paths, cursor);
  }
}

/**
 * The gazetteer as logged, into a folder that has none (a replica loaded from a snapshot answers with it before the
 * other documents come in); false when none is logged.
 */
export async function bringInGazetteer(paths: DataPaths, log: DocumentLog): Promise<boolean> {
  if (existsSync(paths.gazetteer)) return true;
  const d = await log.documentAt('gazetteer.json');
  return d !== null && d.sha !== '' && bringIn(paths, d) !== false;
}

async function push(paths: DataPaths, log: DocumentLog, cursor: SharedCursor, now: Date, report: SyncReport): Promise<void> {
  const started = now.getTime();
  const changed = sharedFiles(paths).filter((p) => statSync(join(paths.root, p)).mtimeMs > cursor.pushedAt - MTIME_SLACK_MS);
  report.pushed += await logPaths(paths, log, changed, now);
  cursor.pushedAt = started;
  writeCursor(paths, cursor);
}

/** Logs the files at these paths (relative to the folder) whose bytes the log does not have yet; how many it logged. */
async function logPaths(paths: DataPaths, log: DocumentLog, changed: readonly string[], now: Date): Promise<number> {
  let pushed = 0;
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = changed.slice(i, i + BATCH);
    const logged = await log.documentShas(batch);
    const docs: DocumentToLog[] = [];
    for (const path of batch) {
      const file = join(paths.root, path);
      const bytes = readFileSync(file);
      const sha = sha256(bytes);
      if (logged.get(path) === sha) continue;
      docs.push({ path, sha, content: bytes.toString('base64'), modified: statSync(file).mtime.toISOString() });
    }
    pushed += await log.putDocuments(docs, now);
  }
  return pushed;
}

/**
 * Logs files this process just wrote (a link added, the feed list edited) at once, not at its next sync: should it stop
 * now, they are not lost with its folder. A replica logs nothing else of its folder. Returns how many were logged.
 */
export async function logSaved(paths: DataPaths, log: DocumentLog, files: readonly string[], now: Date = new Date()): Promise<number> {
  const shared = files.filter((p) => {
    const file = localFile(paths, p);
    return file !== null && existsSync(file);
  });
  return logPaths(paths, log, shared, now);
}

/**
 * Files this folder's corpus was built from that are gone from raw/ since: removed here, so logged as removed (before
 * the pull, which would otherwise bring them back), unless too many are gone at once. Then they are withheld, and the
 * pull starts again from the first document, bringing the folder's files back.
 */
async function pushRemovals(paths: DataPaths, log: DocumentLog, cursor: SharedCursor, now: Date, report: SyncReport): Promise<void> {
  const ingested = ingestedFiles(paths);
  const gone = ingested
    .map((rel) => `raw/${rel}`)
    .filter((p) => {
      const file = localFile(paths, p);
      return file !== null && !existsSync(file);
    });
  if (gone.length === 0) return;
  if (gone.length > MAX_REMOVALS || (gone.length > FEW_REMOVALS && gone.length > ingested.length * MAX_REMOVED_SHARE)) {
    report.withheld = gone.length;
    cursor.seq = 0;
    return;
  }
  // Their sidecars gone with them are removals too (not counted against the limits: they go with their articles).
  const sidecars = gone
    .flatMap((p) => sidecarNames(p))
    .filter((p) => {
      const file = localFile(paths, p);
      return file !== null && !existsSync(file);
    });
  const removed = [...gone, ...sidecars];
  const logged = await log.documentShas(removed);
  const at = now.toISOString();
  report.pushed += await log.putDocuments(
    removed.filter((p) => logged.get(p)).map((path) => ({ path, sha: '', content: '', modified: at })),
    now,
  );
}

/** The raw files (relative to raw/) the folder's corpus was last built from; none when it has no usable corpus. */
function ingestedFiles(paths: DataPaths): string[] {
  const opened = openForReading(paths.build);
  if (!('db' in opened)) return [];
  try {
    return opened.db.prepare('SELECT path FROM files').pluck().all() as string[];
  } finally {
    opened.db.close();
  }
}

/** The last document log number this folder has read. */
export const sharedSeq = (paths: DataPaths): number => readCursor(paths).seq;

/** Brings the log's new documents into the folder, then logs the folder's changed files. */
export async function syncDocuments(
  paths: DataPaths,
  log: DocumentLog,
  now: Date = new Date(),
  o: { push?: boolean } = {},
): Promise<SyncReport> {
  const cursor = readCursor(paths);
  const report: SyncReport = { pulled: 0, pushed: 0, removed: 0, withheld: 0, refused: [], changed: [] };
  // A replica only reads the log: nothing of its folder is anyone else's to read.
  if (o.push !== false) await pushRemovals(paths, log, cursor, now, report);
  await pull(paths, log, cursor, report);
  if (o.push !== false) await push(paths, log, cursor, now, report);
  return report;
}

/** The line to log for a sync, or null when nothing moved. */
export function describeSync(r: SyncReport): string | null {
  const parts = [
    r.pulled && `${r.pulled} document(s) from the shared log`,
    r.pushed && `${r.pushed} logged for the other processes`,
    r.removed && `${r.removed} removed (removed where they were logged from)`,
    r.withheld &&
      `${r.withheld} file(s) missing from raw/ NOT logged as removed: that many at once looks like a lost folder, not an ` +
        'edit, so they were brought back from the log (remove them in smaller steps if you meant it)',
    r.refused.length && `${r.refused.length} refused (not a path in a data folder: ${r.refused.slice(0, 3).join(', ')})`,
  ].filter(Boolean);
  return parts.length ? `shared documents: ${parts.join('; ')}` : null;
}
