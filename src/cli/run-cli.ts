// The `briefing` command. Exit codes: 0 an answer, 1 a user error (including
// a bad data file), 2 bad usage.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { buildCorpus, openCorpus } from '../corpus/build-store.js';
import { snapshotAfterIngest, syncShared } from '../app/corpus-target.js';
import { StoreError } from '../store/store-error.js';
import { DataFileError } from '../corpus/data-file-error.js';
import { IngestBusyError } from '../corpus/db/ingest-lock.js';
import { NOT_AN_ARTICLE_FORMAT } from '../corpus/ingest/ingest.js';
import { dataPaths, shown } from '../corpus/data-dir.js';
import type { Answer } from '../briefing/answer-types.js';
import { closestName, describeProblem } from '../briefing/problems.js';
import { writeChartFile } from '../charts/chart-file.js';
import { exportCorpus } from '../briefing/export.js';
import { toJson } from '../render/json.js';
import { toText } from '../render/text.js';
import type { CliIo } from './cli-io.js';
import { FEEDS_HELP } from './feeds-cli.js';
import { WATCH_HELP } from './watch-cli.js';
import { ingestSummary } from './ingest-summary.js';
import { parseCommandLine } from '../parse-command-line.js';
import { packageVersion } from '../text/package-version.js';
import { parseArgsMessage } from './parse-args-message.js';

export type { CliIo };

export const HELP = `briefing: cited briefings from a corpus of news and analysis articles

Usage:
  briefing ingest [--data DIR]                        bring DIR/build up to date with DIR/raw and DIR/gazetteer.json
                                                      (only new, changed and removed files cost time)
  briefing ask "<command line>" [--data DIR] [--json] [--limit N] [--chart FILE]
                                                      answer one slash command, e.g.
                                                        briefing ask "/actor name:Iran"
                                                        briefing ask "/corridor name:Crossroads for Peace" --json
                                                        briefing ask "/search query:nuclear deal"
                                                        briefing ask "/sources"
                                                        briefing ask "/timeline actor:Azerbaijan from:2020 to:2024"
  briefing export [--data DIR]                        every article as one JSON line: its citation, source_file and its
                                                      passages in reading order (see "JSON shapes" in the README)
  briefing start                                      run the Discord bot (DISCORD_TOKEN), or the local console
                                                      in a terminal when no token is set
  briefing worker                                     run digests and feed polling (DISCORD_TOKEN) without a
                                                      gateway connection; one per lease in DATABASE_URL
  briefing serve                                      answer interactions at an Interactions Endpoint URL (PORT,
                                                      DISCORD_PUBLIC_KEY, DISCORD_APP_ID): no gateway connection
  briefing --version                                  print the version
  briefing deploy-commands [--guild ID]               register the slash commands in one server, or globally
  briefing doctor [--data DIR]                        check the settings, data files, databases and Discord, and say
                                                      how to fix what is wrong (exit 1 if anything is)
${FEEDS_HELP}
${WATCH_HELP}
Options:
  --data DIR   data folder holding raw/, gazetteer.json and build/ (default: ./data)
  --json       print the full answer as JSON, with no paging
  --limit N    quotes to print as text (default 10; 0 prints all)
  --chart FILE write the answer's chart as PNG (/timeline and /corridor)

Exit codes: 0 answer, 1 user error, 2 bad usage.`;

const EXIT = { ok: 0, user: 1, usage: 2 } as const;
/** Every subcommand of `briefing`, for "did you mean" (cli.ts sends each to its module). */
const CLI_COMMANDS = [
  'ingest',
  'ask',
  'export',
  'start',
  'worker',
  'serve',
  'deploy-commands',
  'doctor',
  'feeds',
  'fetch',
  'add',
  'watch',
  'help',
  'version',
];
/** A second `briefing ingest` waits this long for the first to finish. */
const INGEST_WAIT_MS = 10 * 60_000;

/** The mistake, and where help is: the whole help after every slip would scroll the one line that matters away. */
export const HELP_HINT = 'Run "briefing --help" for the commands and options.';

function usageError(io: CliIo, json: boolean, message: string): number {
  if (json) io.out(JSON.stringify({ ok: false, error: { code: 'usage', message } }, null, 2));
  else io.err(`${message}\n${HELP_HINT}`);
  return EXIT.usage;
}

