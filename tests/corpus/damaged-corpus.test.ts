// A corpus file damaged in the middle (random bytes over pages no header check
// reads): doctor finds it, `briefing ingest` rebuilds it, an answer in the CLI
// rebuilds it and answers, and the bot says it is rebuilding, rebuilds it off
// its event loop, and answers again.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctor, formatChecks } from '../../src/cli/doctor.js';
import { runCli } from '../../src/cli/run-cli.js';
import { corpusFile } from '../../src/corpus/db/corpus-db.js';
import { loadConfig } from '../../src/config.js';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { makeAsker } from '../e2e/bot-harness.js';
import { DiscordEmulator, TOKEN } from '../e2e/emulator.js';
import { slash } from '../e2e/interactions.js';
import { seedData } from '../helpers/seed-corpus.js';
import { testTmp } from '../helpers/temp-data.js';
import { tempDir } from '../helpers/temp-store.js';

/**
 * Random bytes over the leaf pages of the passages and the ranked tags, in the middle of the file: the header, the
 * schema and the meta table stay readable, so the file opens and looks fine until an answer reads those pages.
 */
function damageMiddle(file: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare(`SELECT pageno FROM dbstat WHERE name IN ('passages', 'tags_ranked') AND pagetype = 'leaf'`)
    .pluck()
    .all() as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(4);
  const fd = openSync(file, 'r+');
  for (const page of pages) writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const noEnv = () => join(testTmp(), 'no-such.env');

describe('a corpus file damaged in the middle', () => {
  it('is found by doctor, which says what to do', async () => {
    const data = seedData();
    damageMiddle(corpusFile(data.build));
    const checks = formatChecks(await doctor({ DATA_DIR: data.root }, noEnv()));
    expect(checks).toMatch(/✗ corpus: .*the file is damaged \(.+\)\. It is built from raw\/: run "briefing ingest" to rebuild it/);
  });

  it('is rebuilt by briefing ingest, and a damaged copy is kept aside', async () => {
    const data = seedData();
    damageMiddle(corpusFile(data.build));
    const r = await cli(['ingest', '--data', data.root]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/corpus\.sqlite is damaged \(.+\); set aside and rebuilt from raw\//);
    expect(existsSync(`${corpusFile(data.build)}.damaged`)).toBe(true);
    expect(formatChecks(await doctor({ DATA_DIR: data.root }, noEnv()))).toMatch(/✓ corpus: .*4 articles, every page readable/);
  });

  it('is rebuilt when an answer meets the damage, and the answer is given from the new file', async () => {
    const data = seedData();
    const before = await cli(['ask', '/actor name:Iran', '--json', '--data', data.root]);
    damageMiddle(corpusFile(data.build));
    const r = await cli(['ask', '/actor name:Iran', '--json', '--data', data.root]);
    expect(r.err).toMatch(/is damaged \(.*malformed.*\); set aside and rebuilt from raw\//);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(before.out));
  });
});

describe('a damaged corpus under the running bot', { timeout: 30000 }, () => {
  let emulator: DiscordEmulator;
  let runtime: BotRuntime;
  const logs: string[] = [];
  const data = seedData();
  beforeAll(async () => {
    emulator = new DiscordEmulator();
    await emulator.start();
    const parsed = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
      DATA_DIR: data.root,
      DATABASE_URL: `sqlite:${join(tempDir(), 'state.sqlite')}`,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    runtime = await runBot(
      { ...parsed.config, DISCORD_TOKEN: TOKEN },
      makeLogger('debug', (l) => logs.push(l), [TOKEN]),
    );
  });
  afterAll(async () => {
    await runtime?.stop(1000);
    await emulator?.close();
  });

  it('says it is rebuilding, rebuilds from raw/ in the background, then answers as before', async () => {
    const asker = makeAsker(emulator);
    // Damaged before any answer read those pages (SQLite would serve pages it already holds from its cache).
    damageMiddle(corpusFile(data.build));
    const meeting = await asker.ask(slash('actor', { name: 'Iran' }));
    expect(meeting.data.content).toBe('⚠️ The corpus file was found damaged and is being rebuilt from raw/. Ask again in a minute.');
    expect(meeting.data.flags).toBe(64);
    const healed = await emulator.waitFor(async () => {
      const a = await asker.ask(slash('actor', { name: 'Iran' }));
      return a.data.embeds ? JSON.stringify(a.data.embeds) : null;
    }, 20000);
    expect(healed).toContain('Zangezur corridor, viewing it as a threat to its 44 kilometres');
    const all = logs.join('\n');
    expect(all).toMatch(/the corpus file is damaged .*rebuilding it from raw\//);
    expect(all).not.toMatch(/interaction failed/);
  });
});
