// Runs ingests in a worker thread, so the bot keeps answering while raw/ is
// read and written: parsing a large article can take seconds of CPU, and on
// the bot's event loop that would hold every interaction past Discord's 3 s.
// Each message from the bot is one ingest, or a compacted copy of the corpus
// file for a snapshot (VACUUM INTO reads the whole file: seconds at 70,000
// articles); the thread is kept between them (see ingest-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { buildCorpus, changeLine } from './build-store.js';
import { dataPaths } from './data-dir.js';
import { compactCopyOf } from './db/corpus-db.js';

export type WorkerMessage = { log: string } | { done: string | null } | { error: string };
/** An ingest of all of raw/, of the files named (relative to raw/), or a compacted copy of the corpus file. */
export type WorkerJob = 'ingest' | { only: string[] } | { copyTo: string };

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const paths = dataPaths((workerData as { root: string }).root);

parentPort?.on('message', (job: WorkerJob) => {
  try {
    if (typeof job === 'object' && 'copyTo' in job) {
      compactCopyOf(paths.build, job.copyTo);
      return post({ done: null });
    }
    const only = typeof job === 'object' ? { only: job.only } : {};
    const result = buildCorpus(paths, { log: (line) => post({ log: line }), waitMs: 60_000, ...only });
    post({ done: changeLine(result.report) });
  } catch (e) {
    post({ error: e instanceof Error ? e.message : String(e) });
  }
});