/** --chart FILE: the answer's chart as PNG (every event, not a page of them). */
function writeChart(io: CliIo, file: string, answer: Answer): number {
  const r = writeChartFile(file, answer);
  io.err(r.message);
  return r.ok ? EXIT.ok : EXIT.user;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        chart: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // A watch rule may start with "-" (an exclusion): after "--" it is the rule, not an option.
    const hint = argv.includes('watch')
      ? ` A rule that starts with "-" goes after --: briefing watch test -- '-football "peace treaty"'`
      : '';
    return usageError(io, argv.includes('--json'), `${parseArgsMessage(e)}${hint}`);
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const [sub, ...rest] = positionals;
  if (values.help || sub === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if (values.version || sub === 'version') {
    io.out(`briefing-bot ${packageVersion()}`);
    return EXIT.ok;
  }
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0)
    return usageError(io, json, `--limit must be a whole number of 0 or more, not "${values.limit}"`);
  const paths = dataPaths(resolve(values.data ?? (io.env?.DATA_DIR || 'data')));

  try {
    if (sub === 'ingest') {
      if (rest.length) return usageError(io, json, `ingest takes no arguments besides --data (got "${rest.join(' ')}")`);
      const progress = (done: number, total: number, file: string) => {
        if (total >= 20 && (done % 50 === 0 || done === total)) io.err(`  read ${done}/${total} files (${file})`);
      };
      // With a Postgres DATABASE_URL, what other processes saved comes in first, and what is new here is uploaded.
      // A database that does not answer does not stop the ingest: the folder is ingested as it is, and the snapshot says why.
      const synced = io.env?.DATABASE_URL
        ? await syncShared(paths, io.env.DATABASE_URL).then(
            (r) => r.line,
            (e: unknown) => `shared documents: not synced (${e instanceof Error ? e.message : String(e)}); ingesting the folder as it is`,
          )
        : null;
      if (synced) io.err(synced);
      const result = buildCorpus(paths, { progress, log: (line) => io.err(line), waitMs: INGEST_WAIT_MS, checkIntegrity: true });
      // With a Postgres DATABASE_URL, a snapshot of the corpus for new processes, when the log moved on since the last.
      const snapshot = io.env?.DATABASE_URL ? await snapshotAfterIngest(paths, io.env.DATABASE_URL) : null;
      if (snapshot) io.err(snapshot);
      io.out(
        json
          ? JSON.stringify(
              {
                ok: true,
                command: 'ingest',
                articles: result.articles,
                passages: result.passages,
                report: result.report,
                discoveries: result.discoveries,
              },
              null,
              2,
            )
          : ingestSummary(result, shown(paths.raw), shown(paths.build)),
      );
      // Files that could not be read are listed above; the rest went in, but a script should notice.
      return result.report.skipped.some((s) => s.reason !== NOT_AN_ARTICLE_FORMAT) ? EXIT.user : EXIT.ok;
    }
    if (sub === 'ask') {
      if (rest.length !== 1) return usageError(io, json, 'ask takes one quoted command line, e.g. briefing ask "/actor name:Iran"');
      const line = parseCommandLine(rest[0]!, commands);
      if (!line.ok) return usageError(io, json, describeProblem(line.problem));
      if (values.chart !== undefined && !line.command.chart) {
        return usageError(io, json, `--chart draws /timeline and /corridor answers; /${line.command.data.name} has no chart`);
      }
      const corpus = openCorpus(paths, (l) => io.err(l));
      const answer = await line.command.execute({ corpus, options: line.options });
      io.out(json ? JSON.stringify(toJson(answer), null, 2) : toText(answer, { limit, ansi: io.isTty }));
      if (values.chart !== undefined && answer.ok)
        return writeChart(io, values.chart, await line.command.execute({ corpus, options: line.options }));
      return answer.ok ? EXIT.ok : EXIT.user;
    }
    const near = sub ? closestName(sub, CLI_COMMANDS) : undefined;
    if (sub === 'export') {
      if (rest.length) return usageError(io, json, `export takes no arguments besides --data (got "${rest.join(' ')}")`);
      const corpus = openCorpus(paths, (l) => io.err(l));
      let n = 0;
      try {
        for await (const article of exportCorpus(corpus)) {
          io.out(JSON.stringify(article));
          n++;
        }
      } finally {
        await corpus.close();
      }
      io.err(`${n} article(s) exported`);
      return EXIT.ok;
    }
    return usageError(io, json, sub ? `Unknown command "${sub}".${near ? ` Did you mean "briefing ${near}"?` : ''}` : 'No command given.');
  } catch (e) {
    if (e instanceof IngestBusyError) {
      if (json) io.out(JSON.stringify({ ok: false, error: { code: 'ingest-running', message: e.message } }, null, 2));
      else io.err(`Error: ${e.message}`);
      return EXIT.user;
    }
    if (e instanceof StoreError) {
      if (json) io.out(JSON.stringify({ ok: false, error: { code: e.problem.code, message: e.message } }, null, 2));
      else io.err(`Error: ${e.message}`);
      return EXIT.user;
    }
    if (!(e instanceof DataFileError)) throw e;
    if (json) io.out(JSON.stringify({ ok: false, error: { code: 'invalid-data-file', message: e.message, file: e.file } }, null, 2));
    else io.err(`Error: ${e.message}`);
    return EXIT.user;
  }
}
