// `briefing worker`: the digest schedule and feed polling without a gateway
// connection, for deployments whose interactions `briefing serve` replicas
// answer. Several workers may run on one DATABASE_URL: one holds each lease,
// the others stand by and take over within a lease when it stops renewing.
// Digests are posted over REST with the bot token.
import { type ProcessIo, runProcess } from './process-start.js';
import { describeStartupError } from './startup-errors.js';
import { catchUpWithSharedLog, prepareWork } from './run-work.js';
import { openStore } from '../store/open-store.js';
import { resolve } from 'node:path';

export type WorkerIo = ProcessIo;

const SHUTDOWN_LIMIT_MS = 5000;

export async function worker(io: WorkerIo): Promise<number> {
  return runProcess(io, async ({ config, log }) => {
    if (!config.DISCORD_TOKEN) {
      io.stderr('briefing worker needs DISCORD_TOKEN: it posts the digests as the bot (no gateway connection is opened).');
      return 1;
    }
    let store;
    let work;
    try {
      store = await openStore(config.DATABASE_URL);
      await catchUpWithSharedLog(config, log, store);
      work = prepareWork({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN }, log, store);
      await work.begin();
    } catch (e) {
      await store?.close();
      const line = describeStartupError(e, { apiUrl: config.DISCORD_API_URL, dataDir: resolve(config.DATA_DIR) });
      if (!line) throw e;
      io.stderr(line);
      return 1;
    }
    const running = { store, work };
    log.info('worker: running the digest schedule and feed polling when this process holds their leases');
    return new Promise<number>((done) => {
      const stop = (signal: string) => {
        log.info(`${signal}: finishing in-flight digests, handing the leases on`);
        const limit = setTimeout(() => done(0), SHUTDOWN_LIMIT_MS).unref();
        void running.work
          .stop(SHUTDOWN_LIMIT_MS - 500)
          .then(() => running.store.close())
          .finally(() => {
            clearTimeout(limit);
            done(0);
          });
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      process.on('SIGHUP', () => void running.work.corpus.reload('SIGHUP'));
    });
  });
}
