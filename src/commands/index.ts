// Every slash command, listed statically so registration, the console and
// `briefing ask` all see the same set.
import type { Command } from '../command.js';
import { actorCommand } from './actor.js';
import { briefCommand } from './brief.js';
import { digestCommandData } from './digest.js';
import { addCommandData, feedsCommandData } from './feeds.js';
import { quoteCommand } from './quote.js';
import { saysCommand } from './says.js';
import { corridorCommand } from './corridor.js';
import { searchCommand } from './search.js';
import { sourcesCommand } from './sources.js';
import { timelineCommand } from './timeline.js';
import { watchCommandData } from './watch.js';

export const commands: readonly Command[] = [
  actorCommand,
  saysCommand,
  corridorCommand,
  timelineCommand,
  searchCommand,
  sourcesCommand,
  briefCommand,
  quoteCommand,
];

/** What Discord registers: the answer commands, plus /digest, /feeds, /add and /watch, which change state and exist only in Discord. */
export const registeredCommands = [...commands.map((c) => c.data), digestCommandData, feedsCommandData, addCommandData, watchCommandData];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.data.name === name);
}
