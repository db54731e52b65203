// `briefing start` / `npm start`: config, corpus, then the Discord bot, or the
// local console when there is no token and a terminal to type in. SIGINT and
// SIGTERM finish in-flight answers and exit 0 within 5 s.
import { type ProcessIo, runProcess } from './process-start.js';
import { resolve } from 'node:path';
import { openCorpus } from '../corpus/build-store.js';
import type { Corpus } from '../corpus/corpus.js';
import { dataPaths } from '../corpus/data-dir.js';
import { runConsole } from './console.js';
import { describeStartupError } from './startup-errors.js';

export interface StartIo extends ProcessIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

const SHUTDOWN_LIMIT_MS = 5000;

export const NO_TOKEN = `DISCORD_TOKEN is not set, and there is no terminal for the local console.
Set it in the environment or in .env (see .env.example), then run: npx briefing deploy-commands && npm start`;

export async function start(io: StartIo): Promise<number> {
  return runProcess(io, async ({ config, log }) => {
    const where = { apiUrl: config.DISCORD_API_URL, dataDir: resolve(config.DATA_DIR) };
    if (!config.DISCORD_TOKEN) {
      let corpus: Corpus;
      try {
        corpus = openCorpus(dataPaths(resolve(config.DATA_DIR)), { info: (line) => log.info(line), warn: (line) => log.warn(line) });
      } catch (e) {
        const line = describeStartupError(e, where);
        if (!line) throw e;
        io.stderr(line);
        return 1;
      }
      const size = await corpus.size();
      log.info(`corpus: ${size.articles} article(s), ${size.passages} quote(s)`);
      if (!io.stdin.isTTY) {
        await corpus.close();
        io.stderr(NO_TOKEN);
        return 1;
      }
      await runConsole(() => corpus, { input: io.stdin, output: io.stdout, ansi: true });
      return 0;
    }

    let bot;
    try {
      // Loaded here, not at the top: the local console never needs discord.js.
      const { runBot } = await import('./run-bot.js');
      bot = await runBot({ ...config, DISCORD_TOKEN: config.DISCORD_TOKEN }, log);
    } catch (e) {
      const line = describeStartupError(e, where);
      if (!line) throw e;
      io.stderr(line);
      return 1;
    }
    const onHangup = () => void bot.corpus.reload('SIGHUP');
    process.on('SIGHUP', onHangup);
    return new Promise<number>((done) => {
      const shutdown = (signal: string) => {
        log.info(`${signal}: finishing in-flight answers and digests, then disconnecting`);
        process.off('SIGHUP', onHangup);
        setTimeout(() => done(0), SHUTDOWN_LIMIT_MS).unref();
        bot.stop(SHUTDOWN_LIMIT_MS - 1000).then(
          () => done(0),
          (e) => {
            log.error(`shutdown: ${e instanceof Error ? e.message : String(e)}`);
            done(0);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    });
  });
}
