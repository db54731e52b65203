// The /timeline picture, as data: a horizontal time axis, one lane per actor
// or corridor filtered on (else the lanes with the most events), a mark per
// event whose width is its precision (a day is a dot, a month or a year a bar,
// a range a span; approximate dates are hatched), and short labels (date,
// quote id, a few words) that never overlap: each goes in the first free row
// of its lane, and one that fits nowhere is left out and counted.
import type { EventDate, NamedRef, TimelineAnswer, TimelineEvent } from '../briefing/answer-types.js';
import { dateLabel } from '../render/date-label.js';
import type { Chart, Label, Rect, Shape } from './chart-model.js';
import type { TextMeasure } from './font.js';
import { GRID, MUTED, PANEL, PLATE, SERIES, TEXT } from './palette.js';

export const TIMELINE_WIDTH = 1200;
export const MAX_LANES = 6;
const HEADER = 64;
/** The axis, its tick labels, and a line for the note on unlabelled marks. */
const AXIS = 60;
const PAD = 24;
const LABEL_ROWS = 2;
const LINE = { head: 12, body: 12 };
const LABEL_H = 34;
const MARK_ROW = 26;
const LANE_GAP = 10;
const LANE_H = LABEL_ROWS * LABEL_H + MARK_ROW + LANE_GAP;
const DAY = 86_400_000;

interface Span {
  start: number;
  end: number;
}

/** The period a date covers, in ms: a day, a month, a year, or a range from one to the other. */
export function dateSpan(d: EventDate): Span {
  const at = (v: string) => {
    const [y, m, day] = v.split('-').map(Number) as [number, number?, number?];
    const start = Date.UTC(y, (m ?? 1) - 1, day ?? 1);
    const end = day ? start + DAY : m ? Date.UTC(y, m, 1) : Date.UTC(y + 1, 0, 1);
    return { start, end };
  };
  const a = at(d.start);
  return d.end ? { start: a.start, end: at(d.end).end } : a;
}

function lanesOf(answer: TimelineAnswer, maxLanes: number): { lanes: NamedRef[]; other: boolean } {
  const { actor, corridor } = answer.filters;
  const chosen = [actor, corridor].filter((x): x is NamedRef => x !== null);
  if (chosen.length) return { lanes: chosen, other: false };
  const counts = new Map<string, { ref: NamedRef; n: number }>();
  for (const e of answer.events) {
    for (const ref of [...e.actors, ...e.corridors]) {
      const c = counts.get(ref.id) ?? { ref, n: 0 };
      c.n++;
      counts.set(ref.id, c);
    }
  }
  const top = [...counts.values()].sort((a, b) => b.n - a.n || a.ref.name.localeCompare(b.ref.name)).slice(0, maxLanes);
  const ids = new Set(top.map((t) => t.ref.id));
  const other = answer.events.some((e) => ![...e.actors, ...e.corridors].some((r) => ids.has(r.id)));
  // "Other" takes the last lane when the page is full.
  const lanes = top.map((t) => t.ref).slice(0, other ? maxLanes - 1 : maxLanes);
  return { lanes, other: other || top.length > lanes.length };
}

/** A few words of the quote, cut at a word. */
function fewWords(text: string, measure: TextMeasure, maxWidth: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (measure(`${next}…`, LINE.body) > maxWidth) break;
    out = next;
  }
  return out === text ? out : `${out || words[0]!.slice(0, 12)}…`;
}

