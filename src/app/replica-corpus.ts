// A `briefing serve` replica's corpus when scaled out (a Postgres
// DATABASE_URL): its own file in its own DATA_DIR, answered at SQLite speed,
// and kept up to date from the shared document log by the same incremental
// ingest as everywhere else. A folder with no corpus yet loads the newest
// snapshot first (src/corpus/corpus-snapshot.ts) and answers from it at once;
// every LOG_POLL_MS the replica asks the log for its last number, and when
// there is something new it brings the documents in and ingests them in its
// ingest thread, off the event loop. An ingest runs only once every document
// came in: a folder missing documents would drop their articles.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tryLock } from '../corpus/db/ingest-lock.js';
import { restoredLine, restoreSnapshot } from '../corpus/corpus-snapshot.js';
import type { Corpus } from '../corpus/corpus.js';
import type { DataPaths } from '../corpus/data-dir.js';
import { corpusFile } from '../corpus/db/corpus-db.js';
import { liveCorpus } from '../corpus/live-corpus.js';
import { LOG_POLL_MS } from '../corpus/follow-shared-log.js';
import { bringInGazetteer, describeSync, sharedSeq, syncDocuments } from '../corpus/shared-documents.js';
import type { Logger } from '../logger.js';
import type { DocumentLog } from '../store/document-log.js';

export interface ReplicaCorpus {
  current(): Corpus;
  /** Ingests the files named (relative to the folder): a link added here (see LiveCorpus.reload). */
  reload(why: string, only?: readonly string[]): Promise<boolean>;
  /** Resolves once the folder has every document logged when it was called, ingested (false when that failed). */
  caughtUp(): Promise<boolean>;
  stop(): void;
}

/**
 * A folder with no corpus gets one to start from: the newest snapshot, or else every document logged, ingested at
 * open. Until the log holds a document it waits, saying so once. Returns whether the corpus must be built at open.
 */
async function firstCorpus(
  paths: DataPaths,
  log: Logger,
  store: DocumentLog,
  pull: () => Promise<{ line: string | null }>,
  pollMs: number,
) {
  let useSnapshot = true;
  for (let said = false; ; said = true) {
    const t0 = Date.now();
    const restored = useSnapshot
      ? await restoreSnapshot(paths, store).catch((e: unknown) => {
          // A damaged snapshot costs time, not answers: the documents make the same corpus.
          log.warn(`the corpus snapshot could not be loaded (${e instanceof Error ? e.message : String(e)}); building from the documents`);
          useSnapshot = false;
          return null;
        })
      : null;
    if (restored) log.info(restoredLine(restored, Date.now() - t0));
    // A corpus to answer from needs only the gazetteer beside it; the other documents come in the first ingest.
    if (existsSync(corpusFile(paths.build)) && (await bringInGazetteer(paths, store))) return false;
    const { line } = await pull();
    if (line) log.info(line);
    if (existsSync(paths.raw)) return true;
    if (!said) log.info('no documents in the shared log yet: waiting for `briefing worker` (or `briefing ingest`) to log some');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Another replica keeps its corpus in this folder: two would both build it and write the same files. */
export class FolderTakenError extends Error {}

/** This replica's hold on its folder (build/replica.lock, with its pid), or FolderTakenError while another holds it. */
function holdFolder(paths: DataPaths): () => void {
  mkdirSync(paths.build, { recursive: true });
  const file = join(paths.build, 'replica.lock');
  if (!tryLock(file)) {
    throw new FolderTakenError(
      `another \`briefing serve\` (pid ${readFileSync(file, 'utf8').trim()}) keeps its corpus in ${paths.root}: give each ` +
        'replica a DATA_DIR of its own (it holds nothing the database does not, so an empty folder will do)',
    );
  }
  return () => rmSync(file, { force: true });
}

export async function replicaCorpus(
  paths: DataPaths,
  log: Logger,
  store: DocumentLog,
  o: { pollMs?: number } = {},
): Promise<ReplicaCorpus> {
  const release = holdFolder(paths);
  try {
    return await followLog(paths, log, store, o, release);
  } catch (e) {
    release();
    throw e;
  }
}

async function followLog(
  paths: DataPaths,
  log: Logger,
  store: DocumentLog,
  o: { pollMs?: number },
  release: () => void,
): Promise<ReplicaCorpus> {
  const pull = async () => {
    const report = await syncDocuments(paths, store, new Date(), { push: false });
    return { line: describeSync(report), changed: report.changed };
  };
  const fresh = await firstCorpus(paths, log, store, pull, o.pollMs ?? LOG_POLL_MS);
  const live = liveCorpus(paths, log, { beforeIngest: pull, requireBeforeIngest: true, ingestAtOpen: fresh });
  let catching: Promise<boolean> | null = null;
  const catchUp = (why: string, whole = false): Promise<boolean> =>
    (catching ??= (async () => {
      try {
        if (!whole && (await store.lastSeq()) <= sharedSeq(paths)) return true;
        // Only what the sync brings in (or removes) is read, not every file of the folder; the first time, every file
        // is looked at, so that documents a stopped replica brought in but did not ingest go in too.
        return await live.reload(why, whole ? undefined : [], { ifChanged: !whole });
      } catch (e) {
        log.warn(`the shared document log could not be read (${e instanceof Error ? e.message : String(e)}); asking again shortly`);
        return false;
      } finally {
        catching = null;
      }
    })());
  const first = catchUp('documents logged since the corpus this replica holds', true);
  const timer = setInterval(() => void catchUp('new documents in the shared log'), o.pollMs ?? LOG_POLL_MS);
  timer.unref();
  return {
    current: () => live.current(),
    reload: (why, only) => live.reload(why, only),
    async caughtUp() {
      await first;
      return catchUp('catching up');
    },
    stop() {
      clearInterval(timer);
      live.stop();
      release();
    },
  };
}
