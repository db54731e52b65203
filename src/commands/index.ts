// The one registry: every slash command, answer or management, listed
// statically, so registration, both Discord transports, the console and
// `briefing ask` all see the same set. Answer commands run anywhere; a
// management command changes what a server has set up and runs only in Discord.
import type { Command } from '../command.js';
import { actorCommand } from './actor.js';
import { briefCommand } from './brief.js';
import { digestCommand } from './digest.js';
import { addCommand, feedsCommand } from './feeds.js';
import type { ManagementCommand } from './management.js';
import { quoteCommand } from './quote.js';
import { saysCommand } from './says.js';
import { corridorCommand } from './corridor.js';
import { searchCommand } from './search.js';
import { sourcesCommand } from './sources.js';
import { timelineCommand } from './timeline.js';
import { watchCommand } from './watch.js';

export type SlashCommand = Command | ManagementCommand;

export const commands: readonly SlashCommand[] = [
  actorCommand,
  saysCommand,
  corridorCommand,
  timelineCommand,
  searchCommand,
  sourcesCommand,
  briefCommand,
  quoteCommand,
  digestCommand,
  feedsCommand,
  addCommand,
  watchCommand,
];

/** The commands that answer from the corpus: the ones the console and `briefing ask` run. */
export const answerCommands: readonly Command[] = commands.filter((c): c is Command => c.kind !== 'management');

/** What Discord registers. */
export const registeredCommands = commands.map((c) => c.data);

export function findCommand(name: string): SlashCommand | undefined {
  return commands.find((c) => c.data.name === name);
}
