// The chart layouts are pure functions of the answer: lanes, marks, label
// thinning and no overlaps are asserted on their geometry; the PNGs decode at
// the stated size, stay under 1 MB, and draw non-Latin text as glyphs.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { CorridorCard } from '../../src/briefing/answer-types.js';
import { denseTimeline as dense, event, quote, ref, timelineAnswer as answer } from '../helpers/timeline-events.js';
import { ChartsBusyError, chartImage, chartImageSync, chartOf, chartsIdle, MAX_PNG_BYTES } from '../../src/charts/answer-chart.js';
import { inside, overlaps, type Chart, type Label } from '../../src/charts/chart-model.js';
import { measureText } from '../../src/charts/font.js';
import { RESVG_OPTIONS } from '../../src/charts/render-png.js';
import { MAX_PER_SIDE, stanceChart } from '../../src/charts/stance-chart.js';
import { toSvg } from '../../src/charts/svg.js';
import { dateSpan, timelineChart } from '../../src/charts/timeline-chart.js';

const textLabels = (c: Chart): Label[] => c.labels;

function expectNoOverlaps(c: Chart): void {
  const frame = { x: 0, y: 0, w: c.width, h: c.height };
  const ls = textLabels(c);
  for (const l of ls) expect(inside(l.box, frame), JSON.stringify(l)).toBe(true);
  for (let i = 0; i < ls.length; i++) {
    for (let j = i + 1; j < ls.length; j++) {
      expect(overlaps(ls[i]!.box, ls[j]!.box), `${ls[i]!.lines[0]?.text} / ${ls[j]!.lines[0]?.text}`).toBe(false);
    }
  }
  // Each label's text fits its box, measured with the font it is drawn in.
  for (const l of ls) for (const line of l.lines) expect(measureText(line.text, line.size, line.bold)).toBeLessThanOrEqual(l.box.w + 0.5);
}

