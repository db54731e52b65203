// `briefing start` as a process: every start-up failure ends in one clear
// line on stderr and exit 1, never "Unexpected error" and a stack trace.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { REPO, tempData } from '../helpers/temp-data.js';
import { DiscordEmulator, TOKEN } from './emulator.js';

async function start(env: Record<string, string>): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [join(REPO, 'dist/src/cli.js'), 'start'], {
    env: { PATH: process.env.PATH, DISCORD_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += String(d)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, err };
}

const emulator = new DiscordEmulator();
let silent: Server | undefined;
afterAll(async () => {
  await emulator.close();
  silent?.close();
});

describe('start-up errors', { timeout: 60_000 }, () => {
  const data = tempData(SEED_FILES);
  const base = { DATA_DIR: data.root, DATABASE_URL: `sqlite:${join(data.root, 'state', 'b.sqlite')}`, LOGIN_TIMEOUT_SECONDS: '2' };

  it('a token Discord rejects', async () => {
    await emulator.start();
    emulator.fault('GET', /^\/gateway\/bot$/, 401, { message: '401: Unauthorized', code: 0 }, 10);
    const r = await start({ ...base, DISCORD_API_URL: emulator.apiUrl });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Discord rejected DISCORD_TOKEN \(401\)/);
    expect(r.err).not.toMatch(/Unexpected error| {4}at /);
    expect(r.err).not.toContain(TOKEN);
  });

  it('an API that refuses the connection, and one that never answers', async () => {
    silent = createServer(() => {}).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    // Independent processes: started together, so the run waits for the slowest, not for their sum.
    const [refused, hung] = await Promise.all([
      start({ ...base, DISCORD_API_URL: 'http://127.0.0.1:9/api' }),
      start({ ...base, DISCORD_API_URL: `http://127.0.0.1:${port}/api` }),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Cannot reach Discord's API at http:\/\/127\.0\.0\.1:9\/api: the connection was refused/);
    expect(hung.code).toBe(1);
    expect(hung.err).toMatch(/No answer from Discord at http:\/\/127\.0\.0\.1:\d+\/api within 2 s/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a missing data folder, a damaged database and a database folder that cannot be made', async () => {
    const damaged = join(data.root, 'damaged.sqlite');
    writeFileSync(damaged, 'this is not a database '.repeat(100));
    const file = join(data.root, 'a-file');
    writeFileSync(file, 'x');
    const [missing, bad, noFolder] = await Promise.all([
      start({ ...base, DATA_DIR: join(data.root, 'nope'), DISCORD_API_URL: 'http://127.0.0.1:9/api' }),
      start({ ...base, DATABASE_URL: `sqlite:${damaged}`, DISCORD_API_URL: 'http://127.0.0.1:9/api' }),
      start({ ...base, DATABASE_URL: `sqlite:${join(file, 'state', 'b.sqlite')}`, DISCORD_API_URL: 'http://127.0.0.1:9/api' }),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/raw: folder not found.*\(DATA_DIR is .*nope\)/);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot open the database .*damaged\.sqlite/);
    expect(noFolder.code).toBe(1);
    expect(noFolder.err).toMatch(/cannot create the folder for DATABASE_URL/);
    for (const r of [missing, bad, noFolder]) expect(r.err).not.toMatch(/Unexpected error| {4}at /);
  });
});
