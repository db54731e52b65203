// The shape of a slash command, shared by the Discord adapter, the terminal
// console and `briefing ask`. `data` is the Discord registration payload, and
// also tells the text parser which options exist; `execute` reads the options
// and calls the pure core.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Answer } from './briefing/answer-types.js';
import type { Corpus } from './corpus/corpus.js';

export type OptionValue = string | number | boolean;

export interface CommandContext {
  corpus: Corpus;
  options: Readonly<Record<string, OptionValue | undefined>>;
}

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(ctx: CommandContext): Answer;
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
