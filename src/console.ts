// The local console: with no Discord token, `npm start` in a terminal reads
// slash commands as a user would type them in Discord and prints the answers
// as text, through the same commands and answers as the bot.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commands } from '../commands/index.js';
import { parseCommandLine, usage } from './parse-command-line.js';
import type { Corpus } from './corpus/corpus.js';
import { describeProblem, shownToUser } from './briefing/problems.js';
import { writeChartFile } from './charts/chart-file.js';
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
Add --chart FILE.png to a /timeline or /corridor line to write its chart.
"help" lists the commands, "exit" (or Ctrl-D) leaves. Set DISCORD_TOKEN to run the Discord bot.`;

/** "/timeline actor:Iran --chart out.png": the answer, and its chart written to the file. */
const CHART_SUFFIX = /\s+--chart\s+(\S+)\s*$/;

export async function answerLine(line: string, corpus: Corpus, ansi: boolean): Promise<string> {
  const chartFile = CHART_SUFFIX.exec(line)?.[1];
  const parsed = parseCommandLine(chartFile ? line.replace(CHART_SUFFIX, '') : line, commands);
  if (!parsed.ok) return describeProblem(parsed.problem);
  const answer = await parsed.command.execute({ corpus, options: parsed.options });
  const text = toText(answer, { limit: 10, ansi });
  if (!chartFile) return text;
  if (!parsed.command.chart) return `${text}\n--chart draws /timeline and /corridor answers; /${parsed.command.data.name} has no chart.`;
  return answer.ok ? `${text}\n${writeChartFile(chartFile, answer).message}` : text;
}

export function runConsole(corpus: () => Corpus, io: ConsoleIo): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, prompt: 'briefing> ', terminal: io.ansi });
  const say = (text: string) => io.output.write(`${text}\n`);
  say(GREETING);
  rl.prompt();
  // Lines are answered one at a time, in the order typed (or piped), however long each answer takes.
  let answering = Promise.resolve();
  const answer = async (line: string) => {
    if (line === 'exit' || line === 'quit') return rl.close();
    try {
      if (line === 'help') say(commands.map((c) => `  ${usage(c)}\n      ${c.data.description}`).join('\n'));
      else if (line) say(await answerLine(line, corpus(), io.ansi));
    } catch (e) {
      say(shownToUser(e) ?? `Something went wrong answering that: ${e instanceof Error ? e.message : String(e)}`);
    }
    rl.prompt();
  };
  rl.on('line', (raw) => {
    answering = answering.then(() => answer(raw.trim()));
  });
  return new Promise((resolve) => rl.on('close', () => void answering.then(resolve)));
}
