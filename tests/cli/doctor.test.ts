// `briefing doctor` says what is wrong and how to fix it, one line per check.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { doctor, formatChecks } from '../../src/cli/doctor.js';
import { DiscordEmulator, TOKEN } from '../e2e/emulator.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { tempData } from '../helpers/temp-data.js';

const emulator = new DiscordEmulator();
afterAll(() => emulator.close());

describe('briefing doctor', () => {
  it('passes a healthy setup, Discord included', async () => {
    await emulator.start();
    const data = tempData(SEED_FILES);
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

  it('reports invalid settings without going further', async () => {
    const checks = await doctor({ LOG_LEVEL: 'loud' }, '/nonexistent/.env');
    expect(checks).toEqual([{ ok: false, what: 'settings', detail: expect.stringMatching(/LOG_LEVEL/) }]);
  });
});
