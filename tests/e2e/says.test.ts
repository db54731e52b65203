// Who said what in Discord: /says and /actor said:true through the real discord.js Client against the emulator,
// on the seed articles, where the ingest finds one statement by Azerbaijan ("Azerbaijan insisted on Moscow …").
import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../src/render/discord/limits.js';
import { type Harness, harnessPerFile } from './bot-harness.js';
import { slash } from './interactions.js';

const harness = harnessPerFile();

const text = (body: Awaited<ReturnType<Harness['ask']>>) => {
  const e = body.data.embeds?.[0];
  return `${e?.title}\n${e?.description}`;
};

describe('statements in Discord', { timeout: 20000 }, () => {
  it('/says lists what the actor itself said, each quote under its speaker and cue, with its citation', async () => {
    const body = await harness().ask(slash('says', { actor: 'Azerbaijan' }));
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(body.data)).toEqual([]);
    expect(text(body)).toMatch(/^What Azerbaijan said\n1 statement\(s\), newest first/);
    expect(text(body)).toMatch(/\*\*Azerbaijan · insisted\*\*\n> Putin apologised, but Azerbaijan insisted on Moscow/);
    expect(text(body)).toMatch(/— \*\*Novaya Gazeta Europe\*\*/);
  });

  it('/says about another actor keeps only statements that name it, and says when there are none', async () => {
    expect(text(await harness().ask(slash('says', { actor: 'Azerbaijan', about: 'Russia' })))).toMatch(/1 statement\(s\) about Russia/);
    expect(text(await harness().ask(slash('says', { actor: 'Azerbaijan', about: 'Iran' })))).toMatch(
      /No statement by Azerbaijan about Iran in the articles\./,
    );
    expect(text(await harness().ask(slash('says', { actor: 'Azerbaijan', from: '2030' })))).toMatch(/No statement by Azerbaijan 2030 to …/);
  });

  it('/says answers a name it does not know, or a bad date, with a clear problem', async () => {
    const unknown = await harness().ask(slash('says', { actor: 'Atlantis' }));
    expect(text(unknown) + (unknown.data.content ?? '')).toMatch(/Atlantis/);
    const bad = await harness().ask(slash('says', { actor: 'Iran', from: '2024-13' }));
    expect(JSON.stringify(bad.data)).toMatch(/2024-13/);
  });

  it('/actor said:true shows the statement count on the card and only the actor’s own statements', async () => {
    const all = await harness().ask(slash('actor', { name: 'Azerbaijan' }));
    expect(text(all)).toMatch(/quote\(s\) · 1 statement\(s\)/);
    const said = await harness().ask(slash('actor', { name: 'Azerbaijan', said: true }));
    expect(text(said)).toMatch(/Its own statements, newest first\./);
    expect(text(said)).toMatch(/\*\*Azerbaijan · insisted\*\*/);
    expect(text(said).match(/^> /gm)).toHaveLength(1);
  });
});
