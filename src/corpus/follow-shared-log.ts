// Scaled out, a process that ingests (`briefing worker`, `briefing start`) follows the shared document log as a
// replica does: every LOG_POLL_MS it asks the log for its last number, and when another process logged something (a
// link added on a replica, a feed list edited there, a standby's fetch) it brings it in and ingests it. Without this
// the folder caught up only before its own next ingest, so a link added elsewhere reached its digests and alerts late.
import type { DocumentLog } from '../store/document-log.js';
import { isUnavailable } from '../store/store-health.js';
import type { DataPaths } from './data-dir.js';
import type { LiveCorpus } from './live-corpus.js';
import { sharedSeq } from './shared-documents.js';
import { existsSync, statSync } from 'node:fs';

/** How often a process asks the shared log whether anything is new. */
export const LOG_POLL_MS = 2000;

export interface LogFollower {
  stop(): void;
}

export function followSharedLog(d: {
  paths: DataPaths;
  log: Pick<DocumentLog, 'lastSeq'>;
  corpus: Pick<LiveCorpus, 'reload'>;
  everyMs: number;
  /** Told when the feed list came in changed (the process polling the feeds polls a new one at once). */
  feedListChanged?: () => void;
  warn: (line: string) => void;
}): LogFollower {
  let busy = false;
  const feedListTime = () => (existsSync(d.paths.feeds) ? statSync(d.paths.feeds).mtimeMs : 0);
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if ((await d.log.lastSeq()) <= sharedSeq(d.paths)) return;
      const before = feedListTime();
      // Its own pushes move the log on too: then the pull brings nothing in, and nothing is ingested.
      await d.corpus.reload('documents logged by other processes', [], { ifChanged: true });
      if (feedListTime() !== before) d.feedListChanged?.();
    } catch (e) {
      // A database that does not answer is said once by the watched store.
      if (!isUnavailable(e)) d.warn(`shared documents: the log could not be followed (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), d.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
