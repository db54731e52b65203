// The installed `briefing start` as a real process against the emulator:
// it logs in, answers, ingests raw/ again on SIGHUP, and on SIGTERM finishes
// and exits 0 within 5 s.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-data.js';
import { seedData } from '../helpers/seed-corpus.js';
import { DiscordEmulator, TOKEN } from './emulator.js';
import { slash } from './interactions.js';

const emulator = new DiscordEmulator();
afterAll(() => emulator.close());

describe('briefing start as a process', () => {
  it('answers over the gateway, then exits 0 on SIGTERM within 5 s without logging the token', async () => {
    await emulator.start();
    const data = seedData();
    const child = spawn(process.execPath, [join(REPO, 'dist/src/cli.js'), 'start'], {
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: emulator.apiUrl,
        DATA_DIR: data.root,
        DATABASE_URL: `sqlite:${join(data.root, 'state', 'b.sqlite')}`,
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stderr.on('data', (d) => (logs += String(d)));
    child.stdout.on('data', (d) => (logs += String(d)));
    child.on('exit', (code, signal) => (logs += `\n[exit ${code} ${signal}]`));
    process.on('exit', () => undefined);
    await emulator.waitFor(() => logs.includes('logged in as'), 20000);
    const i = slash('actor', { name: 'Iran' });
    emulator.inject(i);
    await emulator.waitFor(() => emulator.callsTo('POST', new RegExp(`^/interactions/${i.id}/`)).length > 0);
    // SIGHUP reads raw/ again in a worker thread; the bot keeps running.
    child.kill('SIGHUP');
    await emulator
      .waitFor(() => logs.includes('ingest (SIGHUP): nothing changed in raw/'), 10000)
      .catch((e: Error) => {
        throw new Error(`${e.message}; the bot logged:\n${logs}`);
      });
    expect(child.exitCode).toBeNull();
    const started = Date.now();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code, logs).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(logs).toContain('SIGTERM');
    expect(logs).not.toContain(TOKEN);
    expect(emulator.connections).toBe(0);
  }, 30000);
});
