// `briefing doctor` says what is wrong and how to fix it, one line per check.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyFeedState } from '../../src/store/feed-store.js';
import { openStore } from '../../src/store/open-store.js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { doctor, formatChecks } from '../../src/cli/doctor.js';
import { DiscordEmulator, TOKEN } from '../e2e/emulator.js';
import { seedData } from '../helpers/seed-corpus.js';
import { tempData } from '../helpers/temp-data.js';
import { snapshotAfterIngest, syncShared } from '../../src/app/corpus-target.js';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';

const emulator = new DiscordEmulator();
const havePostgres = await postgresAnswers();
afterAll(async () => {
  await emulator.close();
  await dropMadeForTests();
});

describe('briefing doctor', () => {
  it('passes a healthy setup, Discord included', async () => {
    await emulator.start();
    const data = seedData();
    buildCorpus(data);
    const checks = await doctor(
      {
        DATA_DIR: data.root,
        DATABASE_URL: `sqlite:${join(data.root, 'state', 'b.sqlite')}`,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: emulator.apiUrl,
      },
      join(data.root, '.env'),
    );
    expect(checks.map((c) => [c.what, c.ok])).toEqual([
      ['settings', true],
      ['gazetteer', true],
      ['raw files', true],
      ['corpus', true],
      ['database', true],
      ['feeds', true],
      ['discord', true],
    ]);
    expect(formatChecks(checks)).toMatch(/✓ corpus: .*: 4 articles/);
  });

  it('names each problem with its fix: no corpus yet, an empty raw folder, a rejected token', async () => {
    const data = tempData({});
    emulator.fault('GET', /^\/users\/@me$/, 401, { message: '401: Unauthorized', code: 0 });
    const checks = await doctor(
      {
        DATA_DIR: data.root,
        DATABASE_URL: `sqlite:${join(data.root, 'state', 'b.sqlite')}`,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: emulator.apiUrl,
      },
      join(data.root, '.env'),
    );
    const text = formatChecks(checks);
    expect(text).toMatch(/✗ raw files: .*raw is empty: add articles/);
    expect(text).toMatch(/✗ corpus: .*no corpus database yet\. Run "briefing ingest" to build it\./);
    expect(text).toMatch(/✗ discord: Discord rejected DISCORD_TOKEN \(401\)/);
    expect(text).not.toContain(TOKEN);
  });

  it('names paused feeds with their reasons, and a damaged feed list', async () => {
    const data = seedData();
    const env = { DATA_DIR: data.root, DATABASE_URL: `sqlite:${join(data.root, 'state', 'b.sqlite')}` };
    writeFileSync(data.feeds, JSON.stringify({ version: 1, feeds: [{ id: 'oc', name: 'OC', url: 'https://oc.example/feed' }] }));
    const store = await openStore(env.DATABASE_URL);
    await store.saveFeedState({ ...emptyFeedState('oc'), failures: 10, pausedReason: 'paused after 10 failures in a row; the last: 500' });
    await store.close();
    const paused = formatChecks(await doctor(env, join(data.root, '.env')));
    expect(paused).toMatch(/✗ feeds: 1 of 1 paused: oc \(paused after 10 failures.*\)\. Fix the feed, then "briefing feeds resume <id>"/);
    writeFileSync(data.feeds, '{ "version": 2 }');
    expect(formatChecks(await doctor(env, join(data.root, '.env')))).toMatch(/✗ feeds: .*feeds\.json.*version/);
  });

  it('reports invalid settings without going further', async () => {
    const checks = await doctor({ LOG_LEVEL: 'loud' }, '/nonexistent/.env');
    expect(checks).toEqual([{ ok: false, what: 'settings', detail: expect.stringMatching(/LOG_LEVEL/) }]);
  });

  it.skipIf(!havePostgres)('checks a Postgres database, and never shows its password', async () => {
    const data = seedData();
    buildCorpus(data);
    const url = new URL(await freshDatabase());
    url.username = url.username || 'postgres';
    url.password = 's3cret-pass';
    const checks = await doctor({ DATA_DIR: data.root, DATABASE_URL: url.toString() }, join(data.root, '.env'));
    const text = formatChecks(checks);
    expect(checks.find((c) => c.what === 'database')?.ok).toBe(true);
    expect(text).toMatch(/✓ database: postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:5432\/briefing_test_\w+: 0 digest subscription\(s\)/);
    expect(text).not.toContain('s3cret-pass');
    // Nothing logged there yet: said, with what to run.
    expect(text).toMatch(/✗ shared documents: none logged yet\. Run "briefing ingest" here with this DATABASE_URL/);
    await syncShared(data, url.toString());
    await snapshotAfterIngest(data, url.toString());
    const again = formatChecks(await doctor({ DATA_DIR: data.root, DATABASE_URL: url.toString() }, join(data.root, '.env')));
    expect(again).toMatch(
      /✓ shared documents: \d+ logged, this folder has read \d+ \(the next ingest brings the rest\); corpus snapshot of 20/,
    );
    await syncShared(data, url.toString());
    expect(formatChecks(await doctor({ DATA_DIR: data.root, DATABASE_URL: url.toString() }, join(data.root, '.env')))).toMatch(
      /✓ shared documents: \d+ logged, this folder has read them all; corpus snapshot of 20\d\d-[^)]+MB gzipped\) for new processes/,
    );
  });
});
