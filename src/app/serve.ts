// `briefing serve`: the Interactions Endpoint URL (src/discord/http/). It reads
// the corpus and the state database and holds nothing between requests; the
// digest schedule and feed polling stay with the process holding their leases
// (`briefing worker` or `briefing start`). With a Postgres DATABASE_URL the
// replica answers from its own copy of the corpus in its DATA_DIR, loaded from
// the newest snapshot and kept up to date from the shared document log
// (replica-corpus.ts).
// SIGTERM and SIGINT close the listener and exit 0.
import { type ProcessIo, runProcess } from './process-start.js';
import { resolve } from 'node:path';
import { renderDigest } from '../render/discord/digest-render.js';
import { digestScheduler } from './digest-schedule.js';
import { openCorpus } from '../corpus/build-store.js';
import type { Corpus } from '../corpus/corpus.js';
import { scaledOut } from './corpus-target.js';
import { type ReplicaCorpus, replicaCorpus } from './replica-corpus.js';
import { type DataPaths, dataPaths } from '../corpus/data-dir.js';
import type { Config } from '../config.js';
import type { FeedsInteractionDeps } from '../commands/feeds-subcommands.js';
import { linkLimiter } from '../commands/rate-limit.js';
import { logSaved } from '../corpus/shared-documents.js';
import { fetchSettings, httpClientFor } from '../feeds/fetch-session.js';
import type { Store } from '../store/store.js';
import { interactionsServer, restCalls } from '../discord/http/interactions-server.js';
import { describeStartupError } from './startup-errors.js';
import { openStore } from '../store/open-store.js';
import { watchStore } from '../store/store-health.js';

export interface ServeIo extends ProcessIo {
  /** Told the port once listening (tests pass PORT=0 and read it here). */
  listening?: (port: number) => void;
}

/** /feeds and /add on a replica: its folder, the fetch settings every process uses, and the shared log. */
function replicaFeeds(config: Config, store: Store, paths: DataPaths, replica: ReplicaCorpus): FeedsInteractionDeps {
  const settings = fetchSettings(config);
  const now = () => new Date();
  return {
    paths,
    store,
    settings,
    http: httpClientFor(settings),
    now,
    corpus: () => replica.current(),
    reload: replica.reload,
    saved: async (files) => void (await logSaved(paths, store, files, now())),
    linkLimit: linkLimiter(() => now().getTime()),
  };
}

export async function serve(io: ServeIo): Promise<number> {
  return runProcess(io, async ({ config, log }) => {
    if (!config.DISCORD_PUBLIC_KEY || !config.DISCORD_APP_ID) {
      io.stderr(
        'briefing serve needs DISCORD_PUBLIC_KEY and DISCORD_APP_ID (Developer Portal > General Information): every interaction is ' +
          'checked against the key, and deferred answers are sent as the application.',
      );
      return 1;
    }
    const where = { apiUrl: config.DISCORD_API_URL, dataDir: resolve(config.DATA_DIR) };
    const paths = dataPaths(resolve(config.DATA_DIR));
    let store;
    let corpus: Corpus | null = null;
    let replica: ReplicaCorpus | null = null;
    try {
      // An outage of the database is said once when it stops answering and once when it is back.
      store = watchStore(await openStore(config.DATABASE_URL), log);
      replica = scaledOut(config.DATABASE_URL) ? await replicaCorpus(paths, log, store) : null;
      corpus = replica ? null : openCorpus(paths, { info: (line) => log.info(line), warn: (line) => log.warn(line) });
    } catch (e) {
      replica?.stop();
      await store?.close();
      const line = describeStartupError(e, where);
      if (!line) throw e;
      io.stderr(line);
      return 1;
    }
    const opened = { store, corpus: () => replica?.current() ?? corpus! };
    // /digest answers here too, with a bot token to post as: subscriptions go to the database, where the worker
    // running the schedule picks them up; a send-now is delivered from here (the fire is claimed, so never twice).
    const token = config.DISCORD_TOKEN;
    const digest = token
      ? {
          store,
          scheduler: digestScheduler({ ...config, DISCORD_TOKEN: token }, log, store, opened.corpus),
          corpus: opened.corpus,
          now: () => new Date(),
          minIntervalSeconds: config.DIGEST_MIN_INTERVAL_SECONDS,
          render: renderDigest,
        }
      : undefined;
    const server = interactionsServer({
      publicKey: config.DISCORD_PUBLIC_KEY,
      appId: config.DISCORD_APP_ID,
      corpus: opened.corpus,
      log,
      firstSighting: (key, until) => opened.store.firstSighting(key, until, new Date()),
      healthy: async () => {
        await opened.store.subscription('dhealth');
        return true;
      },
      webhook: restCalls(config.DISCORD_API_URL),
      ...(digest ? { digest } : {}),
      // /watch keeps its watches in the database; the worker that ingests posts the alerts.
      watch: { store, corpus: opened.corpus, now: () => new Date() },
      // Scaled out, /feeds and /add work here too: the feed list and the pages a link saves go into this replica's
      // folder and straight into the shared log, where the worker polling the feeds (and every replica) reads them
      // within seconds. On one machine the endpoint says where they run (the folder is the gateway bot's).
      ...(replica ? { feeds: replicaFeeds(config, store, paths, replica) } : {}),
      ...(config.DISCORD_TOKEN ? { botRest: restCalls(config.DISCORD_API_URL, config.DISCORD_TOKEN) } : {}),
    });
    await new Promise<void>((ready) => server.listen(config.PORT, ready));
    const port = (server.address() as { port: number }).port;
    log.info(`answering interactions on http://0.0.0.0:${port}/interactions (health: /healthz)`);
    io.listening?.(port);
    return new Promise<number>((done) => {
      const stop = (signal: string) => {
        log.info(`${signal}: closing the interactions endpoint`);
        server.close(() => {
          if (replica) replica.stop();
          else void corpus?.close();
          void opened.store.close().finally(() => done(0));
        });
        server.closeAllConnections();
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
  });
}
