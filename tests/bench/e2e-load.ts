// The real bot process (`briefing start`) against the emulator: M
// interactions injected at a fixed rate, mixing commands and autocomplete.
// Latency runs from injection to the callback request reaching the emulator.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIInteraction } from 'discord-api-types/v10';
import { DiscordEmulator, TOKEN } from '../e2e/emulator.js';
import { autocomplete, slash } from '../e2e/interactions.js';
import type { QueryMix } from './query-mix.js';
import { latency, round, type Latency } from './stats.js';

export interface E2eFigures extends Latency {
  interactions: number;
  rate_per_s: number;
  /** Interactions answered per second, from the first injection to the last callback. */
  sustained_per_s: number;
  errors: number;
  /** The bot process's peak resident memory during the run (loading the build is the peak). */
  bot_peak_rss_mb: number;
  /** Its resident memory once it answers, before the load, and at the end of the run. */
  bot_ready_rss_mb: number;
  bot_rss_mb: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A fixed cycle: autocomplete most often (it is what typing sends), then each command. */
export function interactionMix(mix: QueryMix): (() => APIInteraction)[] {
  const out: (() => APIInteraction)[] = [];
  for (let i = 0; i < 20; i++) {
    const ac = mix.autocomplete[i % mix.autocomplete.length]!;
    out.push(() => autocomplete(ac.kind === 'topic' ? 'brief' : ac.kind, ac.kind === 'topic' ? 'topic' : 'name', ac.typed.slice(0, 100)));
    out.push(() => autocomplete('actor', 'name', mix.actor[i % mix.actor.length]!.slice(0, 3)));
    out.push(() => slash('actor', { name: mix.actor[i % mix.actor.length]!.slice(0, 100) }));
    out.push(() => slash('corridor', { name: mix.corridor[i % mix.corridor.length]!.slice(0, 100) }));
    const t = mix.timeline[i % mix.timeline.length]!;
    out.push(() => slash('timeline', Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.slice(0, 100)]))));
    out.push(() => slash('search', { query: mix.search[i % mix.search.length]!.slice(0, 300) }));
  }
  return out;
}

/** VmHWM (peak) or VmRSS (now) of a process, from Linux's /proc; NaN elsewhere. */
function rssMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 1) : NaN;
  } catch {
    return NaN;
  }
}

export async function measureE2e(
  dataDir: string,
  mix: QueryMix,
  count: number,
  rate: number,
  progress: (line: string) => void,
): Promise<E2eFigures> {
  const emulator = new DiscordEmulator();
  await emulator.start();
  const state = mkdtempSync(join(tmpdir(), 'briefing-bench-state-'));
  // The bundled bin, as users run it.
  const cli = new URL('../../bin/cli.js', import.meta.url).pathname;
  const bot = spawn(process.execPath, [cli, 'start'], {
    env: {
      ...process.env,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(state, 'b.sqlite')}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  bot.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    // Ready when it answers: retry an autocomplete until one comes back.
    const until = Date.now() + 60_000;
    for (;;) {
      const probe = autocomplete('actor', 'name', 'ir');
      emulator.inject(probe);
      await sleep(200);
      if (emulator.callsTo('POST', new RegExp(`^/interactions/${probe.id}/`)).length) break;
      if (Date.now() > until || bot.exitCode !== null) throw new Error(`the bot did not come up: ${stderr.slice(-2000)}`);
    }
    const readyRss = rssMb(bot.pid, 'VmRSS');
    const makers = interactionMix(mix);
    const sent: { id: string; t: number }[] = [];
    const gap = 1000 / rate;
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      await sleep(start + i * gap - performance.now());
      const interaction = makers[i % makers.length]!();
      sent.push({ id: interaction.id, t: performance.now() });
      emulator.inject(interaction);
      if ((i + 1) % 500 === 0) progress(`  e2e: ${i + 1}/${count} interactions sent`);
    }
    const callbackOf = new Map<string, { t: number; status: number; body: unknown }>();
    const collect = () => {
      for (const c of emulator.calls) {
        const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(c.path);
        if (m && c.method === 'POST' && !callbackOf.has(m[1]!)) callbackOf.set(m[1]!, { t: c.t, status: c.status ?? 0, body: c.body });
      }
    };
    const deadline = Date.now() + 15_000;
    do {
      await sleep(50);
      collect();
    } while (sent.some((s) => !callbackOf.has(s.id)) && Date.now() < deadline);
    const samples: number[] = [];
    let errors = 0;
    let last = start;
    for (const s of sent) {
      const cb = callbackOf.get(s.id);
      const content = String((cb?.body as { data?: { content?: string } } | undefined)?.data?.content ?? '');
      if (!cb || cb.status >= 400 || content.includes('Something went wrong')) {
        errors++;
        continue;
      }
      samples.push(cb.t - s.t);
      last = Math.max(last, cb.t);
    }
    return {
      interactions: count,
      rate_per_s: rate,
      ...latency(samples),
      sustained_per_s: round((samples.length / (last - start)) * 1000, 1),
      errors,
      bot_peak_rss_mb: rssMb(bot.pid, 'VmHWM'),
      bot_ready_rss_mb: readyRss,
      bot_rss_mb: rssMb(bot.pid, 'VmRSS'),
    };
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => (bot.exitCode !== null ? r(null) : bot.once('exit', r)));
    await emulator.close();
    rmSync(state, { recursive: true, force: true });
  }
}
