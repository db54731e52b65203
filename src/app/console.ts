// The local console: with no Discord token, `npm start` in a terminal reads
// slash commands as a user would type them in Discord and prints the answers
// as text, through the same commands and answers as the bot.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerCommands, commands } from '../commands/index.js';
import { parseCommandLine, usage } from '../parse-command-line.js';
import type { Corpus } from '../corpus/corpus.js';
import { describeProblem, shownToUser } from '../briefing/problems.js';
import { writeChartFile } from '../charts/chart-file.js';
import { toJson } from '../render/json.js';
import { toText, watchTestText } from '../render/text.js';
import { watchTest } from '../briefing/watch/watch-test.js';

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  /** Colours and bold marks for a real terminal. */
  ansi: boolean;
}

const GREETING = `briefing-bot console: type a slash command as you would in Discord, e.g.
  /actor name:Iran   /corridor name:Zangezur   /timeline actor:Azerbaijan from:2020
  /search query:sabotage   /brief topic:Pashinyan   /quote id:<id>   /sources
  /watch test rule:actor:Iran corridor:"Middle Corridor" days:30   (what a watch rule would have matched)
End a line with --limit N (0: every quote), --json (the full answer), or --chart FILE.png (/timeline, /corridor).
"help" lists the commands, "exit" (or Ctrl-D) leaves. Set DISCORD_TOKEN to run the Discord bot.`;

const HELP_WORDS = new Set(['help', '/help', '?']);

/** The options `briefing ask` takes, at the end of a console line, in any order: "/actor Iran --limit 0 --json". */
export interface LineFlags {
  limit: number;
  json: boolean;
  chart?: string;
}

const FLAG_AT_END = /\s+--(limit|json|chart)(?:\s+(?!--)(\S+))?\s*$/;

/** Takes the flags off the end of the line; a problem when one is given a value it cannot take. */
export function splitFlags(line: string): { line: string; flags: LineFlags } | { problem: string } {
  const flags: LineFlags = { limit: 10, json: false };
  let rest = line;
  for (let m = FLAG_AT_END.exec(rest); m; m = FLAG_AT_END.exec(rest)) {
    const [whole, name, value] = m;
    if (name === 'json') {
      // "--json" takes no value: anything after it belongs to the line.
      if (value !== undefined) break;
      flags.json = true;
    } else if (value === undefined)
      return { problem: `--${name} needs a value, e.g. --${name === 'limit' ? 'limit 0' : 'chart out.png'}.` };
    else if (name === 'limit') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) return { problem: `--limit must be a whole number of 0 or more, not "${value}".` };
      flags.limit = n;
    } else flags.chart = value;
    rest = rest.slice(0, rest.length - whole.length);
  }
  return { line: rest, flags };
}

/** "/watch test rule:<rule> [days:N|all]" (or the rule alone): what /watch test says in Discord, as text. */
const WATCH_TEST = /^\/watch\s+test\s+(?:rule:)?(.+?)(?:\s+days:(\S+))?$/s;

async function watchTestLine(m: RegExpExecArray, corpus: Corpus, flags: LineFlags, ansi: boolean): Promise<string> {
  const days = m[2] ?? '7';
  if (days !== 'all' && (!/^\d{1,3}$/.test(days) || Number(days) < 1 || Number(days) > 365))
    return `days must be a whole number of days from 1 to 365, or all, not "${days}".`;
  const since = days === 'all' ? 'all' : `${days}d`;
  const answer = await watchTest(corpus, m[1]!, { since, now: new Date(), limit: flags.limit === 0 ? Infinity : flags.limit });
  return flags.json ? JSON.stringify(answer, null, 2) : watchTestText(answer, { limit: flags.limit, ansi });
}

export async function answerLine(typed: string, corpus: Corpus, ansi: boolean): Promise<string> {
  const split = splitFlags(typed);
  if ('problem' in split) return split.problem;
  const { line, flags } = split;
  const watch = WATCH_TEST.exec(line.trim());
  if (watch) return watchTestLine(watch, corpus, flags, ansi);
  if (/^\/watch\b/.test(line.trim()))
    return (
      '/watch keeps watches for a Discord channel; here, /watch test rule:<rule> [days:N] shows what a rule would match, ' +
      'and briefing watch add|list|remove keeps them.'
    );
  const chartFile = flags.chart;
  const parsed = parseCommandLine(line, commands);
  if (!parsed.ok) return describeProblem(parsed.problem);
  const answer = await parsed.command.execute({ corpus, options: parsed.options });
  const text = flags.json ? JSON.stringify(toJson(answer), null, 2) : toText(answer, { limit: flags.limit, ansi });
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
      if (HELP_WORDS.has(line)) say(answerCommands.map((c) => `  ${usage(c)}\n      ${c.data.description}`).join('\n'));
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
