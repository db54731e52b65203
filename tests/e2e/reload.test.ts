// An ingest while the bot runs (SIGHUP) happens in a worker thread: commands
// sent during it are answered from the corpus as it is, each well inside
// Discord's 3 s, and the new article answers once it has gone in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeLogger } from '../../src/logger.js';
import { runBot, type BotRuntime } from '../../src/app/run-bot.js';
import { botConfig, makeAsker } from './bot-harness.js';
import { DiscordEmulator, TOKEN } from './emulator.js';
import { slash } from './interactions.js';

const PLACES = ['Yerevan', 'Baku', 'Tbilisi', 'Gyumri', 'Meghri', 'Nakhchivan'];

/** A long article (about 0.2 MB) that takes ingest a second or more: thousands of dated sentences. */
function longArticle(): string {
  const lines = Array.from(
    { length: 1_500 },
    (_, n) =>
      `On ${1 + (n % 28)} March 2024 delegates from Armenia and Azerbaijan met in ${PLACES[n % PLACES.length]} for round ${n} of the ` +
      `border talks.`,
  );
  return (
    `---\ntitle: The long record of the border talks\noutlet: Test Wire\nauthor: A. Writer\npublished: ` +
    `2024-04-01\n---\n\n${lines.join('\n\n')}\n`
  );
}

let runtime: BotRuntime | undefined;
const emulator = new DiscordEmulator();
afterAll(async () => {
  await runtime?.stop(1000);
  await emulator.close();
});

describe('an ingest while the bot runs', () => {
  it('never holds an answer: every command during it is answered within a second', { timeout: 120_000 }, async () => {
    await emulator.start();
    const { config, data } = botConfig(emulator);
    const logs: string[] = [];
    runtime = await runBot(
      config,
      makeLogger('info', (l) => logs.push(l), [TOKEN]),
    );
    const asker = makeAsker(emulator);

    writeFileSync(join(data.raw, 'long.md'), longArticle());
    let finished = false;
    const reload = runtime.corpus.reload('SIGHUP').then((ok) => {
      finished = true;
      return ok;
    });
    const waits: number[] = [];
    while (!finished) {
      const started = Date.now();
      // chart:false: this measures the answers; charts have their own tests (they may arrive in a later edit).
      const a = await asker.ask(
        slash(waits.length % 2 ? 'actor' : 'timeline', waits.length % 2 ? { name: 'Iran' } : { actor: 'Armenia', chart: false }),
      );
      waits.push(Date.now() - started);
      expect(a.type).toBe(4);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await reload).toBe(true);
    // The ingest took long enough for many commands to be sent while it ran.
    expect(waits.length).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(1000);
    const after = await asker.ask(slash('search', { query: 'round 1499 border talks' }));
    expect(JSON.stringify(after.data.embeds)).toContain('round 1499 of the border talks');
    expect(logs.join('\n')).toMatch(/ingest \(SIGHUP\): corpus updated from raw\/: 1 new article\(s\)/);
  });
});
