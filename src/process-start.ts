// What every long-running command (start, serve, worker) does first: read the
// settings (every problem said at once), make the logger, say which .env was
// read, and keep running through a promise nobody awaited.
import { describeProblem } from './briefing/problems.js';
import { type Config, envFileNote, loadConfig, readEnvironment } from './config.js';
import { type Logger, makeLogger } from './logger.js';

export function logUnhandled(log: Logger): (reason: unknown) => void {
  return (reason) =>
    log.error(
      `unhandled rejection (the bot keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
}

/** The settings and a logger, or null once every problem with the settings has been said on stderr. */
export function beginProcess(env: NodeJS.ProcessEnv, stderr: (line: string) => void): { config: Config; log: Logger } | null {
  const cfg = loadConfig(readEnvironment(env));
  if (!cfg.ok) {
    stderr(describeProblem(cfg.problem));
    return null;
  }
  const config = cfg.config;
  // Readable lines at a terminal, JSON lines under a process manager or in a container.
  const log = makeLogger(config.LOG_LEVEL, stderr, [config.DISCORD_TOKEN ?? ''], { json: !process.stderr.isTTY });
  log.info(envFileNote());
  // A promise nobody awaited must not take every server's bot down: log it with its stack and keep answering.
  process.on('unhandledRejection', logUnhandled(log));
  return { config, log };
}