/** Tick positions: years, months or days, as many as fit without their labels touching or leaving [left, right]. */
function ticks(
  domain: Span,
  scale: (t: number) => number,
  measure: TextMeasure,
  left: number,
  right: number,
): { x: number; text: string }[] {
  const years = (domain.end - domain.start) / (365 * DAY);
  const candidates: { t: number; text: string }[] = [];
  const first = new Date(domain.start);
  if (years > 2) {
    // Round steps (1, 2, 5, 10, 20, 50, 100 years) on round years, as many as fit.
    const step = [1, 2, 5, 10, 20, 50, 100].find((s) => years / s <= 14) ?? 100;
    for (let y = Math.ceil(first.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= domain.end; y += step) {
      if (Date.UTC(y, 0, 1) >= domain.start) candidates.push({ t: Date.UTC(y, 0, 1), text: String(y) });
    }
  } else if (years > 0.25) {
    for (let i = 0, t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1); t <= domain.end; i++) {
      if (t >= domain.start)
        candidates.push({
          t,
          text: dateLabel({ start: new Date(t).toISOString().slice(0, 7), end: null, precision: 'month', approximate: false }),
        });
      t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i + 1, 1);
    }
  } else {
    for (let t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()); t <= domain.end; t += DAY) {
      if (t >= domain.start)
        candidates.push({
          t,
          text: dateLabel({ start: new Date(t).toISOString().slice(0, 10), end: null, precision: 'day', approximate: false }),
        });
    }
  }
  const out: { x: number; text: string; right: number }[] = [];
  for (const c of candidates) {
    const x = scale(c.t);
    const w = measure(c.text, 12);
    const prev = out.at(-1);
    if ((prev && x - w / 2 < prev.right + 12) || x - w / 2 < left || x + w / 2 > right) continue;
    out.push({ x, text: c.text, right: x + w / 2 });
  }
  return out;
}

export interface TimelineChartOptions {
  width?: number;
  maxLanes?: number;
  /** Instead of "Timeline: <filters>" (a digest names its period). */
  title?: string;
}