describe('timeline chart layout', () => {
  it('has one lane per filter, in the filter order', () => {
    const c = timelineChart(
      answer([event(1, { start: '2024-03-02' }, [ref('iran')], [ref('zangezur')])], { actor: ref('iran'), corridor: ref('zangezur') }),
      measureText,
    );
    const laneNames = c.labels.filter((l) => l.lines[0]?.size === 13).map((l) => l.lines[0]!.text);
    expect(laneNames).toEqual(['Iran', 'Zangezur']);
  });

  it('without filters, takes the lanes with the most events and puts the rest in Other', () => {
    const events = [
      ...Array.from({ length: 5 }, (_, i) => event(i, { start: '2020' }, [ref('iran')])),
      ...Array.from({ length: 3 }, (_, i) => event(10 + i, { start: '2021' }, [ref('armenia')])),
      event(20, { start: '2022' }, []),
    ];
    const c = timelineChart(answer(events), measureText, { maxLanes: 3 });
    const laneNames = c.labels.filter((l) => l.lines[0]?.size === 13).map((l) => l.lines[0]!.text);
    expect(laneNames).toEqual(['Iran', 'Armenia', 'Other']);
  });

  it('draws a day as a dot, a month and a year as bars of their length, a range as a span, approximate dates hatched', () => {
    const iran = ref('iran');
    const c = timelineChart(
      answer([
        event(1, { start: '2020-03-15' }, [iran]),
        event(2, { start: '2020-06' }, [iran]),
        event(3, { start: '2021' }, [iran]),
        event(4, { start: '2022', end: '2024', precision: 'year' }, [iran]),
        event(5, { start: '2023-01', approximate: true }, [iran]),
      ]),
      measureText,
    );
    const mark = (n: number) => c.shapes.find((s) => 'quoteId' in s && s.quoteId === quote(n).id && s.kind !== 'line')!;
    expect(mark(1).kind).toBe('circle');
    const width = (n: number) => {
      const m = mark(n);
      return m.kind === 'bar' ? m.rect.w : 0;
    };
    // A year is about twelve months wide; the 2022–2024 range spans three years.
    expect(width(3) / width(2)).toBeCloseTo(365 / 30, 0);
    expect(width(4) / width(3)).toBeCloseTo(3, 1);
    expect(mark(5)).toMatchObject({ kind: 'bar', approximate: true });
    expect(mark(3)).toMatchObject({ approximate: false });
    expect(toSvg(c)).toMatch(/fill="url\(#hatch-/);
  });

  it('gives every mark its quote id, and every label cites a mark', () => {
    const c = timelineChart(dense(40), measureText);
    const markIds = new Set(c.shapes.flatMap((s) => (s.kind !== 'line' && 'quoteId' in s && s.quoteId ? [s.quoteId] : [])));
    expect(markIds.size).toBe(40);
    const cited = c.labels.flatMap((l) => (l.quoteId ? [l.quoteId] : []));
    expect(cited.length).toBeGreaterThan(5);
    for (const id of cited) expect(markIds.has(id)).toBe(true);
    // The label names the date and the quote id's short form.
    const l = c.labels.find((x) => x.quoteId)!;
    expect(l.lines[0]!.text).toContain(l.quoteId!.split('.')[1]);
  });

  it('keeps day ticks inside the picture on a short period', () => {
    const iran = ref('iran');
    const days = Array.from({ length: 9 }, (_, i) => event(i + 1, { start: `2025-07-${String(i * 3 + 2).padStart(2, '0')}` }, [iran]));
    const c = timelineChart(answer([...days, event(20, { start: '2025-06' }, [iran])]), measureText);
    expectNoOverlaps(c);
    expect(c.labels.some((l) => /^\d+ Jul 2025$/.test(l.lines[0]!.text))).toBe(true);
  });

  it.each([6, 40, 200])('never lets labels overlap or leave the picture (%i events)', (n) => {
    const c = timelineChart(dense(n), measureText);
    expectNoOverlaps(c);
    expect(c.width).toBeLessThanOrEqual(1600);
    expect(c.height).toBeLessThanOrEqual(900);
  });

  it('leaves labels out when dense, and says how many', () => {
    const c = timelineChart(dense(200), measureText);
    const labelled = c.labels.filter((l) => l.quoteId).length;
    const marks = c.shapes.filter((s) => s.kind === 'circle' || s.kind === 'bar').length;
    const note = c.labels.find((l) => /without a label here/.test(l.lines[0]?.text ?? ''));
    expect(note?.lines[0]?.text).toContain(`${marks - labelled} mark(s)`);
  });

  it('reads date spans at their precision', () => {
    expect(dateSpan({ start: '2024-02', end: null, precision: 'month', approximate: false })).toEqual({
      start: Date.UTC(2024, 1, 1),
      end: Date.UTC(2024, 2, 1),
    });
    expect(dateSpan({ start: '1988', end: '1994', precision: 'year', approximate: false })).toEqual({
      start: Date.UTC(1988, 0, 1),
      end: Date.UTC(1995, 0, 1),
    });
  });
});

describe('stance map layout', () => {
  const card = (backers: string[], opponents: string[]): CorridorCard => ({
    id: 'zangezur',
    name: 'Zangezur Corridor',
    aliases: [],
    articles: 1,
    mentions: 1,
    definition: null,
    stances: [
      ...backers.map((a, i) => ({ actor: ref(a.toLowerCase(), a), stance: 'backs' as const, quote: quote(i + 1), said: false })),
      ...opponents.map((a, i) => ({ actor: ref(a.toLowerCase(), a), stance: 'opposes' as const, quote: quote(100 + i), said: false })),
    ],
  });

  it('puts backers left and opponents right, edges coloured and dashed by stance, each labelled with its quote id', () => {
    const c = stanceChart(card(['Azerbaijan', 'Turkey'], ['Iran']), measureText);
    const edges = c.shapes.filter((s) => s.kind === 'line');
    expect(edges).toHaveLength(3);
    const iran = edges.find((e) => e.kind === 'line' && e.quoteId === quote(100).id)!;
    const turkey = edges.find((e) => e.kind === 'line' && e.quoteId === quote(2).id)!;
    if (iran.kind !== 'line' || turkey.kind !== 'line') throw new Error('edges are lines');
    expect(iran.x1).toBeGreaterThan(c.width / 2);
    expect(turkey.x1).toBeLessThan(c.width / 2);
    expect(iran.dash).toBeDefined();
    expect(turkey.dash).toBeUndefined();
    expect(iran.stroke).not.toBe(turkey.stroke);
    expect(c.labels.filter((l) => l.quoteId).map((l) => l.lines[0]!.text)).toEqual([quote(1).id, quote(2).id, quote(100).id]);
    expectNoOverlaps(c);
  });

  it('draws at most ten a side and counts the rest, without overlaps', () => {
    const many = Array.from({ length: 14 }, (_, i) => `Actor number ${i} with a rather long name`);
    const c = stanceChart(card(many, many.slice(0, 3)), measureText);
    expect(c.labels.filter((l) => l.quoteId).length).toBe(MAX_PER_SIDE + 3);
    expect(c.labels.some((l) => l.lines[0]?.text === 'and 4 more (see the answer)')).toBe(true);
    expectNoOverlaps(c);
  });

  it('says so when nobody is quoted on one side', () => {
    const c = stanceChart(card(['Azerbaijan'], []), measureText);
    expect(c.labels.some((l) => l.lines[0]?.text === 'No actor is quoted opposing it')).toBe(true);
  });
});

describe('rendered pictures', () => {
  /** PNG: the width and height are the first fields of the IHDR chunk. */
  const size = (png: Buffer) => ({
    signature: png.subarray(1, 4).toString('latin1'),
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
  });

  it('decodes at the chart size, under 1 MB, for 200 events', () => {
    const a = dense(200);
    const image = chartImageSync(a)!;
    const c = chartOf(a)!.chart;
    expect(size(image.png)).toEqual({ signature: 'PNG', width: c.width, height: c.height });
    expect(image.png.length).toBeLessThan(MAX_PNG_BYTES);
    expect(image.file).toBe('timeline.png');
  });

  it('renders one chart at a time: a second is refused at once (the answer goes without it), and a cached one never waits', async () => {
    const answers = [5, 6].map((n) => dense(n));
    expect(chartsIdle()).toBe(true);
    const first = chartImage(answers[0]!);
    expect(chartsIdle()).toBe(false);
    const results = await Promise.allSettled([first, chartImage(answers[1]!)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ChartsBusyError);
    expect(chartsIdle()).toBe(true);
    // Drawn before: served from the cache even while another renders.
    const again = await Promise.all([chartImage(dense(8)), chartImage(answers[0]!)]);
    expect(again.every((x) => x?.png.subarray(1, 4).toString('latin1') === 'PNG')).toBe(true);
  });

  it("waits its turn for a digest's chart instead of dropping it (several digests fire in the same second)", async () => {
    const answers = [dense(11), dense(12), dense(13)];
    const drawn = await Promise.all(answers.map((a, i) => chartImage(a, `Digest ${i}`, { wait: true })));
    expect(drawn.map((x) => x?.png.subarray(1, 4).toString('latin1'))).toEqual(['PNG', 'PNG', 'PNG']);
    expect(chartsIdle()).toBe(true);
  });

  it('has nothing to draw for an answer without events or stances', () => {
    expect(chartImageSync(answer([]))).toBeNull();
    expect(chartImageSync({ ok: false, command: 'timeline', problem: { code: 'unknown-quote', id: 'x' } })).toBeNull();
  });

  // Glyphs, not boxes and not blanks: each string leaves ink where a blank render leaves none,
  // and two different letters leave different ink.
  const ink = (text: string) => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><rect width="400" height="60" fill="#000"/>' +
      `<text x="10" y="40" font-size="28" font-family="DejaVu Sans" fill="#fff">${text}</text></svg>`;
    const px = new Resvg(svg, RESVG_OPTIONS).render().pixels;
    let lit = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! > 128) lit++;
    return { lit, px: Buffer.from(px) };
  };

  it.each(['Əliyev', 'Путин', 'ğ ı ş ə', 'Ереван'])('draws %s as glyphs', (text) => {
    expect(ink('').lit).toBe(0);
    expect(ink(text).lit).toBeGreaterThan(50);
  });

  it('draws ə and ş as different glyphs (a missing glyph would draw the same box for both)', () => {
    expect(ink('ə').px.equals(ink('ş').px)).toBe(false);
    expect(ink('Ж').px.equals(ink('Щ').px)).toBe(false);
  });
});
