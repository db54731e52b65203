// What the interaction handlers need, in a module of its own so that handlers
// (the router, /brief threads, /digest) import it without importing each other.
import type { Corpus } from '../corpus/corpus.js';
import type { Logger } from '../logger.js';
import type { DigestInteractionDeps } from './digest-interactions.js';
import type { FeedsInteractionDeps } from './feeds-interactions.js';
import type { WatchInteractionDeps } from './watch-interactions.js';

export interface RouterDeps {
  /** The current corpus (it may be reloaded while the bot runs). */
  corpus(): Corpus;
  log: Logger;
  /** Digest subscriptions; absent when the bot runs without a store. */
  digest?: DigestInteractionDeps | undefined;
  /** How long an answer waits for its chart before going out alone (the chart follows in an edit); 500 ms by default. */
  chartWaitMs?: number | undefined;
  /** Feeds and links; absent when the bot runs without a store. */
  feeds?: FeedsInteractionDeps | undefined;
  /** Watch rules; absent when the bot runs without a store. */
  watch?: WatchInteractionDeps | undefined;
}
