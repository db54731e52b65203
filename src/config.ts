// One zod schema over the environment (and .env, which the environment
// overrides). .env.example mirrors it line by line. Invalid config is
// reported all at once, before anything logs in; the token is never echoed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_CATCH_UP_GRACE_SECONDS } from './digest/catch-up.js';
import { DEFAULT_MIN_INTERVAL_SECONDS } from './digest/schedule.js';
import { defaultDatabaseUrl, storeTarget } from './store/open-store.js';
import type { Result } from './briefing/problems.js';

const SNOWFLAKE = /^\d{17,20}$/;
const seconds = (fallback: number, min: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Number(v)),
    z
      .number({ error: 'must be a whole number of seconds' })
      .int('must be a whole number of seconds')
      .min(min, `must be at least ${min}`)
      .default(fallback),
  );

/** An unset value and an empty "KEY=" line in .env mean the same: not set. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The token goes in every request's header: in clear text only to a REST proxy or emulator on this machine. */
function sendsTokenSafely(url: string): boolean {
  if (!URL.canParse(url)) return true; // the URL check above reports it
  const u = new URL(url);
  return u.protocol !== 'http:' || LOOPBACK.test(u.hostname);
}

const settingsSchema = z.object({
  DISCORD_TOKEN: optional(z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'does not look like a bot token (three dot-separated parts)')),
  DISCORD_APP_ID: optional(z.string().regex(SNOWFLAKE, 'must be the application id: a number of 17 to 20 digits')),
  DISCORD_GUILD_ID: optional(z.string().regex(SNOWFLAKE, 'must be a server (guild) id: a number of 17 to 20 digits')),
  /** The application's public key (Developer Portal, General Information): `briefing serve` checks every request against it. */
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hexadecimal characters of the public key')),
  /** Where `briefing serve` listens for interactions (0: any free port, said in the log). */
  PORT: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Number(v)),
    z.number({ error: 'must be a port number' }).int('must be a port number').min(0).max(65_535).default(8080),
  ),
  DISCORD_API_URL: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://discord.com/api'),
    )
    .refine(
      sendsTokenSafely,
      'must use https: the bot token travels with every request (plain http is allowed only to this machine: localhost, 127.0.0.1 or ::1)',
    ),
  LOGIN_TIMEOUT_SECONDS: seconds(30, 1),
  LOG_LEVEL: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('data')),
  /** Unset: a SQLite file in DATA_DIR/state, so the state follows the data folder, wherever the process starts. */
  DATABASE_URL: optional(
    z.string().superRefine((v, ctx) => {
      const p = storeTarget(v);
      if ('problem' in p) ctx.addIssue({ code: 'custom', message: p.problem });
    }),
  ),
  DIGEST_MIN_INTERVAL_SECONDS: seconds(DEFAULT_MIN_INTERVAL_SECONDS, 1),
  DIGEST_CATCH_UP_GRACE_SECONDS: seconds(DEFAULT_CATCH_UP_GRACE_SECONDS, 0),
  SCHEDULER_LEASE_SECONDS: seconds(30, 1),
  /** Scaled out: how often the process that ingests stores a snapshot of the corpus for new processes to start from. */
  CORPUS_SNAPSHOT_SECONDS: seconds(1800, 1),
  /** How often the bot polls the followed feeds; down to 2 s for tests and demos. */
  FEEDS_POLL_SECONDS: seconds(900, 2),
  /** Pause between two requests to one web host (feeds and pages), in milliseconds. */
  FETCH_HOST_GAP_MS: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Number(v)),
    z
      .number({ error: 'must be a whole number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(0)
      .max(60_000)
      .default(1000),
  ),
  /** Lets fetches reach private, loopback and link-local addresses: tests and intranet deployments only. */
  ALLOW_PRIVATE_URLS: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : String(v).toLowerCase()),
    z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((v) => v === 'true'),
  ),
});

export const configSchema = settingsSchema.transform((c) => ({ ...c, DATABASE_URL: c.DATABASE_URL ?? defaultDatabaseUrl(c.DATA_DIR) }));

export type Config = z.infer<typeof configSchema>;

/** The environment with DATA_DIR set to a command's --data folder, when one was given: every default that follows it does too. */
export function withDataDir(env: Record<string, string | undefined>, dir: string | undefined): Record<string, string | undefined> {
  return dir === undefined ? env : { ...env, DATA_DIR: dir };
}

export type ConfigResult = Result<{ config: Config }>;

/** The environment merged over .env in the working folder (if present); the process environment wins. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return { ...fromFile, ...env };
}

/** Which .env was read, for the start-up log: settings from a forgotten file are a classic surprise. */
export function envFileNote(envFile = '.env'): string {
  return existsSync(envFile)
    ? `settings: ${resolve(envFile)} and the environment (the environment wins)`
    : `settings: the environment (no .env in ${dirname(resolve(envFile))})`;
}

export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  // Name the setting and the rule, never the value: a token must not reach a log.
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return { ok: false, problem: { code: 'invalid-config', issues } };
}
