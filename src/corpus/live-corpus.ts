// The corpus the running bot answers from. It is one database connection:
// whatever `briefing ingest` commits is visible to the next query, with no
// reload and no second copy in memory. The bot still notices new articles
// (to record when digests first saw them) by asking for rows added since the
// last look, and SIGHUP re-reads raw/ in a worker thread.
import type { Logger } from '../logger.js';
import { openCorpus } from './build-store.js';
import { setDamagedAside } from './corpus-damage.js';
import type { Corpus } from './corpus.js';
import type { DataPaths } from './data-dir.js';
import { type IngestOutcome, ingestThread } from './ingest-thread.js';

export interface LiveCorpus {
  current(): Corpus;
  /**
   * Ingests raw/ again off the event loop; false when that failed (the corpus keeps answering as it was). `only`: the
   * files that changed (relative to the data folder), when the caller knows them: only they are read. ifChanged: no
   * ingest at all (and no log line) when neither `only` nor what beforeIngest brought in names a file.
   */
  reload(why: string, only?: readonly string[], o?: { ifChanged?: boolean }): Promise<boolean>;
  /** Starts looking for new articles every pollMs. */
  watchBuild(): void;
  /** Writes a compacted copy of the corpus file (for a snapshot), in turn with the ingests. */
  compactCopy(file: string): Promise<IngestOutcome>;
  stop(): void;
}

export interface LiveCorpusOptions {
  /** Told the ids of articles added since the last look. */
  onAdded?: (ids: string[]) => void;
  /** How often to look for new articles (watchBuild). */
  pollMs?: number;
  /**
   * Run after every ingest that succeeded, the one at start-up (first) included (scaled out: a snapshot of the corpus
   * for new processes, when one is due); returns a line to log, or null. Until it is done, reload() has not finished.
   */
  afterIngest?: (first: boolean) => Promise<string | null>;
  /**
   * Run before every ingest but the one at start-up (scaled out: bring the shared document log's new documents into
   * the data folder, and log this folder's). A failure is logged and the ingest goes on with the folder as it is.
   * Returns the line to log and the files it changed in the folder (relative to it), or null when it cannot say which.
   */
  beforeIngest?: () => Promise<{ line: string | null; changed: string[] | null }>;
  /** A failed beforeIngest skips the ingest (a replica must not ingest a folder that misses documents). */
  requireBeforeIngest?: boolean;
  /** false: the corpus file answers as it is at once, and the first ingest is the first reload() (a replica). */
  ingestAtOpen?: boolean;
}

const START_UP = 'start-up';

export function liveCorpus(paths: DataPaths, log: Logger, o: LiveCorpusOptions = {}): LiveCorpus {
  const onAdded = o.onAdded ?? (() => {});
  const pollMs = o.pollMs ?? 2000;
  // A damaged file is set aside and rebuilt in the ingest thread; meanwhile answers that meet the damage say so.
  const rebuild = async (why: string) => {
    log.error(`the corpus file is damaged (${why}); setting it aside and rebuilding it from raw/`);
    setDamagedAside(paths.build);
    if (!(await reload('rebuilding the damaged corpus'))) throw new Error('the rebuild failed');
  };
  const corpus = openCorpus(paths, { info: (line) => log.info(line), warn: (line) => log.warn(line) }, rebuild, {
    ingest: o.ingestAtOpen ?? true,
  });
  // Ingests one at a time reach afterIngest in order; one that fails is logged and the next tries again.
  let publishing = Promise.resolve();
  const afterIngest = (why: string) =>
    (publishing = publishing.then(async () => {
      if (!o.afterIngest) return;
      try {
        const line = await o.afterIngest(why === START_UP);
        if (line) log.info(line);
      } catch (e) {
        log.error(`after the ingest (${why}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }));
  void afterIngest(START_UP);
  let cursor = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const thread = ingestThread(paths.root, { started: () => log.debug('ingest: thread started') });
  // One look at a time: two at once would both start from the same cursor and report the same articles.
  let looking = Promise.resolve();
  const look = () => (looking = looking.then(lookOnce));
  const lookOnce = async () => {
    if (stopped) return;
    try {
      const added = await corpus.articlesAddedSince(cursor);
      cursor = added.cursor;
      if (added.ids.length) onAdded(added.ids);
    } catch (e) {
      log.warn(`looking for new articles failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  void look();

  async function reload(why: string, only?: readonly string[], r: { ifChanged?: boolean } = {}): Promise<boolean> {
    let named = only ? [...only] : null;
    if (o.beforeIngest) {
      try {
        const { line, changed } = await o.beforeIngest();
        if (line) log.info(line);
        named = named && changed ? [...named, ...changed] : null;
      } catch (e) {
        log.error(`before the ingest (${why}): ${e instanceof Error ? e.message : String(e)}`);
        if (o.requireBeforeIngest) return false;
      }
    }
    if (r.ifChanged && named?.length === 0) return true;
    // Only raw/ is ingested: a changed gazetteer is noticed by every ingest, named files or not.
    const inRaw = named?.filter((p) => p.startsWith('raw/')).map((p) => p.slice('raw/'.length));
    const outcome = await thread.run((line) => log.info(line), inRaw);
    if ('error' in outcome) {
      log.error(`ingest (${why}) failed; still answering from the corpus as it was: ${outcome.error}`);
      return false;
    }
    log.info(`ingest (${why}): ${outcome.done ?? 'nothing changed in raw/'}`);
    await Promise.all([look(), afterIngest(why)]);
    return true;
  }

  return {
    current: () => corpus,
    reload,
    compactCopy: (file) => thread.copyTo(file),
    watchBuild() {
      if (timer) return;
      timer = setInterval(look, pollMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      // An ingest still running is cut short: its file transactions are atomic, and the next ingest finishes the job.
      thread.close();
      void corpus.close();
    },
  };
}
