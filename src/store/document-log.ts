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
  /** sha256 of the content, hex. */
  sha: string;
  /** The bytes, base64. */
  content: string;
  /** ISO time the file was last changed where it was logged from (its mtime: a file with no sidecar is dated by it). */
  modified: string;
  /** ISO time it was logged. */
  savedAt: string;
}

export type DocumentToLog = Omit<LoggedDocument, 'seq' | 'savedAt'>;

export interface SyncDocumentLog {
  /** Logs the documents whose content is not already logged under their path, each with the next number; returns how many. */
  putDocuments(docs: readonly DocumentToLog[], now: Date): number;
  /** Documents logged after `seq`, in order, at most `limit`. */
  documentsSince(seq: number, limit: number): LoggedDocument[];
  /** The logged sha of each of these paths that is logged. */
  documentShas(paths: readonly string[]): Map<string, string>;
}

export type DocumentLog = Async<SyncDocumentLog>;
