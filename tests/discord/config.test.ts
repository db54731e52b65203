import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envFileNote, loadConfig, readEnvironment } from '../../src/config.js';
import { makeLogger } from '../../src/logger.js';
import { testTmp } from '../helpers/temp-data.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.abcdef.secret-part-of-the-token';

/** The settings' problems, one per line, from a config that failed. */
const issuesOf = (r: ReturnType<typeof loadConfig>): string[] =>
  !r.ok && r.problem.code === 'invalid-config' ? r.problem.issues : ['(no invalid-config problem)'];

describe('config', () => {
  it('applies defaults and treats empty values as unset', () => {
    const r = loadConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '' });
    expect(r).toEqual({
      ok: true,
      config: {
        DISCORD_API_URL: 'https://discord.com/api',
        PORT: 8080,
        LOGIN_TIMEOUT_SECONDS: 30,
        LOG_LEVEL: 'info',
        DATA_DIR: 'data',
        DATABASE_URL: 'sqlite:data/state/briefing.sqlite',
        DIGEST_MIN_INTERVAL_SECONDS: 900,
        DIGEST_CATCH_UP_GRACE_SECONDS: 21600,
        SCHEDULER_LEASE_SECONDS: 30,
        CORPUS_SNAPSHOT_SECONDS: 1800,
        FEEDS_POLL_SECONDS: 900,
        FETCH_HOST_GAP_MS: 1000,
        ALLOW_PRIVATE_URLS: false,
      },
    });
  });

  it('checks the feed settings: a poll of at least 2 s, a gap in milliseconds, and true or false for private URLs', () => {
    const r = loadConfig({ FEEDS_POLL_SECONDS: '1', FETCH_HOST_GAP_MS: 'soon', ALLOW_PRIVATE_URLS: 'yes' });
    if (r.ok) throw new Error('expected problems');
    expect(issuesOf(r)).toEqual([
      'FEEDS_POLL_SECONDS: must be at least 2',
      'FETCH_HOST_GAP_MS: must be a whole number of milliseconds',
      'ALLOW_PRIVATE_URLS: must be true or false',
    ]);
    const ok = loadConfig({ FEEDS_POLL_SECONDS: '2', ALLOW_PRIVATE_URLS: 'TRUE' });
    expect(ok.ok && [ok.config.FEEDS_POLL_SECONDS, ok.config.ALLOW_PRIVATE_URLS]).toEqual([2, true]);
  });

  it('lists every problem at once, naming settings but never the token', () => {
    const r = loadConfig({ DISCORD_TOKEN: 'not a token', DISCORD_APP_ID: 'abc', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    if (r.ok) throw new Error('expected problems');
    expect(issuesOf(r).map((p) => p.split(':')[0])).toEqual(['DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_API_URL', 'LOG_LEVEL']);
    expect(issuesOf(r).join('\n')).not.toContain('not a token');
  });

  it('checks the database URL and the digest timings', () => {
    const r = loadConfig({ DATABASE_URL: 'mysql://db', DIGEST_MIN_INTERVAL_SECONDS: 'abc', DIGEST_CATCH_UP_GRACE_SECONDS: '-5' });
    if (r.ok) throw new Error('expected problems');
    expect(issuesOf(r)).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be sqlite:<path>/),
      'DIGEST_MIN_INTERVAL_SECONDS: must be a whole number of seconds',
      'DIGEST_CATCH_UP_GRACE_SECONDS: must be at least 0',
    ]);
    expect(loadConfig({ DIGEST_MIN_INTERVAL_SECONDS: '1' })).toMatchObject({ ok: true, config: { DIGEST_MIN_INTERVAL_SECONDS: 1 } });
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:secret@db.internal:5432/briefing' })).toMatchObject({ ok: true });
    const serve = loadConfig({ DISCORD_PUBLIC_KEY: 'not-hex', PORT: '70000' });
    if (serve.ok) throw new Error('expected problems');
    expect(issuesOf(serve)).toEqual([
      'DISCORD_PUBLIC_KEY: must be the 64 hexadecimal characters of the public key',
      'PORT: must be a port number',
    ]);
  });

  it('refuses plain http for the REST base except to this machine, since the token travels with every request', () => {
    for (const url of ['http://discord.example/api', 'http://10.0.0.5:8080/api', 'http://127.0.0.1.evil.example/api']) {
      const r = loadConfig({ DISCORD_API_URL: url });
      expect(issuesOf(r)).toEqual([expect.stringMatching(/^DISCORD_API_URL: must use https: the bot token travels with every request/)]);
    }
    for (const url of ['https://proxy.example/api', 'http://127.0.0.1:3000/api', 'http://localhost:3000/api', 'http://[::1]:3000/api']) {
      expect(loadConfig({ DISCORD_API_URL: url }).ok).toBe(true);
    }
  });

  it('says which .env file the settings came from', () => {
    const dir = mkdtempSync(join(testTmp(), 'cfg-'));
    try {
      expect(envFileNote(join(dir, '.env'))).toMatch(/^settings: the environment \(no \.env in /);
      writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\n');
      expect(envFileNote(join(dir, '.env'))).toBe(`settings: ${join(dir, '.env')} and the environment (the environment wins)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads .env, with the environment taking precedence', () => {
    const dir = mkdtempSync(join(testTmp(), 'cfg-'));
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

  it('writes JSON lines for machines, with child loggers stamping their ids and secrets censored in fields too', () => {
    const lines: string[] = [];
    const log = makeLogger('debug', (l) => lines.push(l), [TOKEN], { json: true });
    log.child({ interaction: '123' }).warn('slow answer', { ms: 1200, token: 'another-secret-value', note: `leaked ${TOKEN}` });
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({
      level: 'warn',
      interaction: '123',
      ms: 1200,
      token: '[redacted]',
      note: 'leaked [redacted]',
      msg: 'slow answer',
    });
    expect(String(record.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('writes readable lines for people at a terminal', () => {
    const lines: string[] = [];
    makeLogger('info', (l) => lines.push(l))
      .child({ digest: 'd1' })
      .info('delivered');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO delivered \{"digest":"d1"\}$/);
  });
});
