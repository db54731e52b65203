// The installed `briefing start` as a real process against the emulator:
// it logs in, answers, ingests raw/ again on SIGHUP, and on SIGTERM finishes
// and exits 0 within 5 s, its chart renderer with it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-data.js';
import { seedData } from '../helpers/seed-corpus.js';
import { DiscordEmulator, TOKEN } from './emulator.js';
import { slash } from './interactions.js';

/** The pids of a process's children whose command line holds `what` (from Linux's /proc; none elsewhere). */
function childrenRunning(parent: number | undefined, what: string): number[] {
  if (!existsSync('/proc/self/stat')) return [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        // The parent pid is the field after the state, which follows the parenthesised command name.
        const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        return ppid === parent && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(what) ? [Number(d)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

const emulator = new DiscordEmulator();
afterAll(() => emulator.close());

describe('briefing start as a process', () => {
  it('answers over the gateway, then exits 0 on SIGTERM within 5 s without logging the token', async () => {
    await emulator.start();
    const data = seedData();
    const child = spawn(process.execPath, [join(REPO, 'dist/bin/cli.js'), 'start'], {
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: emulator.apiUrl,
        DATA_DIR: data.root,
        DATABASE_URL: `sqlite:${join(data.root, 'state', 'b.sqlite')}`,
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: data.root, // no .env there: a developer's own must not change the test
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
    // The chart renderer is started with the bot, ahead of the first chart.
    const renderers = existsSync('/proc/self/stat')
      ? await emulator.waitFor(() => childrenRunning(child.pid, 'render-worker').length > 0 && childrenRunning(child.pid, 'render-worker'))
      : [];
    if (existsSync('/proc/self/stat')) expect(renderers).toHaveLength(1);
    const started = Date.now();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code, logs).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(logs).toContain('SIGTERM');
    expect(logs).not.toContain(TOKEN);
    expect(emulator.connections).toBe(0);
    // The renderer goes with the bot: nothing is left running.
    for (const pid of renderers) await emulator.waitFor(() => !existsSync(`/proc/${pid}`), 5000);
  }, 30000);
});
