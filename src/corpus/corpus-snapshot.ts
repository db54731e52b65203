// Corpus snapshots. Scaled out, every process answers from its own corpus
// file, brought up to date from the shared document log by the same
// incremental ingest as on one machine. Ingesting every document again would
// keep a new process from answering for minutes at 70,000 articles, so the
// process that ingests stores a compacted copy of its corpus file (VACUUM
// INTO, gzipped, in chunks) in the database, and a new process with an empty
// folder loads it first: it answers at once, then brings in the documents
// (whose fingerprints mostly match the snapshot's, so they cost a read each).
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Async } from '../async.js';
import type { CorpusSnapshot, SyncDocumentLog } from '../store/document-log.js';
import type { DataPaths } from './data-dir.js';
import { compactCopyOf, corpusFile } from './db/corpus-db.js';

export type SnapshotStore = Async<
  Pick<SyncDocumentLog, 'putSnapshotChunk' | 'commitSnapshot' | 'latestSnapshot' | 'snapshotChunk' | 'lastSeq'>
>;

/** Gzipped bytes per chunk: one row each, small enough for any driver, few enough to read quickly. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Times a restore starts again when the snapshot it reads is replaced by a newer one meanwhile. */
const RESTORE_TRIES = 3;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Stores the compacted corpus file `copy` as the newest snapshot, reflecting the log up to `seq`. */
export async function storeSnapshot(copy: string, seq: number, store: SnapshotStore, now: Date): Promise<CorpusSnapshot> {
  const id = `s${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let held = 0;
  let bytes = 0;
  let n = 0;
  const flush = async () => {
    const chunk = Buffer.concat(pending);
    pending = [];
    held = 0;
    await store.putSnapshotChunk(id, n++, chunk.toString('base64'));
  };
  for await (const piece of createReadStream(copy).pipe(createGzip({ level: 1 })) as AsyncIterable<Buffer>) {
    hash.update(piece);
    bytes += piece.length;
    pending.push(piece);
    held += piece.length;
    if (held >= CHUNK_BYTES) await flush();
  }
  if (held > 0 || n === 0) await flush();
  const snapshot = { id, seq, sha: hash.digest('hex'), bytes, chunks: n, madeAt: now.toISOString() };
  await store.commitSnapshot(snapshot);
  return snapshot;
}

/** Reads one snapshot into `to`; false when it was replaced while being read. Throws when its bytes are not what was stored. */
async function readSnapshot(s: CorpusSnapshot, store: SnapshotStore, to: string): Promise<boolean> {
  const hash = createHash('sha256');
  const gunzip = createGunzip();
  // Either stream failing (bytes that are not gzip, a full disk) ends the pipeline with its error.
  const written = pipeline(gunzip, createWriteStream(to));
  written.catch(() => {}); // awaited below; a rejection while chunks are still read is not unhandled
  try {
    for (let n = 0; n < s.chunks; n++) {
      const data = await store.snapshotChunk(s.id, n);
      if (data === null) return false;
      const bytes = Buffer.from(data, 'base64');
      hash.update(bytes);
      if (!gunzip.write(bytes)) await Promise.race([once(gunzip, 'drain'), written]);
    }
    gunzip.end();
    await written;
  } finally {
    if (!gunzip.writableEnded) gunzip.destroy();
  }
  if (hash.digest('hex') !== s.sha) throw new Error(`corpus snapshot ${s.id} is damaged (its bytes do not match their checksum)`);
  return true;
}

/**
 * A folder with no corpus file gets the newest snapshot as its corpus file. Returns the snapshot loaded, or null when
 * the folder has a corpus already or the database holds no snapshot.
 */
export async function restoreSnapshot(paths: DataPaths, store: SnapshotStore): Promise<CorpusSnapshot | null> {
  const target = corpusFile(paths.build);
  if (existsSync(target)) return null;
  mkdirSync(paths.build, { recursive: true });
  const tmp = join(paths.build, `.corpus.sqlite.restoring-${process.pid}`);
  try {
    for (let attempt = 0; attempt < RESTORE_TRIES; attempt++) {
      const s = await store.latestSnapshot();
      if (!s) return null;
      if (await readSnapshot(s, store, tmp)) {
        renameSync(tmp, target);
        return s;
      }
    }
    throw new Error('corpus snapshots are being replaced faster than one can be read');
  } finally {
    rmSync(tmp, { force: true });
  }
}

export interface SnapshotDue {
  paths: DataPaths;
  store: SnapshotStore;
  /** Writes a compacted copy of the corpus file (the ingest thread's VACUUM INTO). */
  copy(file: string): Promise<{ done: string | null } | { error: string }>;
  now: Date;
  everyMs: number;
}

/** SnapshotDue.copy for a process with no ingest thread (a CLI command): the copy is made here, blocking. */
export function copyInProcess(paths: DataPaths): SnapshotDue['copy'] {
  return async (file) => {
    compactCopyOf(paths.build, file);
    return { done: null };
  };
}

/**
 * After an ingest: stores a snapshot when there is none, or when the log moved on since the last and that is older
 * than everyMs. (A process loading it reads the whole log anyway: the number only says when a new one is due.)
 */
export async function snapshotIfDue(o: SnapshotDue): Promise<string | null> {
  const [last, seq] = await Promise.all([o.store.latestSnapshot(), o.store.lastSeq()]);
  if (last && (last.seq >= seq || o.now.getTime() - Date.parse(last.madeAt) < o.everyMs)) return null;
  const copy = join(o.paths.build, `.snapshot-${process.pid}.sqlite`);
  rmSync(copy, { force: true });
  const started = Date.now();
  try {
    const made = await o.copy(copy);
    if ('error' in made) throw new Error(`the corpus could not be copied: ${made.error}`);
    const s = await storeSnapshot(copy, seq, o.store, o.now);
    return `corpus snapshot stored for new processes: ${mb(s.bytes)} MB gzipped, up to document ${s.seq}, in ${Date.now() - started} ms`;
  } finally {
    rmSync(copy, { force: true });
  }
}

/** The line to log after a restore. */
export function restoredLine(s: CorpusSnapshot, ms: number): string {
  return `loaded the corpus snapshot of ${s.madeAt} (${mb(s.bytes)} MB gzipped, up to document ${s.seq}) in ${ms} ms`;
}
