// The local console: with no Discord token, `npm start` in a terminal reads
// slash commands as a user would type them in Discord and prints the answers
// as text, through the same commands and answers as the bot.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commands } from '../commands/index.js';
import { parseCommandLine, usage } from './parse-command-line.js';
import type { Corpus } from './corpus/corpus.js';
import { toText } from './render/text.js';

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  /** Colours and bold marks for a real terminal. */
  ansi: boolean;
}

const GREETING = `briefing-bot console: type a slash command as you would in Discord, e.g.
  /actor name:Iran   /corridor name:Zangezur   /timeline actor:Azerbaijan from:2020
  /search query:sabotage   /brief topic:Pashinyan   /quote id:<id>   /sources
"help" lists the commands, "exit" (or Ctrl-D) leaves. Set DISCORD_TOKEN to run the Discord bot.`;

export function answerLine(line: string, corpus: Corpus, ansi: boolean): string {
  const parsed = parseCommandLine(line, commands);
  if (!parsed.ok) return parsed.message;
  return toText(parsed.command.execute({ corpus, options: parsed.options }), { limit: 10, ansi });
}

export function runConsole(corpus: () => Corpus, io: ConsoleIo): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, prompt: 'briefing> ', terminal: io.ansi });
  const say = (text: string) => io.output.write(`${text}\n`);
  say(GREETING);
  rl.prompt();
  rl.on('line', (raw) => {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') return rl.close();
    if (line === 'help') say(commands.map((c) => `  ${usage(c)}\n      ${c.data.description}`).join('\n'));
    else if (line) say(answerLine(line, corpus(), io.ansi));
    rl.prompt();
  });
  return new Promise((resolve) => rl.on('close', resolve));
}