export function timelineChart(answer: TimelineAnswer, measure: TextMeasure, o: TimelineChartOptions = {}): Chart {
  const width = o.width ?? TIMELINE_WIDTH;
  const { lanes, other } = lanesOf(answer, o.maxLanes ?? MAX_LANES);
  const laneNames = [...lanes.map((l) => l.name), ...(other ? ['Other'] : [])];
  const gutter = Math.min(200, Math.max(80, ...laneNames.map((n) => measure(n, 13, true) + 42)));
  const plot = { left: PAD + gutter, right: width - PAD };
  const height = HEADER + Math.max(1, laneNames.length) * LANE_H + AXIS;
  const frame: Rect = { x: 0, y: 0, w: width, h: height };

  const spans = answer.events.map((e) => dateSpan(e.date));
  const domain = spans.length
    ? { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) }
    : { start: Date.UTC(2000, 0, 1), end: Date.UTC(2001, 0, 1) };
  // A little room either side, so a mark at the edge is not cut.
  const pad = Math.max(DAY, (domain.end - domain.start) * 0.02);
  const d0 = domain.start - pad;
  const d1 = domain.end + pad;
  const scale = (t: number) => plot.left + ((t - d0) / (d1 - d0)) * (plot.right - plot.left);

  const shapes: Shape[] = [{ kind: 'box', rect: frame, fill: PANEL, radius: 12 }];
  const labels: Label[] = [];
  const filters = [answer.filters.actor?.name, answer.filters.corridor?.name].filter(Boolean).join(' · ');
  const period = [answer.filters.from, answer.filters.to].some(Boolean)
    ? ` · ${answer.filters.from ?? '…'} to ${answer.filters.to ?? '…'}`
    : '';
  labels.push({
    box: { x: PAD, y: 14, w: width - 2 * PAD, h: 40 },
    lines: [
      { text: o.title ?? `Timeline${filters ? `: ${filters}` : ''}${period}`, size: 18, bold: true, color: TEXT },
      {
        text: `${answer.total} dated event(s)${answer.events.length < answer.total ? `, the first ${answer.events.length} drawn` : ''}`,
        size: 12,
        color: MUTED,
      },
    ],
  });

  let hidden = 0;
  laneNames.forEach((name, li) => {
    const top = HEADER + li * LANE_H;
    const markY = top + LABEL_ROWS * LABEL_H + MARK_ROW / 2;
    const color = name === 'Other' && other && li === laneNames.length - 1 ? MUTED : SERIES[li % SERIES.length]!;
    shapes.push({ kind: 'line', x1: plot.left, y1: markY, x2: plot.right, y2: markY, stroke: GRID, width: 1 });
    // The lane's name in text colour beside a swatch of its colour: dark blues stay legible on the panel.
    shapes.push({ kind: 'box', rect: { x: PAD, y: markY - 6, w: 12, h: 12 }, fill: color, radius: 2 });
    labels.push({
      box: { x: PAD + 18, y: markY - 9, w: gutter - 30, h: 18 },
      lines: [{ text: clipTo(name, gutter - 30, 13, measure), size: 13, bold: true, color: TEXT }],
    });
    const inLane = (e: TimelineEvent) =>
      li < lanes.length
        ? [...e.actors, ...e.corridors].some((r) => r.id === lanes[li]!.id)
        : !lanes.some((l) => [...e.actors, ...e.corridors].some((r) => r.id === l.id));
    const events = answer.events.map((e, i) => ({ e, span: spans[i]! })).filter(({ e }) => inLane(e));
    // The newest events are labelled first: when labels must be left out, the older ones go.
    events.sort((a, b) => b.span.start - a.span.start);
    const placed: Rect[] = [];
    for (const { e, span } of events) {
      const x1 = scale(span.start);
      const x2 = scale(span.end);
      const point = e.date.precision === 'day' && !e.date.end;
      const cx = point ? (x1 + x2) / 2 : x1;
      shapes.push(
        point
          ? { kind: 'circle', cx, cy: markY, r: 5, fill: color, approximate: e.date.approximate, quoteId: e.quote.id }
          : {
              kind: 'bar',
              rect: { x: x1, y: markY - 5, w: Math.max(4, x2 - x1), h: 10 },
              fill: color,
              approximate: e.date.approximate,
              quoteId: e.quote.id,
            },
      );
      const head = `${dateLabel(e.date)} · ${e.quote.id.split('.').pop()}`;
      const body = fewWords(e.quote.text, measure, 130);
      const w = Math.max(measure(head, LINE.head, true), measure(body, LINE.body)) + 8;
      // Starting at the mark, else ending at it; row 0 sits just above the marks, row 1 above it.
      const xs = [cx - 4, cx + 4 - w].map((x) => Math.min(Math.max(plot.left, x), plot.right - w));
      let spot: Rect | null = null;
      for (let row = 0; row < LABEL_ROWS && !spot; row++) {
        for (const x of xs) {
          const box = { x, y: top + (LABEL_ROWS - 1 - row) * LABEL_H, w, h: LABEL_H - 4 };
          if (!spot && !placed.some((p) => overlapsWithGap(p, box))) spot = box;
        }
      }
      if (!spot) {
        hidden++;
        continue;
      }
      placed.push(spot);
      shapes.push({ kind: 'line', x1: cx, y1: spot.y + spot.h, x2: cx, y2: markY - 6, stroke: color, width: 1, dash: '2 2' });
      labels.push({
        box: spot,
        plate: PLATE,
        quoteId: e.quote.id,
        lines: [
          { text: head, size: LINE.head, bold: true, color: TEXT },
          { text: body, size: LINE.body, color: MUTED },
        ],
      });
    }
  });

  const axisY = HEADER + laneNames.length * LANE_H + 6;
  shapes.push({ kind: 'line', x1: plot.left, y1: axisY, x2: plot.right, y2: axisY, stroke: MUTED, width: 1 });
  for (const t of ticks({ start: d0, end: d1 }, scale, measure, PAD, width - PAD / 2)) {
    shapes.push({ kind: 'line', x1: t.x, y1: axisY, x2: t.x, y2: axisY + 5, stroke: MUTED, width: 1 });
    const w = measure(t.text, 12);
    labels.push({ box: { x: t.x - w / 2, y: axisY + 8, w, h: 14 }, lines: [{ text: t.text, size: 12, color: MUTED }] });
  }
  if (hidden) {
    const text = `${hidden} mark(s) without a label here; every event is listed in the answer with its quote id`;
    labels.push({ box: { x: PAD, y: height - 20, w: measure(text, 11), h: 13 }, lines: [{ text, size: 11, color: MUTED }] });
  }
  return {
    width,
    height,
    background: PANEL,
    shapes,
    labels,
    description: `Timeline of ${answer.events.length} dated event(s) in ${laneNames.length} lane(s) (${laneNames.join(', ')})`,
  };
}

/** Labels keep a few pixels apart, not just apart. */
function overlapsWithGap(a: Rect, b: Rect, gap = 6): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h && b.y < a.y + a.h;
}

function clipTo(text: string, width: number, size: number, measure: TextMeasure): string {
  if (measure(text, size, true) <= width) return text;
  let t = text;
  while (t.length > 1 && measure(`${t}…`, size, true) > width) t = t.slice(0, -1);
  return `${t}…`;
}
