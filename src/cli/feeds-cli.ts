// `briefing feeds add|list|remove|resume`, `briefing fetch` and `briefing add
// <url>`: the feed list (DATA_DIR/feeds.json), one poll of every feed, and one
// article by URL. The fetch state lives in the store (DATABASE_URL). Exit
// codes: 0 done, 1 a feed or a link failed (the rest is still saved and
// ingested), 2 bad usage.
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { addedArticle } from '../briefing/sources.js';
import { buildCorpus, changeLine, openCorpus } from '../corpus/build-store.js';
import { snapshotAfterIngest, syncShared } from '../app/corpus-target.js';
import { DataFileError } from '../corpus/data-file-error.js';
import { shown, type DataPaths } from '../corpus/data-dir.js';
import { IngestBusyError } from '../corpus/db/ingest-lock.js';
import { addLink } from '../feeds/add-link.js';
import { addFeed, readFeedList, removeFeed } from '../feeds/feed-list.js';
import { feedPollDeps, fetchSettings, httpClientFor } from '../feeds/fetch-session.js';
import { parseArgsMessage } from './parse-args-message.js';
import { probeFeed } from '../feeds/probe-feed.js';
import { canonicalUrl } from '../web/canonical-url.js';
import { feedStatusRows, formatFeedReport } from '../feeds/feed-report.js';
import { pollFeeds, resumeFeed } from '../feeds/poll-feeds.js';
import { toJson } from '../render/json.js';
import { toText } from '../render/text.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { StoreError } from '../store/store-error.js';
import { type CliIo, cliSettings } from './cli-io.js';

export const FEEDS_HELP = `Feeds and links:
  briefing feeds add <url> [--name NAME] [--keep-all]  follow a feed (RSS, Atom or JSON Feed); --keep-all keeps items that
                                                      mention no actor or corridor of the gazetteer
  briefing feeds list [--json]                        the followed feeds: last success, last new item, failures, paused
  briefing feeds remove <id|url>                      stop following a feed (its saved articles stay)
  briefing feeds resume <id>                          try a paused feed again
  briefing fetch [--json]                             poll every feed once, save and ingest what is new
  briefing add <url> [--json]                         add one article by its URL
  (all take --data DIR; the fetch state is kept in DATABASE_URL)`;

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const FEEDS_HINT = 'Run "briefing --help" for the feed commands and their options.';
const INGEST_WAIT_MS = 10 * 60_000;

type Values = { data?: string; json?: boolean; name?: string; 'keep-all'?: boolean };

