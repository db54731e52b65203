// The corpus the running bot answers from. It is one database connection:
// whatever `briefing ingest` commits is visible to the next query, with no
// reload and no second copy in memory. The bot still notices new articles
// (to record when digests first saw them) by asking for rows added since the
// last look, and SIGHUP re-reads raw/ in a worker thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import { openCorpus } from './build-store.js';
import type { Corpus } from './corpus.js';
import type { DataPaths } from './data-dir.js';
import type { WorkerMessage } from './ingest-worker.js';

export interface LiveCorpus {
  current(): Corpus;
  /** Ingests raw/ again off the event loop; false when that failed (the corpus keeps answering as it was). */
  reload(why: string): Promise<boolean>;
  /** Starts looking for new articles every pollMs. */
  watchBuild(): void;
  stop(): void;
}

/** The compiled worker: under the test runner this module is TypeScript, and a worker thread runs only JavaScript. */
function workerFile(): URL {
  const here = new URL('./ingest-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL(here.href.replace(/\/src\/corpus\/ingest-worker\.js$/, '/dist/src/corpus/ingest-worker.js'));
}

export interface LiveCorpusOptions {
  /** Told the ids of articles added since the last look. */
  onAdded?: (ids: string[]) => void;
  /** How often to look for new articles (watchBuild). */
  pollMs?: number;
  /**
   * Run after every ingest that succeeded, the one at start-up (first) included, to publish it to the database
   * replicas read; returns a line to log, or null. Until it is done, reload() has not finished.
   */
  afterIngest?: (first: boolean) => Promise<string | null>;
}

const START_UP = 'start-up';

export function liveCorpus(paths: DataPaths, log: Logger, o: LiveCorpusOptions = {}): LiveCorpus {
  const onAdded = o.onAdded ?? (() => {});
  const pollMs = o.pollMs ?? 2000;
  const corpus = openCorpus(paths, (line) => log.info(line));
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
  const workers = new Set<Worker>();
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

  function reload(why: string): Promise<boolean> {
    return new Promise((done) => {
      const worker = new Worker(workerFile(), { workerData: { root: paths.root } });
      workers.add(worker);
      let ok = false;
      worker.on('message', (m: WorkerMessage) => {
        if ('log' in m) log.info(m.log);
        else if ('done' in m) {
          ok = true;
          log.info(`ingest (${why}): ${m.done ?? 'nothing changed in raw/'}`);
        } else log.error(`ingest (${why}) failed; still answering from the corpus as it was: ${m.error}`);
      });
      worker.on('error', (e) => log.error(`ingest (${why}) failed; still answering from the corpus as it was: ${e.message}`));
      worker.on('exit', async () => {
        workers.delete(worker);
        if (ok) await Promise.all([look(), afterIngest(why)]);
        done(ok);
      });
    });
  }

  return {
    current: () => corpus,
    reload,
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
      for (const w of workers) void w.terminate();
      void corpus.close();
    },
  };
}
