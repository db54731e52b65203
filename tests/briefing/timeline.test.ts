import { describe, expect, it } from 'vitest';
import type { TimelineAnswer } from '../../src/briefing/answer-types.js';
import { timeline, type TimelineQuery } from '../../src/briefing/timeline.js';
import { toText } from '../../src/render/text.js';
import { dateLabel } from '../../src/render/date-label.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const { corpus } = seedCorpus();

async function ok(q: TimelineQuery): Promise<TimelineAnswer> {
  const a = await timeline(corpus, q);
  if (!a.ok) throw new Error(`expected events, got ${a.problem.code}`);
  return a;
}

describe('/timeline', () => {
  it('lists events in chronological order, a range by its start', async () => {
    const { events } = await ok({});
    const starts = events.map((e) => e.date.start.padEnd(10, '-'));
    expect(starts).toEqual([...starts].sort());
    const war = events.find((e) => e.date.start === '1988' && e.date.end === '1994');
    expect(war?.quote.text).toContain('first Karabakh war');
    expect(events.indexOf(war!)).toBeLessThan(events.findIndex((e) => e.date.start === '1994' && !e.date.end));
  });

  it('gives each event its quote, actors, corridors and citation', async () => {
    const e = (await ok({})).events.find((x) => x.quote.text.includes('Pezeshkian in Tehran'))!;
    expect(e.date).toEqual({ start: '2024-07', end: null, precision: 'month', approximate: false });
    expect(e.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Iran', 'Nikol Pashinyan']));
    expect(e.article.outlet).toBe('New Eastern Europe');
    expect(e.quote.article.id).toBe(e.article.id);
  });

  it('combines actor, corridor and period filters', async () => {
    const az = await ok({ actor: 'Azerbaijan', from: '2020', to: '2024' });
    expect(az.filters).toMatchObject({ actor: { id: 'azerbaijan' }, from: '2020', to: '2024' });
    expect(az.events.length).toBeGreaterThan(3);
    for (const e of az.events) {
      expect(e.actors.map((a) => a.id)).toContain('azerbaijan');
      expect((e.date.end ?? e.date.start) >= '2020' && e.date.start <= '2024-12-31').toBe(true);
    }
    // A range that overlaps the period counts; one that ends before it does not.
    expect(az.events.some((e) => e.date.start === '2021' && e.date.end === '2022')).toBe(true);
    expect(az.events.some((e) => e.date.start === '1988')).toBe(false);
    const narrower = await ok({ actor: 'Azerbaijan', from: '2020', to: '2024', corridor: 'Zangezur' });
    expect(narrower.events.length).toBeLessThan(az.events.length);
  });

  it('reads from/to as whole periods, and keeps coarser dates that overlap them', async () => {
    const july = (await ok({ from: '2024-07', to: '2024-07' })).events;
    expect(july.map((e) => e.date.start)).toContain('2024-07');
    // "in 2024" may be July; "October 2024" and "2023" are not.
    expect(july.every((e) => e.date.start === '2024-07' || e.date.start === '2024')).toBe(true);
    const day = (await ok({ from: '2025-07-30', to: '2025-07-30' })).events;
    expect(day.map((e) => e.phrase)).toEqual(expect.arrayContaining(['30 July 2025', 'last week']));
    expect(
      day.every((e) => e.date.precision !== 'day' || (e.date.start <= '2025-07-30' && (e.date.end ?? e.date.start) >= '2025-07-30')),
    ).toBe(true);
  });

  it.each([
    [{ from: '2024-13' }, 'bad-date'],
    [{ to: 'last year' }, 'bad-date'],
    [{ from: '2024-02-30' }, 'bad-date'],
    [{ from: '' }, 'bad-date'],
    [{ from: '2024', to: '2020' }, 'reversed-range'],
    [{ actor: 'Atlantis' }, 'unknown-actor'],
    [{ corridor: 'Atlantis' }, 'unknown-corridor'],
    [{ actor: '' }, 'empty-input'],
  ] as const)('answers %j with a clear problem (%s)', async (q, code) => {
    const a = await timeline(corpus, q);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.problem.code).toBe(code);
  });
});

describe('timeline text', () => {
  it('labels dates at their precision and marks approximate ones', async () => {
    expect(dateLabel({ start: '2024-10', end: null, precision: 'month', approximate: false })).toBe('Oct 2024');
    expect(dateLabel({ start: '1988', end: '1994', precision: 'year', approximate: false })).toBe('1988–1994');
    expect(dateLabel({ start: '2024-03', end: '2024-05', precision: 'month', approximate: false })).toBe('Mar–May 2024');
    expect(dateLabel({ start: '2025-07-28', end: '2025-08-03', precision: 'day', approximate: true })).toBe('about 28 Jul–3 Aug 2025');
    expect(dateLabel({ start: '2023-03-12', end: '2023-03-15', precision: 'day', approximate: false })).toBe('12–15 Mar 2023');
  });

  it('groups by year, with one date heading over every quote that states it', async () => {
    const text = toText(await ok({ from: '2020', to: '2020' }), { limit: 0, ansi: false });
    expect(text.match(/── 2020 ──/g)).toHaveLength(1);
    // Two articles state 2020: one heading, two quotes.
    const block = text.split('\n29 Oct 2020')[0]!.split('\n2020\n')[1]!;
    expect(block.match(/“/g)).toHaveLength(2);
    expect(text).toContain('Second Karabakh War');
  });
});
