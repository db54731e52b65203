// Run as a fresh process by the benchmark: opens the corpus in DATA_DIR the way
// `briefing start` does (checking raw/ for changes first), answers one /actor, and
// reports the time since the process started. Then it answers one of each
// other command and reports memory after a full garbage collection.
import { answerCommands } from '../../src/commands/index.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { mb, round } from './stats.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: load-probe <data dir>');
const corpus = openCorpus(dataPaths(dir));
await answerCommands.find((c) => c.data.name === 'actor')!.execute({ corpus, options: { name: 'Iran' } });
// performance.now() counts from the start of this process: node's own start-up and module loading included.
const load_ms = round(performance.now(), 1);
for (const [name, options] of [
  ['corridor', { name: 'Zangezur Corridor' }],
  ['timeline', { actor: 'Iran' }],
  ['search', { query: 'peace treaty' }],
] as const) {
  await answerCommands.find((c) => c.data.name === name)!.execute({ corpus, options });
}
(globalThis as { gc?: () => void }).gc?.();
const m = process.memoryUsage();
process.stdout.write(JSON.stringify({ load_ms, heap_mb: mb(m.heapUsed), rss_mb: mb(m.rss) }));
