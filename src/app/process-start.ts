// What every long-running command (start, serve, worker) does first: read the
// settings (every problem said at once), make the logger, say which .env was
// read, and keep running through a promise nobody awaited while it runs.
import { describeProblem } from '../briefing/problems.js';
import { type Config, envFileNote, loadConfig, readEnvironment } from '../config.js';
import { type Logger, makeLogger } from '../logger.js';

export function logUnhandled(log: Logger): (reason: unknown) => void {
  return (reason) =>
    log.error(
      `unhandled rejection (the bot keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
}

/** What start, serve and worker are given: the environment, a line writer for stderr, and the .env file to read. */
export interface ProcessIo {
  env: NodeJS.ProcessEnv;
  stderr: (line: string) => void;
  /** `.env` in the working folder unless given (tests point it at a file that does not exist). */
  envFile?: string;
}

/**
 * Runs `body` with the settings and a logger, and returns its exit code; 1 once every problem with the
 * settings has been said on stderr. The rejection handler is the body's only while it runs, so a start
 * that fails (or is run in a test's process) leaves none behind.
 */
export async function runProcess(io: ProcessIo, body: (begun: { config: Config; log: Logger }) => Promise<number>): Promise<number> {
  const { env, stderr, envFile = '.env' } = io;
  const cfg = loadConfig(readEnvironment(env, envFile));
  if (!cfg.ok) {
    stderr(describeProblem(cfg.problem));
    return 1;
  }
  const config = cfg.config;
  // Readable lines at a terminal, JSON lines under a process manager or in a container.
  const log = makeLogger(config.LOG_LEVEL, stderr, [config.DISCORD_TOKEN ?? ''], { json: !process.stderr.isTTY });
  log.info(envFileNote(envFile));
  // A promise nobody awaited must not take every server's bot down: log it with its stack and keep answering.
  const onUnhandled = logUnhandled(log);
  process.on('unhandledRejection', onUnhandled);
  try {
    return await body({ config, log });
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}
