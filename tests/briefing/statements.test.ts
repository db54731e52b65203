// Statements as answers: /says and /actor said:true read the speaker found at ingest, and /corridor prefers an
// actor's own statement as the evidence of its stance, on the seed corpus plus one article written for these tests.
import { describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import { corridor } from '../../src/briefing/corridor.js';
import { says } from '../../src/briefing/says.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const ARTICLE = `---
title: Tehran restates its line on the Syunik route
outlet: Test Gazette
author: Ani Petrosyan
published: 2026-03-02
---

Analysts in Yerevan expect little change in the talks this spring.

Iran's foreign ministry said on Monday that Tehran opposes the Zangezur corridor and any change of borders in the region.

"We will not accept a corridor that cuts Armenia off from Iran," the ministry's spokesman said.

Azerbaijani officials dismissed the statement, and Ilham Aliyev was quoted as calling the route inevitable.

An expert on Iran said the talks were doomed.
`;

const { corpus } = seedCorpus({ 'tehran-line.md': ARTICLE });

describe('statements', () => {
  it('/says lists the actor’s own statements, newest first, each with its speaker and cue, and counts them', async () => {
    const a = await says(corpus, { actor: 'Iran' });
    if (!a.ok) throw new Error(JSON.stringify(a));
    expect(a.total).toBe(a.quotes.length);
    expect(a.quotes[0]!.text).toMatch(/^Iran's foreign ministry said on Monday that Tehran opposes/);
    expect(a.quotes[0]!.speech).toEqual({
      kind: 'indirect',
      cue: 'said',
      speaker: { name: "Iran's foreign ministry", actor: { id: 'iran', name: 'Iran' }, anonymous: false },
      about: null,
    });
    // Newest article first: the 2026 article's statements before any from the seed.
    const days = a.quotes.map((q) => q.article.published ?? '');
    expect([...days].sort().reverse()).toEqual(days);
    // "An expert on Iran said …" is about Iran, not by it.
    expect(a.quotes.some((q) => q.text.startsWith('An expert on Iran'))).toBe(false);
  });

  it('/says about another actor or a corridor, and in a period, narrows the statements', async () => {
    const about = await says(corpus, { actor: 'Iran', about: 'Zangezur' });
    expect(about.ok && about.about).toEqual({ type: 'corridor', id: 'zangezur', name: 'Zangezur Corridor' });
    expect(about.ok && about.quotes.every((q) => /Zangezur|corridor/i.test(q.text))).toBe(true);
    const period = await says(corpus, { actor: 'Iran', from: '2026-03', to: '2026-03' });
    expect(period.ok && period.quotes.every((q) => q.article.published?.startsWith('2026-03'))).toBe(true);
    const none = await says(corpus, { actor: 'Iran', from: '2031' });
    expect(none.ok && none.total).toBe(0);
  });

  it('answers bad input with a problem, never an exception', async () => {
    expect(await says(corpus, { actor: 'Atlantis' })).toMatchObject({ ok: false, problem: { code: 'unknown-actor' } });
    expect(await says(corpus, { actor: 'Iran', about: 'Atlantis' })).toMatchObject({ ok: false, problem: { code: 'unknown-topic' } });
    expect(await says(corpus, { actor: 'Iran', from: '2026-13' })).toMatchObject({ ok: false, problem: { code: 'bad-date' } });
    expect(await says(corpus, { actor: 'x'.repeat(3000) })).toMatchObject({ ok: false, problem: { code: 'input-too-long' } });
  });

  it('/actor counts statements beside mentions, and said:true keeps only the statements', async () => {
    const all = await actor(corpus, 'Iran');
    const said = await actor(corpus, 'Iran', { said: true });
    if (!all.ok || !all.actor || !said.ok) throw new Error();
    expect(all.actor.statements).toBeGreaterThan(0);
    expect(all.actor.statements).toBeLessThan(all.actor.mentions);
    expect(said.said).toBe(true);
    expect(said.quotes).toHaveLength(all.actor.statements);
    expect(said.quotes.every((q) => q.speech?.speaker.actor?.id === 'iran')).toBe(true);
  });

  it('/corridor takes an actor’s own statement as the evidence of its stance, and says so', async () => {
    const c = await corridor(corpus, 'Zangezur');
    if (!c.ok || !c.corridor) throw new Error();
    const iran = c.corridor.stances.find((s) => s.actor.id === 'iran' && s.stance === 'opposes')!;
    expect(iran.said).toBe(true);
    expect(iran.quote.text).toMatch(/^Iran's foreign ministry said on Monday that Tehran opposes/);
    // A stance known only from sentences about the actor stays, marked as such.
    expect(c.corridor.stances.filter((s) => s.actor.id !== 'iran').every((s) => s.said === false)).toBe(true);
  });
});

describe('statements on the timeline', () => {
  it('said:true keeps the dated events the actor itself states, and needs an actor', async () => {
    const { timeline } = await import('../../src/briefing/timeline.js');
    const all = await timeline(corpus, { actor: 'Iran' });
    const said = await timeline(corpus, { actor: 'Iran', said: true });
    if (!all.ok || !said.ok) throw new Error();
    expect(said.filters.said).toBe(true);
    expect(said.total).toBeLessThan(all.total);
    expect(said.events.every((e) => e.quote.speech?.speaker.actor?.id === 'iran')).toBe(true);
    expect(said.events.map((e) => e.quote.text)).toContainEqual(expect.stringMatching(/^Iran's foreign ministry said on Monday/));
    expect(await timeline(corpus, { said: true })).toMatchObject({ ok: false, problem: { code: 'said-needs-actor' } });
  });
});

describe('statements in a digest', () => {
  it('carries what the subscription’s actors said themselves in the period, each with its speaker, in one embed', async () => {
    const { digest } = await import('../../src/briefing/digest.js');
    const { parseTopics } = await import('../../src/briefing/digest-topics.js');
    const { renderDigest } = await import('../../src/render/discord/digest-render.js');
    const { limitViolations } = await import('../../src/render/discord/limits.js');
    const fresh = (await corpus.articles(0, 100)).find((a) => a.title.startsWith('Tehran restates'))!;
    const firstSeen = new Map([[fresh.id, '2026-03-02T09:00:00.000Z']]);
    const period = { start: new Date('2026-03-02T00:00:00Z'), end: new Date('2026-03-03T00:00:00Z'), firstSeen };
    const topics = parseTopics(corpus, 'Iran, Zangezur Corridor');
    if (!topics.ok) throw new Error();
    const d = await digest(corpus, { topics: topics.topics, ...period });
    expect(d.statements.map((q) => q.speech?.speaker.actor?.id)).toEqual(['iran']);
    const embeds = renderDigest({ answer: d, name: 'Iran', timezone: 'UTC' });
    expect(limitViolations(embeds)).toEqual([]);
    const said = embeds.embeds!.find((e) => e.title === 'Statements')!;
    expect(said.description).toMatch(/^\*\*Iran's foreign ministry · said\*\*: Iran's foreign ministry said on Monday/);
    // A subscription about a corridor alone follows no speaker.
    const corridorOnly = parseTopics(corpus, 'Zangezur Corridor');
    if (!corridorOnly.ok) throw new Error();
    expect((await digest(corpus, { topics: corridorOnly.topics, ...period })).statements).toEqual([]);
  });
});
