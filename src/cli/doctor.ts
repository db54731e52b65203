// `briefing doctor`: checks what the bot needs, one line each, and says how to
// fix what is wrong: the settings, the data files, the bot's database, the
// corpus database (and the one published to Postgres), the followed feeds, and (with a token) whether Discord answers. Exit 0 when
// everything is fine, 1 otherwise. Nothing is changed: the corpus is opened
// as it is, not brought up to date.
import { accessSync, constants, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArgsMessage } from './parse-args-message.js';
import { REST, Routes } from 'discord.js';
import { describeProblem } from '../briefing/problems.js';
import { envFileNote, loadConfig, readEnvironment, withDataDir } from '../config.js';
import { dataPaths, listFiles, readGazetteer, shown, type DataPaths } from '../corpus/data-dir.js';
import { readFeedList } from '../feeds/feed-list.js';
import { feedStatusRows } from '../feeds/feed-report.js';
import type { Store } from '../store/store.js';
import { openForReading } from '../corpus/db/corpus-db.js';
import { integrityProblem } from '../corpus/corpus-damage.js';
import { scaledOut } from '../app/corpus-target.js';
import { sharedSeq } from '../corpus/shared-documents.js';
import { openStore } from '../store/open-store.js';
import { shownUrl } from '../store/postgres-store.js';

export interface Check {
  ok: boolean;
  what: string;
  detail: string;
}

const DISCORD_TIMEOUT_MS = 10_000;
const fail = (what: string, detail: string): Check => ({ ok: false, what, detail });
const pass = (what: string, detail: string): Check => ({ ok: true, what, detail });
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function doctor(env: NodeJS.ProcessEnv, envFile = '.env'): Promise<Check[]> {
  const cfg = loadConfig(readEnvironment(env, envFile));
  if (!cfg.ok) return [fail('settings', `${describeProblem(cfg.problem)}`)];
  const c = cfg.config;
  const checks: Check[] = [pass('settings', envFileNote(envFile).replace(/^settings: /, ''))];
  const paths = dataPaths(resolve(c.DATA_DIR));

  try {
    const { gazetteer } = readGazetteer(paths);
    checks.push(pass('gazetteer', `${shown(paths.gazetteer)}: ${gazetteer.actors.length} actors, ${gazetteer.corridors.length} corridors`));
  } catch (e) {
    checks.push(fail('gazetteer', `${message(e)}. Fix the file (see "Extending the gazetteer" in the README).`));
  }
  if (existsSync(paths.raw)) {
    const files = listFiles(paths.raw).filter((f) => !f.endsWith('.meta.json'));
    checks.push(
      files.length
        ? pass('raw files', `${files.length} in ${shown(paths.raw)}`)
        : fail('raw files', `${shown(paths.raw)} is empty: add articles (see "Adding articles").`),
    );
  } else checks.push(fail('raw files', `${shown(paths.raw)} not found: create it and add articles, or set DATA_DIR.`));

  const corpus = openForReading(paths.build);
  if ('db' in corpus) {
    const n = corpus.db.prepare(`SELECT value FROM meta WHERE key = 'articles'`).pluck().get();
    // Every page read once: damage in the middle of the file shows nowhere else until a query meets it.
    const damage = integrityProblem(corpus.db);
    corpus.db.close();
    checks.push(
      damage
        ? fail(
            'corpus',
            `${shown(paths.build)}: the file is damaged (${damage}). It is built from raw/: run "briefing ingest" to rebuild it ` +
              '(a running bot rebuilds it by itself when an answer meets the damage).',
          )
        : writable(paths.build)
          ? pass('corpus', `${shown(paths.build)}: ${Number(n)} articles, every page readable`)
          : fail(
              'corpus',
              `${shown(paths.build)}: ${Number(n)} articles, answered as built, but the folder cannot be written, so no ingest can ` +
                'bring it up to date: make it writable for this user.',
            ),
    );
  } else checks.push(fail('corpus', `${shown(paths.build)}: ${corpus.problem}. Run "briefing ingest" to build it.`));

  try {
    const store = await openStore(c.DATABASE_URL);
    // A Postgres URL may hold a password: shown without it.
    checks.push(pass('database', `${shownUrl(c.DATABASE_URL)}: ${(await store.subscriptions()).length} digest subscription(s)`));
    checks.push(await feedsCheck(paths, store));
    if (scaledOut(c.DATABASE_URL)) checks.push(await sharedCheck(paths, store));
    await store.close();
  } catch (e) {
    checks.push(fail('database', message(e)));
  }

  if (!c.DISCORD_TOKEN) checks.push(pass('discord', 'no DISCORD_TOKEN: the bot would open the local console; set it to check Discord'));
  else {
    try {
      const rest = new REST({ api: c.DISCORD_API_URL, retries: 0, timeout: DISCORD_TIMEOUT_MS }).setToken(c.DISCORD_TOKEN);
      const me = (await rest.get(Routes.user('@me'))) as { username: string };
      checks.push(pass('discord', `${c.DISCORD_API_URL} answers; the token is the bot ${me.username}`));
    } catch (e) {
      const status = (e as { status?: number }).status;
      checks.push(
        fail(
          'discord',
          status === 401
            ? 'Discord rejected DISCORD_TOKEN (401): reset it in the Developer Portal.'
            : `cannot reach ${c.DISCORD_API_URL}: ${message(e)}`,
        ),
      );
    }
  }
  return checks;
}

