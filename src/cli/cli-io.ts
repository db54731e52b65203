// Where a CLI command writes: answers to out, progress and errors to err; and
// the settings a command that needs the state database reads.
import { resolve } from 'node:path';
import { describeProblem } from '../briefing/problems.js';
import { type Config, loadConfig, readEnvironment, withDataDir } from '../config.js';
import { dataPaths, type DataPaths } from '../corpus/data-dir.js';
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (for bold marks and progress). */
  isTty: boolean;
  /** The environment settings are read from (DATABASE_URL: where an ingest is published); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The .env file settings are also read from, where a command reads one: `.env` in the working folder unless given. */
  envFile?: string;
}

/**
 * The settings (environment and .env) with --data moving the data folder and the state database's default along
 * with it, and the data folder's paths; null (the problem said on err) when the settings do not hold.
 */
export function cliSettings(env: NodeJS.ProcessEnv, io: CliIo, data: string | undefined): { config: Config; paths: DataPaths } | null {
  const cfg = loadConfig(withDataDir(readEnvironment(env, io.envFile), data));
  if (!cfg.ok) {
    io.err(describeProblem(cfg.problem));
    return null;
  }
  return { config: cfg.config, paths: dataPaths(resolve(cfg.config.DATA_DIR)) };
}
