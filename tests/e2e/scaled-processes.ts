// Processes of the scaled-out and restart tests: `briefing serve`, `briefing worker` or `briefing start` launched as
// the installed bin, a signed interaction sent to a replica, and what each process said on a failure.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { REPO, testTmp } from '../helpers/temp-data.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
/** The public key replicas check signatures with (DISCORD_PUBLIC_KEY). */
export const PUBLIC_HEX = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

export interface Proc {
  child: ChildProcess;
  out: () => string;
}

export interface Processes {
  launch(sub: 'serve' | 'worker' | 'start', env: Record<string, string>): Proc;
  /** What each process said (SCALE_OUT_DEBUG=1 prints it always). */
  print(): void;
  killAll(): void;
}

export function processes(): Processes {
  const launched: { name: string; proc: Proc }[] = [];
  return {
    launch(sub, env) {
      const child = spawn(process.execPath, [join(REPO, 'dist/bin/cli.js'), sub], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: testTmp(), // no .env there: a developer's own must not change the test
      });
      let out = '';
      child.stderr!.on('data', (d) => (out += String(d)));
      child.stdout!.on('data', (d) => (out += String(d)));
      const proc = { child, out: () => out };
      launched.push({ name: `${sub} ${child.pid}`, proc });
      return proc;
    },
    print() {
      for (const p of launched) console.log(`--- ${p.name}\n${p.proc.out()}`);
    },
    killAll() {
      for (const p of launched) if (p.proc.child.exitCode === null) p.proc.child.kill('SIGKILL');
    },
  };
}

/** A signed interaction sent to a replica, and its answer. */
export async function ask(port: string, interaction: object): Promise<{ type: number; data?: { embeds?: unknown[] } }> {
  const body = JSON.stringify(interaction);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`http://127.0.0.1:${port}/interactions`, {
    method: 'POST',
    headers: { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts },
    body,
  });
  return (await res.json()) as { type: number; data?: { embeds?: unknown[] } };
}

/** The port a replica says it listens on, once it does. */
export const listening = (p: Proc) => /interactions on http:\/\/0\.0\.0\.0:(\d+)/.exec(p.out())?.[1];
