// The chart beside a Discord answer: attached and shown in the first embed
// when there is one to draw, and never in the way of the answer when drawing fails.
import { describe, expect, it } from 'vitest';
import { answerCommands as commands } from '../../src/commands/index.js';
import type { Command } from '../../src/command.js';
import { forDiscord, wantsChart, withChart } from '../../src/discord/chart-attachment.js';
import { renderPage } from '../../src/render/discord/render.js';
import { makeLogger } from '../../src/logger.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const { corpus } = seedCorpus();
const timeline = commands.find((c) => c.data.name === 'timeline')!;

describe('charts on Discord answers', () => {
  it('is wanted for commands that draw one, unless chart:false', async () => {
    expect(wantsChart(timeline, {})).toBe(true);
    expect(wantsChart(timeline, { chart: false })).toBe(false);
    expect(wantsChart(commands.find((c) => c.data.name === 'actor')!, {})).toBe(false);
  });

  it('attaches the PNG and shows it in the first embed; discord.js gets it as { attachment, name }', async () => {
    const ctx = { corpus, options: { actor: 'Azerbaijan' } };
    const answer = await timeline.execute({ ...ctx, window: { offset: 0, limit: 6 } });
    const payload = await withChart(
      renderPage(answer, 0, '/timeline actor:Azerbaijan'),
      timeline,
      ctx,
      answer,
      makeLogger('error', () => {}),
    );
    expect(payload.embeds![0]!.image).toEqual({ url: 'attachment://timeline.png' });
    const sent = forDiscord(payload);
    expect(sent.files![0]!.name).toBe('timeline.png');
    expect(sent.files![0]!.attachment.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('sends the answer without the chart, and logs why, when drawing it fails', async () => {
    const logs: string[] = [];
    let calls = 0;
    // The first call answers; the second (the chart's own, with every event) fails.
    const flaky: Command = {
      ...timeline,
      execute: (ctx) => {
        if (calls++ > 0) throw new Error('the corpus went away');
        return timeline.execute(ctx);
      },
    };
    const ctx = { corpus, options: {} };
    const answer = await flaky.execute({ ...ctx, window: { offset: 0, limit: 6 } });
    const page = renderPage(answer, 0, '/timeline');
    const payload = await withChart(
      page,
      flaky,
      ctx,
      answer,
      makeLogger('debug', (l) => logs.push(l)),
    );
    expect(payload).toEqual(page);
    expect(logs.join('\n')).toMatch(/chart for \/timeline failed; the answer went out without it: the corpus went away/);
  });
});
