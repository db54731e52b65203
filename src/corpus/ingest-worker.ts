// Runs ingests in a worker thread, so the bot keeps answering while raw/ is
// read and written: parsing a large article can take seconds of CPU, and on
// the bot's event loop that would hold every interaction past Discord's 3 s.
// Each message from the bot is one ingest; the thread is kept between them
// (see ingest-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { buildCorpus, changeLine } from './build-store.js';
import { dataPaths } from './data-dir.js';

export type WorkerMessage = { log: string } | { done: string | null } | { error: string };

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const paths = dataPaths((workerData as { root: string }).root);
parentPort?.on('message', () => {
  try {
    const result = buildCorpus(paths, { log: (line) => post({ log: line }), waitMs: 60_000 });
    post({ done: changeLine(result.report) });
  } catch (e) {
    post({ error: e instanceof Error ? e.message : String(e) });
  }
});
