// Where the corpus's sources go. With the embedded state database (a SQLite
// DATABASE_URL), every process reads DATA_DIR as it is. With a Postgres
// DATABASE_URL, the database holds the shared document log (every raw
// document, the feed list and the gazetteer) and a snapshot of the corpus:
// each process keeps its own corpus file in its own DATA_DIR, brought up to
// date from the log (src/corpus/shared-documents.ts), and the processes that
// ingest store a snapshot from time to time, which a new process starts from
// (src/corpus/corpus-snapshot.ts).
import { openStore, storeTarget } from '../store/open-store.js';
import type { DocumentLog } from '../store/document-log.js';
import { describeSync, syncDocuments } from '../corpus/shared-documents.js';
import { StoreError } from '../store/store-error.js';
import type { DataPaths } from '../corpus/data-dir.js';
import { copyInProcess, snapshotIfDue } from '../corpus/corpus-snapshot.js';
import { shownUrl } from '../store/postgres-store.js';

/** Whether DATABASE_URL shares documents between processes (Postgres), not only state (SQLite). */
export function scaledOut(databaseUrl: string): boolean {
  const target = storeTarget(databaseUrl);
  if ('problem' in target) throw new StoreError(`DATABASE_URL ${target.problem}`);
  return 'postgres' in target;
}

/** Runs `work` on `log`, or on a store opened on DATABASE_URL for the call. */
async function withLog<T>(databaseUrl: string, log: DocumentLog | undefined, work: (log: DocumentLog) => Promise<T>): Promise<T> {
  if (log) return work(log);
  const store = await openStore(databaseUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Scaled out, after an ingest that is not a long-running process's (`briefing ingest`, `fetch`, `add`, `feeds`): a
 * snapshot of the corpus for new processes, when the log moved on since the last one. Returns the line to log, or null.
 */
export async function snapshotAfterIngest(paths: DataPaths, databaseUrl: string, log?: DocumentLog): Promise<string | null> {
  if (!scaledOut(databaseUrl)) return null;
  try {
    return await withLog(databaseUrl, log, (store) =>
      snapshotIfDue({
        paths,
        store,
        copy: copyInProcess(paths),
        now: new Date(),
        everyMs: 0,
      }),
    );
  } catch (e) {
    const why = e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e);
    // Nothing is lost: the documents are in the log, and a new process ingests them without a snapshot.
    throw new StoreError(`no corpus snapshot could be stored in ${shownUrl(databaseUrl)} (${why}); the next ingest tries again`);
  }
}

/**
 * With a Postgres DATABASE_URL, before an ingest: the shared document log's new documents into the data folder, and
 * the folder's new files into the log (see shared-documents.ts). Returns the line to log (or null) and the files the
 * sync changed in the folder, relative to it. `log` is an open store on that database, or one is opened for the call.
 */
export async function syncShared(
  paths: DataPaths,
  databaseUrl: string,
  log?: DocumentLog,
): Promise<{ line: string | null; changed: string[] }> {
  if (!scaledOut(databaseUrl)) return { line: null, changed: [] };
  return withLog(databaseUrl, log, async (store) => {
    const report = await syncDocuments(paths, store);
    return { line: describeSync(report), changed: report.changed };
  });
}
