// The shape of a slash command, shared by the Discord adapter, the terminal
// console and `briefing ask`. `data` is the Discord registration payload, and
// also tells the text parser which options exist; `execute` reads the options
// and calls the pure core.
import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Answer } from './briefing/answer-types.js';
import type { ChoiceKind } from './briefing/name-choices.js';
import type { Corpus } from './corpus/corpus.js';
import type { Window } from './briefing/window.js';

/** Read commands answer in the channel; private:true makes the reply visible to the asker only. */
export const PRIVATE_OPTION = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'private',
  description: 'Only you see the answer',
} as const;

/** Commands that draw a picture take chart:false to leave it out. */
export const CHART_OPTION = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'chart',
  description: 'Attach a chart (default: yes)',
} as const;

export type OptionValue = string | number | boolean;

export interface CommandContext {
  corpus: Corpus;
  options: Readonly<Record<string, OptionValue | undefined>>;
  /** The slice of a long list to answer with (Discord draws one page); absent: from the start. */
  window?: Window;
}

/** An answer command: it reads the corpus and answers the same in Discord, the console and `briefing ask`. */
export interface Command {
  kind?: 'answer';
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(ctx: CommandContext): Promise<Answer>;
  /** Autocompleted options and the names they offer. */
  autocomplete?: Readonly<Record<string, ChoiceKind>>;
  /** May take longer than about a second (full-text search on a large corpus): Discord is told to wait first. */
  slow?: boolean;
  /** Draws a chart beside the answer (src/charts/answer-chart.ts), unless chart:false. */
  chart?: boolean;
  /** How Discord posts the answer: a reply (the default), or a message with a discussion thread opened on it. */
  reply?: 'reply' | 'thread';
  /** With reply 'thread': what the thread is named ("<title>: <topic> · <day>") and the first line posted in it. */
  thread?: { title: string; firstLine: string };
}

/**
 * A management command (/digest, /feeds, /add, /watch): it changes what a server has set up, so it runs only in
 * Discord; src/commands/management.ts gives it its subcommands.
 */
export interface ManagementCommandData {
  kind: 'management';
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** The terminal's command with the same verbs, when there is one ("briefing feeds"). */
  cli?: string;
}

/** An optional string option: undefined when absent, so the core can tell "not given" from "given empty". */
export function optionalString(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.options[name];
  return v === undefined ? undefined : String(v);
}

/** A string option's value, or '' when absent (the core reports an empty value itself). */
export function stringOption(ctx: CommandContext, name: string): string {
  const v = ctx.options[name];
  return v === undefined ? '' : String(v);
}
