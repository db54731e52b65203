// On a busy machine a chart can take longer than an answer should wait: the
// answer goes out without it, and a second edit adds the chart when it is drawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsIdle } from '../../src/charts/answer-chart.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { makeLogger } from '../../src/logger.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { makeAsker } from './bot-harness.js';
import { DiscordEmulator, TOKEN } from './emulator.js';
import { slash } from './interactions.js';

let emulator: DiscordEmulator;
let bot: RunningBot;
beforeAll(async () => {
  emulator = new DiscordEmulator();
  await emulator.start();
  const { corpus } = seedCorpus();
  // No wait at all: every chart is late.
  bot = await startBot({ token: TOKEN, apiUrl: emulator.apiUrl, corpus: () => corpus, log: makeLogger('error', () => {}), chartWaitMs: 0 });
}, 20000);
afterAll(async () => {
  await bot?.stop(1000);
  await emulator?.close();
});

describe('a chart slower than the answer', { timeout: 50000 }, () => {
  it('sends the answer first, then adds the chart to it in a second edit', async () => {
    await emulator.waitFor(() => chartsIdle() || undefined, 15000);
    // A chart no other test draws: a cached one is ready at once, and would come with the answer.
    const i = slash('timeline', { actor: 'Russia', from: '1991' });
    const answer = await makeAsker(emulator).ask(i);
    expect(answer.data.embeds![0]!.description).toMatch(/dated event/);
    const edits = () => emulator.calls.filter((c) => c.method === 'PATCH' && c.path.includes(`/${i.token}/`));
    // Generous: the renderer runs below normal priority, and a busy test machine leaves it little CPU.
    await emulator.waitFor(() => edits().length >= 2 || undefined, 30000);
    const [first, second] = edits();
    expect(first!.files).toBeUndefined();
    expect((first!.body as { embeds: { image?: unknown }[] }).embeds[0]!.image).toBeUndefined();
    expect(second!.files?.map((f) => f.filename)).toEqual(['timeline.png']);
    expect((second!.body as { embeds: { image?: { url: string } }[]; allowed_mentions: unknown }).embeds[0]!.image?.url).toBe(
      'attachment://timeline.png',
    );
    expect((second!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });
});