export async function feedsCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { data: { type: 'string' }, json: { type: 'boolean' }, name: { type: 'string' }, 'keep-all': { type: 'boolean' } },
    }));
  } catch (e) {
    io.err(`${parseArgsMessage(e)}\n${FEEDS_HINT}`);
    return EXIT.usage;
  }
  // --data moves everything that follows the data folder, the state database's default included.
  const read = cliSettings(env, io, values.data);
  if (!read) return EXIT.failed;
  const { config, paths } = read;
  const json = values.json ?? false;
  const [sub, action, ...rest] = positionals;
  const usage = (message: string) => {
    io.err(`${message}\n${FEEDS_HINT}`);
    return EXIT.usage;
  };
  const settings = fetchSettings(config);
  // With a Postgres DATABASE_URL, a snapshot of the corpus for new processes when one is due (a line on stderr says so).
  const snapshot = async (store: Store) => {
    const line = await snapshotAfterIngest(paths, config.DATABASE_URL, store);
    if (line) io.err(line);
  };
  // With a Postgres DATABASE_URL, the pages saved here go into the shared document log, and others' come in.
  const share = async (store: Store) => {
    const { line } = await syncShared(paths, config.DATABASE_URL, store);
    if (line) io.err(line);
  };
  const withStore = async (run: (store: Store) => Promise<number> | number): Promise<number> => {
    const store = await openStore(config.DATABASE_URL);
    try {
      return await run(store);
    } finally {
      await store.close();
    }
  };

  try {
    if (sub === 'feeds') {
      if (action === 'add') {
        if (rest.length !== 1) return usage('feeds add takes one feed URL.');
        const url = canonicalUrl(rest[0]!);
        if (!url) return fail(io, json, 'feed-not-added', 'The feed address must be an http(s) URL.');
        const probe = await probeFeed(url, httpClientFor(settings));
        if (!probe.ok) return fail(io, json, 'feed-not-added', probe.reason);
        const r = addFeed(paths, { url, name: values.name ?? probe.title ?? undefined, keepAll: values['keep-all'] ?? false });
        if (!r.ok) return fail(io, json, 'feed-not-added', r.message);
        io.out(
          json
            ? JSON.stringify({ ok: true, feed: r.feed, items: probe.items }, null, 2)
            : `Following "${r.feed.name}" as ${r.feed.id}: ${r.feed.url} (${probe.items} item(s) in it now; briefing fetch reads them)`,
        );
        return EXIT.ok;
      }
      if (action === 'remove') {
        if (rest.length !== 1) return usage('feeds remove takes one feed id or URL.');
        const r = removeFeed(paths, rest[0]!);
        if (!r.ok) return fail(io, json, 'unknown-feed', r.message);
        await withStore(async (store) => {
          await store.forgetFeed(r.feed.id);
          return 0;
        });
        io.out(
          json
            ? JSON.stringify({ ok: true, removed: r.feed }, null, 2)
            : `Stopped following ${r.feed.id} (${r.feed.url}); its articles stay.`,
        );
        return EXIT.ok;
      }
      if (action === 'resume') {
        if (rest.length !== 1) return usage('feeds resume takes one feed id.');
        const id = rest[0]!;
        if (!readFeedList(paths).feeds.some((f) => f.id === id))
          return fail(io, json, 'unknown-feed', `No followed feed has the id "${id}".`);
        const resumed = await withStore(async (store) => ((await resumeFeed(store, id)) ? 1 : 0));
        io.out(resumed ? `${id} will be polled again.` : `${id} is not paused.`);
        return EXIT.ok;
      }
      if (action === 'list') {
        const feeds = readFeedList(paths).feeds;
        return await withStore(async (store) => {
          const rows = await feedStatusRows(feeds, store);
          io.out(
            json ? JSON.stringify({ ok: true, feeds: rows }, null, 2) : rows.length ? rows.map((r) => r.line).join('\n') : noFeeds(paths),
          );
          return EXIT.ok;
        });
      }
      return usage(action ? `Unknown feeds command "${action}".` : 'feeds needs add, list, remove or resume.');
    }

    if (sub === 'fetch') {
      if (action) return usage(`fetch takes no arguments besides --data and --json (got "${action}").`);
      // Before any request: a poll whose pages have nowhere to go would fetch everything for nothing.
      const noFolder = readyForPages(paths);
      if (noFolder) return fail(io, json, 'invalid-data-file', noFolder);
      const feeds = readFeedList(paths).feeds;
      if (feeds.length === 0) {
        io.out(json ? JSON.stringify({ ok: true, command: 'fetch', feeds: [], requests: 0 }, null, 2) : noFeeds(paths));
        return EXIT.ok;
      }
      return await withStore(async (store) => {
        const deps = feedPollDeps(paths, store, settings, { respectBackoff: false });
        if (!json) io.err(`Polling ${feeds.length} feed(s)...`);
        const result = await pollFeeds(feeds, { ...deps, ...(json ? {} : { progress: (r) => io.err(formatFeedReport(r)) }) });
        // No article yet is what the feeds did, not an error: the report says why (off topic, failed, waiting).
        await share(store);
        const ingest = buildCorpus(paths, { log: (l) => io.err(l), waitMs: INGEST_WAIT_MS, allowEmpty: true });
        await snapshot(store);
        if (json)
          io.out(
            JSON.stringify(
              {
                ok: true,
                command: 'fetch',
                feeds: result.feeds,
                requests: result.requests,
                ingest: ingest.report,
                articles: ingest.articles,
              },
              null,
              2,
            ),
          );
        else io.out(fetchSummary(result.saved, shown(paths.raw), changeLine(ingest.report), ingest.articles));
        return result.feeds.some((f) => f.status === 'failed') ? EXIT.failed : EXIT.ok;
      });
    }

    if (sub === 'add') {
      if (!action || rest.length) return usage('add takes one article URL, e.g. briefing add https://oc-media.org/some-article/');
      const noFolder = readyForPages(paths);
      if (noFolder) return fail(io, json, 'invalid-data-file', noFolder);
      return await withStore(async (store) => {
        const deps = feedPollDeps(paths, store, settings, { respectBackoff: false });
        const r = await addLink(action, deps);
        if (!r.ok) return fail(io, json, 'link-not-added', r.reason);
        await share(store);
        buildCorpus(paths, { log: (l) => io.err(l), waitMs: INGEST_WAIT_MS });
        await snapshot(store);
        const corpus = openCorpus(paths);
        try {
          const answer = await addedArticle(corpus, r.file, r.outcome, r.url);
          io.out(json ? JSON.stringify(toJson(answer), null, 2) : toText(answer, { limit: 10, ansi: io.isTty }));
        } finally {
          await corpus.close();
        }
        return EXIT.ok;
      });
    }
    return usage(`Unknown command "${sub}".`);
  } catch (e) {
    if (e instanceof DataFileError || e instanceof IngestBusyError) return fail(io, json, 'invalid-data-file', e.message);
    if (e instanceof StoreError) return fail(io, json, e.problem.code, e.message);
    throw e;
  }
}

function fail(io: CliIo, json: boolean, code: string, message: string): number {
  if (json) io.out(JSON.stringify({ ok: false, error: { code, message } }, null, 2));
  else io.err(`Error: ${message}`);
  return EXIT.failed;
}

/** Creates raw/ in an existing data folder; says why not when the data folder itself is missing or raw/ cannot be made. */
function readyForPages(paths: DataPaths): string | null {
  if (!existsSync(paths.root))
    return `the data folder ${shown(paths.root)} does not exist: create it, or point --data or DATA_DIR at yours.`;
  try {
    mkdirSync(paths.raw, { recursive: true });
    return null;
  } catch (e) {
    return `cannot create ${shown(paths.raw)} for the fetched pages: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function fetchSummary(saved: number, raw: string, change: string | null, articles: number): string {
  const corpus = articles === 0 ? 'no article in the corpus yet (see each feed above)' : (change ?? 'the corpus is unchanged');
  return `${saved} page(s) saved under ${raw}; ${corpus}.`;
}

const noFeeds = (paths: DataPaths) => `No feeds are followed (${shown(paths.feeds)}). Add one with: briefing feeds add <url> --name NAME`;
