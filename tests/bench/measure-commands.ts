// Answer latency in one process with the corpus loaded, through the same
// command objects Discord and the CLI call, and the naive baseline: plain
// lunr over the same passages, searched with idx.search(userText).
import lunr from 'lunr';
import { findCommand } from '../../commands/index.js';
import { nameChoices } from '../../src/briefing/name-choices.js';
import type { OptionValue } from '../../src/command.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import type { QueryMix } from './query-mix.js';
import { latency, round, timeEach, type Latency } from './stats.js';

/** Enough rounds over the mix for a p99 with over 500 samples per command. */
const REPEAT = 12;

export interface CommandFigures {
  actor: Latency;
  corridor: Latency;
  timeline: Latency;
  search: Latency;
  autocomplete: Latency;
}

export interface BaselineFigures {
  search: Latency & { throws: number; queries: number; build_ms: number };
  /** Our p50 and p99 divided by the baseline's (below 1: we are faster). */
  ratio: { p50: number; p99: number };
}

function ask(corpus: Corpus, name: string, options: Record<string, OptionValue>): unknown {
  return findCommand(name)!.execute({ corpus, options });
}

export function measureCommands(corpus: Corpus, mix: QueryMix): CommandFigures {
  // The first search loads the index from disk; that cost belongs to start-up, not to every answer.
  ask(corpus, 'search', { query: 'warm up' });
  return {
    actor: latency(timeEach(mix.actor, REPEAT, (name) => ask(corpus, 'actor', { name }))),
    corridor: latency(timeEach(mix.corridor, REPEAT, (name) => ask(corpus, 'corridor', { name }))),
    timeline: latency(timeEach(mix.timeline, REPEAT, (options) => ask(corpus, 'timeline', options))),
    search: latency(timeEach(mix.search, REPEAT, (query) => ask(corpus, 'search', { query }))),
    autocomplete: latency(timeEach(mix.autocomplete, REPEAT, (q) => nameChoices(corpus, q.kind, q.typed))),
  };
}

export function measureBaseline(corpus: Corpus, mix: QueryMix, ours: Latency): BaselineFigures {
  const started = performance.now();
  const idx = lunr(function () {
    this.ref('id');
    this.field('text');
    for (const p of corpus.data.passages) this.add({ id: p.id, text: p.text });
  });
  const build_ms = round(performance.now() - started, 1);
  const throwing = new Set<string>();
  const samples = timeEach(mix.search, REPEAT, (q) => {
    try {
      idx.search(q);
    } catch {
      throwing.add(q);
    }
  });
  const search = { ...latency(samples), throws: throwing.size, queries: mix.search.length, build_ms };
  return { search, ratio: { p50: round(ours.p50_ms / search.p50_ms, 2), p99: round(ours.p99_ms / search.p99_ms, 2) } };
}
