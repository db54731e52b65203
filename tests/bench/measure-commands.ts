// Answer latency in one process with the corpus open, through the same
// command objects Discord and the CLI call, and the naive baseline: the same
// FTS5 index searched the way a first version would, with the user's text
// passed to MATCH as it is (its syntax errors counted as throws).
import Database from 'better-sqlite3';
import { corpusFile } from '../../src/corpus/db/corpus-db.js';
import { answerCommands } from '../../src/commands/index.js';
import { nameChoices } from '../../src/briefing/name-choices.js';
import { pageWindow } from '../../src/render/discord/render.js';
import type { OptionValue } from '../../src/command.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import type { QueryMix } from './query-mix.js';
import { latency, round, timeEach, type Latency } from './stats.js';

/** Rounds over the mix by default: a p99 with over 500 samples per command. */
export const ROUNDS = 12;

export interface CommandFigures {
  actor: Latency;
  corridor: Latency;
  timeline: Latency;
  search: Latency;
  autocomplete: Latency;
  says: Latency;
}

export interface BaselineFigures {
  search: Latency & { throws: number; queries: number; build_ms: number };
  /** Our p50 and p99 divided by the baseline's (below 1: we are faster). */
  ratio: { p50: number; p99: number };
}

/** As the Discord router asks: the window of the first page. */
function ask(corpus: Corpus, name: string, options: Record<string, OptionValue>): unknown {
  return answerCommands.find((c) => c.data.name === name)!.execute({ corpus, options, window: pageWindow(name, 0) });
}

export async function measureCommands(corpus: Corpus, mix: QueryMix, rounds = ROUNDS): Promise<CommandFigures> {
  // The first search reads the index's pages from disk; that cost belongs to start-up, not to every answer.
  await ask(corpus, 'search', { query: 'warm up' });
  return {
    actor: latency(await timeEach(mix.actor, rounds, (name) => ask(corpus, 'actor', { name }))),
    corridor: latency(await timeEach(mix.corridor, rounds, (name) => ask(corpus, 'corridor', { name }))),
    timeline: latency(await timeEach(mix.timeline, rounds, (options) => ask(corpus, 'timeline', options))),
    search: latency(await timeEach(mix.search, rounds, (query) => ask(corpus, 'search', { query }))),
    autocomplete: latency(await timeEach(mix.autocomplete, rounds, (q) => nameChoices(corpus, q.kind, q.typed))),
    says: latency(await timeEach(mix.says, rounds, (options) => ask(corpus, 'says', options))),
  };
}

export async function measureBaseline(build: string, mix: QueryMix, ours: Latency, rounds = ROUNDS): Promise<BaselineFigures> {
  const started = performance.now();
  const db = new Database(corpusFile(build), { readonly: true });
  const naive = db.prepare(`SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 100`);
  const build_ms = round(performance.now() - started, 1);
  const throwing = new Set<string>();
  const samples = await timeEach(mix.search, rounds, (q) => {
    try {
      naive.all(q);
    } catch {
      throwing.add(q);
    }
  });
  db.close();
  const search = { ...latency(samples), throws: throwing.size, queries: mix.search.length, build_ms };
  return { search, ratio: { p50: round(ours.p50_ms / search.p50_ms, 2), p99: round(ours.p99_ms / search.p99_ms, 2) } };
}
