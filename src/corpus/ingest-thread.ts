// The worker thread ingests run in, kept between ingests. Starting one loads the
// whole ingest pipeline (the HTML, Markdown and feed readers, sentence splitting,
// date parsing: about half a second of CPU), which every /add, feed poll and
// SIGHUP paid again. It stays while ingests keep coming and is closed after a
// minute without one, so an idle bot holds no second copy of the pipeline; one
// that dies is replaced by the next ingest. Ingests run one at a time, in order.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerMessage } from './ingest-worker.js';

export type IngestOutcome = { done: string | null } | { error: string };

export interface IngestThread {
  /** Ingests raw/ again (only the files named, relative to raw/, when given); `log` is told the ingest's own lines as they come. */
  run(log: (line: string) => void, only?: readonly string[]): Promise<IngestOutcome>;
  /** Writes a compacted copy of the corpus file to `file` (VACUUM INTO), in turn with the ingests. */
  copyTo(file: string): Promise<IngestOutcome>;
  /** Ends the thread; an ingest still running is cut short (its file transactions are atomic). */
  close(): void;
}

/**
 * The compiled worker, beside this module (dist/src, or dist/bin where the build bundles both). Under the test runner
 * this module is TypeScript and a worker thread runs only JavaScript: the bundled worker then, which starts in a
 * third of the time.
 */
function workerFile(): URL {
  const here = new URL('./ingest-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL(here.href.replace(/\/src\/corpus\/ingest-worker\.js$/, '/dist/bin/ingest-worker.js'));
}

const IDLE_MS = 60_000;

export function ingestThread(root: string, o: { idleMs?: number; started?: () => void } = {}): IngestThread {
  const idleMs = o.idleMs ?? IDLE_MS;
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  // The ingest under way, and the thread it was sent to: only that thread's messages and end settle it.
  let job: { on: Worker; log: (line: string) => void; settle: (outcome: IngestOutcome) => void } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const start = (): Worker => {
    const w = new Worker(workerFile(), { workerData: { root } });
    o.started?.();
    const mine = () => (job?.on === w ? job : null);
    w.on('message', (m: WorkerMessage) => {
      if ('log' in m) mine()?.log(m.log);
      else mine()?.settle(m);
    });
    w.on('error', (e) => mine()?.settle({ error: e.message }));
    w.on('exit', () => {
      if (worker === w) worker = null;
      mine()?.settle({ error: closed ? 'stopped' : 'the ingest thread stopped' });
    });
    return w;
  };

  const runOne = (log: (line: string) => void, what: WorkerJob) =>
    new Promise<IngestOutcome>((resolve) => {
      if (closed) return resolve({ error: 'stopped' });
      if (idle) clearTimeout(idle);
      const w = (worker ??= start());
      // Held while it works (the process waits for it), let go of while idle.
      w.ref();
      job = {
        on: w,
        log,
        settle: (outcome) => {
          job = null;
          w.unref();
          idle = setTimeout(() => {
            // Forgotten at once: an ingest asked for while it shuts down gets a new thread.
            if (worker === w) worker = null;
            void w.terminate();
          }, idleMs);
          idle.unref();
          resolve(outcome);
        },
      };
      w.postMessage(what);
    });

  return {
    run(log, only) {
      const outcome = queue.then(() => runOne(log, only ? { only: [...only] } : 'ingest'));
      queue = outcome;
      return outcome;
    },
    copyTo(file) {
      const outcome = queue.then(() => runOne(() => {}, { copyTo: file }));
      queue = outcome;
      return outcome;
    },
    close() {
      closed = true;
      if (idle) clearTimeout(idle);
      void worker?.terminate();
    },
  };
}
