// `briefing start`: every start-up failure ends in one clear line on stderr and
// exit 1, never "Unexpected error" and a stack trace. One failure runs as a real
// process (the exit status and stderr of the binary itself); the others run the
// same start() in this process (reading no .env: a developer's own must not
// change them), which also shows that a failed start leaves no rejection
// handler registered.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { start } from '../../src/app/start.js';
import { seedData } from '../helpers/seed-corpus.js';
import { REPO, testTmp } from '../helpers/temp-data.js';
import { DiscordEmulator, TOKEN } from './emulator.js';

interface Ended {
  code: number | null;
  err: string;
}

async function startProcess(env: Record<string, string>): Promise<Ended> {
  const child = spawn(process.execPath, [join(REPO, 'dist/bin/cli.js'), 'start'], {
    env: { PATH: process.env.PATH, DISCORD_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: testTmp(), // no .env there
  });
  let err = '';
  child.stderr.on('data', (d) => (err += String(d)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, err };
}

/** start() as `briefing start` calls it; a rejection (what the binary prints as "Unexpected error") fails the test. */
async function startHere(env: Record<string, string>): Promise<Ended> {
  const lines: string[] = [];
  const code = await start({
    env: { DISCORD_TOKEN: TOKEN, ...env },
    envFile: join(testTmp(), 'no-such.env'),
    stdin: { isTTY: false } as NodeJS.ReadStream,
    stdout: process.stdout,
    stderr: (line) => lines.push(line),
  });
  return { code, err: lines.join('\n') };
}

const emulator = new DiscordEmulator();
let silent: Server | undefined;
afterAll(async () => {
  await emulator.close();
  silent?.close();
});

describe('start-up errors', { timeout: 60_000 }, () => {
  const data = seedData();
  let handlers = 0;
  beforeEach(() => {
    handlers = process.listenerCount('unhandledRejection');
  });
  afterEach(() => {
    expect(process.listenerCount('unhandledRejection')).toBe(handlers);
  });
  const base = { DATA_DIR: data.root, DATABASE_URL: `sqlite:${join(data.root, 'state', 'b.sqlite')}`, LOGIN_TIMEOUT_SECONDS: '1' };

  it('a token Discord rejects: the process exits 1 with one line, and never shows the token', async () => {
    await emulator.start();
    emulator.fault('GET', /^\/gateway\/bot$/, 401, { message: '401: Unauthorized', code: 0 }, 10);
    const r = await startProcess({ ...base, DISCORD_API_URL: emulator.apiUrl });
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
    const [refused, hung] = await Promise.all([
      startHere({ ...base, DISCORD_API_URL: 'http://127.0.0.1:9/api' }),
      startHere({ ...base, DISCORD_API_URL: `http://127.0.0.1:${port}/api` }),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Cannot reach Discord's API at http:\/\/127\.0\.0\.1:9\/api: the connection was refused/);
    expect(hung.code).toBe(1);
    expect(hung.err).toMatch(/No answer from Discord at http:\/\/127\.0\.0\.1:\d+\/api within 1 s/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a missing data folder, a damaged database and a database folder that cannot be made', async () => {
    const damaged = join(data.root, 'damaged.sqlite');
    writeFileSync(damaged, 'this is not a database '.repeat(100));
    const file = join(data.root, 'a-file');
    writeFileSync(file, 'x');
    const api = { DISCORD_API_URL: 'http://127.0.0.1:9/api' };
    const missing = await startHere({ ...base, ...api, DATA_DIR: join(data.root, 'nope') });
    const bad = await startHere({ ...base, ...api, DATABASE_URL: `sqlite:${damaged}` });
    const noFolder = await startHere({ ...base, ...api, DATABASE_URL: `sqlite:${join(file, 'state', 'b.sqlite')}` });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/raw: folder not found.*\(DATA_DIR is .*nope\)/);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot open the database .*damaged\.sqlite/);
    expect(noFolder.code).toBe(1);
    expect(noFolder.err).toMatch(/cannot create the folder for DATABASE_URL/);
  });

  it('without a token and without a terminal: says how to set the token', async () => {
    const r = await startHere({ DISCORD_TOKEN: '', DATA_DIR: data.root });
    expect(r.code).toBe(1);
    expect(r.err).toContain('DISCORD_TOKEN is not set');
  });

  it('invalid settings: every problem listed, never the values', async () => {
    const r = await startHere({ DISCORD_TOKEN: 'oops', LOG_LEVEL: 'loud' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DISCORD_TOKEN: .*\n.*LOG_LEVEL: /);
    expect(r.err).not.toContain('oops');
  });
});
