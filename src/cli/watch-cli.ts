// `briefing watch test|add|list|remove|pause|resume`: watch rules from the
// command line. `test` reads the corpus only (what a rule would have matched);
// the others keep the watches in the state database (DATABASE_URL), as
// Discord's /watch will. Exit codes: 0 done, 1 a user error, 2 bad usage.
import { parseArgs } from 'node:util';
import { describeProblem, type Problem } from '../briefing/problems.js';
import { addWatch, findWatch, listWatches } from '../briefing/watch/watch-rules.js';
import { watchTest } from '../briefing/watch/watch-test.js';
import { openCorpus } from '../corpus/build-store.js';
import { DataFileError } from '../corpus/data-file-error.js';
import { watchTestText } from '../render/text.js';
import { openStore } from '../store/open-store.js';
import { StoreError } from '../store/store-error.js';
import type { Store } from '../store/store.js';
import { type CliIo, cliSettings } from './cli-io.js';
import { parseArgsMessage } from './parse-args-message.js';

export const WATCH_HELP = `Watch rules (what a team watches):
  briefing watch test "<rule>" [--since 7d] [--json] [--limit N]
                                                      what a rule would have matched over a period (7d, 30d, a day,
                                                      or all), with counts and the quotes that show why, e.g.
                                                        briefing watch test 'actor:Iran corridor:"Middle Corridor"'
                                                        briefing watch test '"peace treaty" -football' --since 30d
                                                      (a rule that starts with "-" goes after --)
  briefing watch add "<rule>" --guild ID --channel ID [--thread] [--cap N] [--json]
                                                      keep a watch posting to a channel (--cap: alerts an hour, 10)
  briefing watch list [--guild ID] [--json]           the watches, with what each matched this week
  briefing watch remove|pause|resume <id>             stop, pause or resume a watch
  (all take --data DIR; the watches are kept in DATABASE_URL)`;

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const HINT = 'Run "briefing --help" for the watch commands and their options.';
const SNOWFLAKE = /^\d{17,20}$/;

export async function watchCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        since: { type: 'string' },
        guild: { type: 'string' },
        channel: { type: 'string' },
        thread: { type: 'boolean' },
        cap: { type: 'string' },
      },
    });
  } catch (e) {
    // A rule may start with "-" (an exclusion): after "--" it is the rule, not an option.
    io.err(`${parseArgsMessage(e)}. A rule that starts with "-" goes after --: briefing watch test -- '-football "peace treaty"'\n${HINT}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const [, action, ...rest] = positionals;
  const usage = (message: string) => {
    if (json) io.out(JSON.stringify({ ok: false, error: { code: 'usage', message } }, null, 2));
    else io.err(`${message}\n${HINT}`);
    return EXIT.usage;
  };
  const problem = (p: Problem) => {
    if (json) io.out(JSON.stringify({ ok: false, problem: p }, null, 2));
    else io.err(`Error: ${describeProblem(p)}`);
    return EXIT.failed;
  };
  const settings = cliSettings(env, io, values.data);
  if (!settings) return EXIT.failed;
  const { config, paths } = settings;
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0) return usage(`--limit must be a whole number of 0 or more, not "${values.limit}"`);
  const withStore = async (run: (store: Store) => Promise<number>) => {
    const store = await openStore(config.DATABASE_URL);
    try {
      return await run(store);
    } finally {
      await store.close();
    }
  };
  const now = new Date();

  try {
    if (action === 'test') {
      if (rest.length !== 1) return usage('watch test takes one quoted rule, e.g. briefing watch test \'actor:Iran "nuclear deal"\'');
      const corpus = openCorpus(paths, (l) => io.err(l));
      try {
        const answer = await watchTest(corpus, rest[0]!, { since: values.since ?? '7d', now, limit: limit === 0 ? Infinity : limit });
        io.out(json ? JSON.stringify(answer, null, 2) : watchTestText(answer, { limit, ansi: io.isTty }));
        return answer.ok ? EXIT.ok : EXIT.failed;
      } finally {
        await corpus.close();
      }
    }
    if (action === 'add') {
      if (rest.length !== 1) return usage('watch add takes one quoted rule and --guild ID --channel ID');
      if (!values.guild || !SNOWFLAKE.test(values.guild))
        return usage(`--guild must be a server id (17 to 20 digits), not "${values.guild ?? ''}"`);
      if (!values.channel || !SNOWFLAKE.test(values.channel))
        return usage(`--channel must be a channel id (17 to 20 digits), not "${values.channel ?? ''}"`);
      const corpus = openCorpus(paths, (l) => io.err(l));
      try {
        return await withStore(async (store) => {
          const r = await addWatch(
            store,
            corpus,
            {
              guildId: values.guild!,
              channelId: values.channel!,
              rule: rest[0]!,
              thread: values.thread ?? false,
              createdBy: 'cli',
              ...(values.cap !== undefined ? { hourlyCap: Number(values.cap) } : {}),
            },
            now,
          );
          if (!r.ok) return problem(r.problem);
          io.out(
            json
              ? JSON.stringify({ ok: true, watch: r.watch, warning: r.warning }, null, 2)
              : `Watch ${r.watch.id} added: ${r.watch.rule}${r.warning ? `\nWarning: ${r.warning}` : ''}`,
          );
          return EXIT.ok;
        });
      } finally {
        await corpus.close();
      }
    }
    if (action === 'list') {
      if (rest.length) return usage(`watch list takes no arguments besides --guild (got "${rest.join(' ')}")`);
      return await withStore(async (store) => {
        const list = await listWatches(store, values.guild, now);
        if (json) io.out(JSON.stringify({ ok: true, watches: list }, null, 2));
        else if (list.length === 0) io.out('No watches. Add one with: briefing watch add "<rule>" --guild ID --channel ID');
        else
          io.out(
            list
              .map(
                (w) =>
                  `${w.id}  ${w.status === 'paused' ? 'paused ' : 'active '} channel ${w.channelId}  ` +
                  `${w.matchedThisWeek} this week  cap ${w.hourlyCap}/h${w.thread ? '  threads' : ''}\n    ${w.rule}` +
                  (w.pauseReason ? `\n    paused: ${w.pauseReason}` : ''),
              )
              .join('\n'),
          );
        return EXIT.ok;
      });
    }
    if (action === 'remove' || action === 'pause' || action === 'resume') {
      if (rest.length !== 1) return usage(`watch ${action} takes one watch id, e.g. briefing watch ${action} wabc234`);
      return await withStore(async (store) => {
        const found = await findWatch(store, rest[0]!);
        if (!found.ok) return problem(found.problem);
        if (action === 'remove') await store.removeWatch(found.watch.id);
        else await store.setWatchStatus(found.watch.id, action === 'pause' ? 'paused' : 'active');
        const done = { remove: 'removed', pause: 'paused', resume: 'resumed' }[action];
        io.out(json ? JSON.stringify({ ok: true, id: found.watch.id, done }, null, 2) : `Watch ${found.watch.id} ${done}.`);
        return EXIT.ok;
      });
    }
    return usage(action ? `Unknown watch command "${action}".` : 'watch needs test, add, list, remove, pause or resume.');
  } catch (e) {
    if (!(e instanceof StoreError) && !(e instanceof DataFileError)) throw e;
    if (json) io.out(JSON.stringify({ ok: false, error: { code: 'unavailable', message: e.message } }, null, 2));
    else io.err(`Error: ${e.message}`);
    return EXIT.failed;
  }
}
