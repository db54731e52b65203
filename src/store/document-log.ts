// The shared document log: every raw document (a page saved from a feed or a
// pasted link, a file brought into raw/, its sidecar), the feed list and the
// gazetteer, kept
// in the database so that, scaled out, no process's data folder is the only
// copy. Each process mirrors the log into its own data folder and ingests from
// there (src/corpus/shared-documents.ts). Every change takes the next sequence
// number, so a process reads what is new since the last one it saw.
import type { Async } from '../async.js';

export interface LoggedDocument {
  /** Relative to the data folder: "raw/…", "feeds.json" or "gazetteer.json". */
  path: string;
  seq: number;
  /** sha256 of the content, hex; '' for a removal (a file deleted from the folder it was logged from). */
  sha: string;
  /** The bytes, base64. */
  content: string;
  /** ISO time the file was last changed where it was logged from (its mtime: a file with no sidecar is dated by it). */
  modified: string;
  /** ISO time it was logged. */
  savedAt: string;
}

export type DocumentToLog = Omit<LoggedDocument, 'seq' | 'savedAt'>;

/** A corpus snapshot: the corpus file compacted and gzipped, stored in chunks (src/corpus/corpus-snapshot.ts). */
export interface CorpusSnapshot {
  id: string;
  /** The last document log number whose document the snapshot's corpus holds: a process loading it reads the log from here. */
  seq: number;
  /** sha256 of the gzipped bytes, hex. */
  sha: string;
  /** Size of the gzipped bytes. */
  bytes: number;
  chunks: number;
  madeAt: string;
}

export interface SyncDocumentLog {
  /** Logs the documents whose content is not already logged under their path, each with the next number; returns how many. */
  putDocuments(docs: readonly DocumentToLog[], now: Date): number;
  /** Documents logged after `seq`, in order, at most `limit`. */
  documentsSince(seq: number, limit: number): LoggedDocument[];
  /** The document logged under a path, or null. */
  documentAt(path: string): LoggedDocument | null;
  /** The number of the last document logged (0 when none is). */
  lastSeq(): number;
  /** The logged sha of each of these paths that is logged. */
  documentShas(paths: readonly string[]): Map<string, string>;
  /** Stores chunk `n` (base64) of a snapshot not yet committed; nobody reads it until it is. */
  putSnapshotChunk(id: string, n: number, data: string): void;
  /** Makes a snapshot whose chunks are all stored the newest, and drops every other one with its chunks, at once. */
  commitSnapshot(snapshot: CorpusSnapshot): void;
  /** The newest snapshot, or null. */
  latestSnapshot(): CorpusSnapshot | null;
  /** One chunk of a snapshot (base64), or null when that snapshot was dropped meanwhile. */
  snapshotChunk(id: string, n: number): string | null;
}

export type DocumentLog = Async<SyncDocumentLog>;
