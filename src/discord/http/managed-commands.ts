// The management commands the Interactions Endpoint runs itself (/digest,
// /watch), by name, with the dependencies each needs: the HTTP adapter finds
// a command here and names none. A command whose dependencies this endpoint
// lacks says why.
import { digestCommandData } from '../../commands/digest.js';
import { watchCommandData } from '../../commands/watch.js';
import { ruleChoices } from '../../briefing/watch/rule-choices.js';
import { digestChoices, runDigest } from '../digest-interactions.js';
import { runWatch } from '../watch-interactions.js';
import type { RunSubcommand } from './answer-managed.js';
import type { HttpAnswerDeps } from './http-answer.js';

export interface ManagedCommand {
  name: string;
  /** The subcommands, bound to their dependencies; or why they cannot run on this endpoint. */
  runner(deps: HttpAnswerDeps): RunSubcommand | string;
  /** Autocomplete of one of its options. */
  choices(deps: HttpAnswerDeps, option: string, typed: string, guildId: string | null): Promise<{ name: string; value: string }[]>;
}

export const MANAGED_COMMANDS: readonly ManagedCommand[] = [
  {
    name: digestCommandData.name,
    runner: (deps) =>
      deps.digest
        ? (q, sub) => runDigest(q, sub, deps.digest!)
        : '⚠️ /digest needs DISCORD_TOKEN on this endpoint: digests are posted as the bot.',
    choices: async (deps, option, typed, guildId) => (deps.digest ? digestChoices(deps.digest, option, typed, guildId) : []),
  },
  {
    name: watchCommandData.name,
    runner: (deps) =>
      deps.watch ? (q, sub) => runWatch(q, sub, deps.watch!) : '⚠️ /watch is not available: this endpoint runs without its database.',
    choices: async (deps, option, typed) => (option === 'rule' ? ruleChoices(deps.corpus(), typed) : []),
  },
];
