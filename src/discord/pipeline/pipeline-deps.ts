// What the interaction pipeline needs, in a module of its own so that its
// parts (commands, buttons, threads) import it without importing each other.
import type { ManagementServices } from '../../commands/management.js';
import type { Corpus } from '../../corpus/corpus.js';
import type { Logger } from '../../logger.js';

export interface PipelineDeps extends ManagementServices {
  /** The current corpus (it may be reloaded while the bot runs). */
  corpus(): Corpus;
  log: Logger;
  /** How long an answer waits for its chart before going out alone (the chart follows in an edit); 500 ms by default. */
  chartWaitMs?: number | undefined;
}