/** With a Postgres DATABASE_URL: the shared document log, how far this folder has read it, and the corpus snapshot. */
async function sharedCheck(paths: DataPaths, store: Store): Promise<Check> {
  const [last, snapshot] = await Promise.all([store.lastSeq(), store.latestSnapshot()]);
  if (last === 0)
    return fail('shared documents', 'none logged yet. Run "briefing ingest" here with this DATABASE_URL, or start "briefing worker".');
  const read = sharedSeq(paths);
  const folder = read >= last ? 'this folder has read them all' : `this folder has read ${read} (the next ingest brings the rest)`;
  const snap = snapshot
    ? `corpus snapshot of ${snapshot.madeAt} (${(snapshot.bytes / 2 ** 20).toFixed(1)} MB gzipped) for new processes`
    : 'no corpus snapshot yet: a new process ingests every document (the next ingest stores one)';
  return pass('shared documents', `${last} logged, ${folder}; ${snap}`);
}

/** The feed list is valid, and no feed is paused: a paused feed is a source the team no longer hears from. */
async function feedsCheck(paths: DataPaths, store: Store): Promise<Check> {
  try {
    const rows = await feedStatusRows(readFeedList(paths).feeds, store);
    const paused = rows.filter((r) => r.paused);
    if (paused.length) {
      return fail(
        'feeds',
        `${paused.length} of ${rows.length} paused: ${paused.map((r) => `${r.id} (${r.pausedReason})`).join('; ')}. ` +
          'Fix the feed, then "briefing feeds resume <id>".',
      );
    }
    return pass('feeds', rows.length ? `${rows.length} followed, none paused` : 'none followed (briefing feeds add <url>)');
  } catch (e) {
    return fail('feeds', `${message(e)}. Fix the file (see "Feeds and links" in the README).`);
  }
}

/** `briefing doctor [--data DIR]`: the checks, printed; exit 0 when all pass, 1 when one fails, 2 for bad usage. */
export async function doctorCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (t: string) => void,
  err: (t: string) => void,
): Promise<number> {
  let data: string | undefined;
  try {
    data = parseArgs({ args: argv, options: { data: { type: 'string' } } }).values.data;
  } catch (e) {
    err(`${parseArgsMessage(e)}\nUsage: briefing doctor [--data DIR]`);
    return 2;
  }
  const checks = await doctor(withDataDir(env, data));
  out(formatChecks(checks));
  return checks.every((c) => c.ok) ? 0 : 1;
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function formatChecks(checks: Check[]): string {
  return checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.what}: ${c.detail}`).join('\n');
}
