import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readEnvironment } from '../../src/config.js';
import { makeLogger } from '../../src/logger.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.abcdef.secret-part-of-the-token';

describe('config', () => {
  it('applies defaults and treats empty values as unset', () => {
    const r = loadConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '' });
    expect(r).toEqual({
      ok: true,
      config: {
        DISCORD_API_URL: 'https://discord.com/api', LOG_LEVEL: 'info', DATA_DIR: 'data', DATABASE_URL: 'sqlite:data/state/briefing.sqlite',
        DIGEST_MIN_INTERVAL_SECONDS: 900, DIGEST_CATCH_UP_GRACE_SECONDS: 21600,
      },
    });
  });

  it('lists every problem at once, naming settings but never the token', () => {
    const r = loadConfig({ DISCORD_TOKEN: 'not a token', DISCORD_APP_ID: 'abc', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    if (r.ok) throw new Error('expected problems');
    expect(r.problems.map((p) => p.split(':')[0])).toEqual(['DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_API_URL', 'LOG_LEVEL']);
    expect(r.problems.join('\n')).not.toContain('not a token');
  });

  it('checks the database URL and the digest timings', () => {
    const r = loadConfig({ DATABASE_URL: 'postgres://db', DIGEST_MIN_INTERVAL_SECONDS: 'abc', DIGEST_CATCH_UP_GRACE_SECONDS: '-5' });
    if (r.ok) throw new Error('expected problems');
    expect(r.problems).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be sqlite:<path>/),
      'DIGEST_MIN_INTERVAL_SECONDS: must be a whole number of seconds',
      'DIGEST_CATCH_UP_GRACE_SECONDS: must be at least 0',
    ]);
    expect(loadConfig({ DIGEST_MIN_INTERVAL_SECONDS: '1' })).toMatchObject({ ok: true, config: { DIGEST_MIN_INTERVAL_SECONDS: 1 } });
  });

  it('reads .env, with the environment taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, '.env'), `DISCORD_TOKEN=${TOKEN}\nLOG_LEVEL=debug\n`);
    const env = readEnvironment({ LOG_LEVEL: 'warn' }, join(dir, '.env'));
    const r = loadConfig(env);
    expect(r.ok && r.config).toMatchObject({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'warn' });
  });

  it('redacts the token from any log line', () => {
    const lines: string[] = [];
    const log = makeLogger('info', (l) => lines.push(l), [TOKEN]);
    log.error(`request failed: Authorization: Bot ${TOKEN}`);
    log.debug('hidden below the level');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('[redacted]');
  });
});
