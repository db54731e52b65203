// Which answers draw a picture, and the picture as PNG: a /timeline answer
// draws its events, a /corridor answer with stances its stance map. Renders
// are cached by their SVG (which is a function of the answer, so a corpus
// that changed the answer changes the key), and kept under Discord's 1 MB.
import { createHash } from 'node:crypto';
import type { Answer, TimelineAnswer } from '../briefing/answer-types.js';
import type { DigestAnswer } from '../briefing/digest.js';
import type { Chart } from './chart-model.js';
import { measureText, type TextMeasure } from './font.js';
import { renderPng } from './render-png.js';
import { renderInChild } from './render-process.js';
import { stanceChart } from './stance-chart.js';
import { toSvg } from './svg.js';
import { timelineChart } from './timeline-chart.js';

/** Events a timeline chart draws (the answer's text pages through them all). */
export const CHART_EVENTS = 200;
export const MAX_PNG_BYTES = 1024 * 1024;
const CACHE_SIZE = 64;

export interface ChartImage {
  /** timeline.png or stances.png: the attachment's name. */
  file: string;
  png: Buffer;
  /** Alt text. */
  description: string;
}

/** Whether the answer has anything to draw: dated events, or stances on a corridor. */
export function hasChart(answer: Answer): boolean {
  if (!answer.ok) return false;
  if (answer.command === 'timeline') return answer.events.length > 0;
  return answer.command === 'corridor' && (answer.corridor?.stances.length ?? 0) > 0;
}

export function chartOf(answer: Answer, measure: TextMeasure = measureText, title?: string): { file: string; chart: Chart } | null {
  if (!hasChart(answer)) return null;
  if (answer.ok && answer.command === 'timeline')
    return { file: 'timeline.png', chart: timelineChart(answer, measure, title ? { title } : {}) };
  if (answer.ok && answer.command === 'corridor' && answer.corridor)
    return { file: 'stances.png', chart: stanceChart(answer.corridor, measure) };
  return null;
}

const cache = new Map<string, Buffer>();
const keyOf = (svg: string) => createHash('sha256').update(svg).digest('hex');
const cacheHit = (svg: string) => cache.get(keyOf(svg));

function cached(svg: string, render: () => Buffer): Buffer;
function cached(svg: string, render: () => Promise<Buffer>): Promise<Buffer>;
function cached(svg: string, render: () => Buffer | Promise<Buffer>): Buffer | Promise<Buffer> {
  const key = keyOf(svg);
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last: the first key is the one to drop.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const keep = (png: Buffer) => {
    cache.set(key, png);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return png;
  };
  const out = render();
  return out instanceof Promise ? out.then(keep) : keep(out);
}

function checked(file: string, png: Buffer, description: string): ChartImage {
  if (png.length > MAX_PNG_BYTES)
    throw new Error(`the ${file} chart came out at ${(png.length / 2 ** 20).toFixed(1)} MB, over the 1 MB kept to`);
  return { file, png, description };
}

/**
 * Charts rendering at once, at most: a chart costs a few hundred ms of CPU, and
 * a burst of timelines must not starve the answers of the other core. Past
 * that, an answer's chart is skipped (the answer goes out at once without it)
 * rather than queued behind the others; a digest's waits its turn, since
 * several digests often fire in the same second and nobody is waiting on them.
 */
const MAX_RENDERING = 1;
let rendering = 0;
/** Digest charts waiting for a free slot, in order. */
const waiting: (() => void)[] = [];

function release(): void {
  const next = waiting.shift();
  if (next)
    next(); // the slot passes straight to the next digest chart
  else rendering--;
}

export class ChartsBusyError extends Error {}

/** Whether a chart would be drawn now; when not, the bot answers at once without one instead of deferring to draw it. */
export function chartsIdle(): boolean {
  return rendering < MAX_RENDERING;
}

/**
 * For the bot: rendered off the event loop. Null when the answer has nothing to draw. When the renderer is busy,
 * ChartsBusyError, or with `wait`, a turn in the queue.
 */
export async function chartImage(answer: Answer, title?: string, o: { wait?: boolean } = {}): Promise<ChartImage | null> {
  const c = chartOf(answer, measureText, title);
  if (!c) return null;
  const svg = toSvg(c.chart);
  const hit = cacheHit(svg);
  if (hit) return checked(c.file, hit, c.chart.description);
  if (rendering >= MAX_RENDERING) {
    if (!o.wait) throw new ChartsBusyError(`${rendering} charts are rendering already`);
    await new Promise<void>((turn) => waiting.push(turn));
  } else rendering++;
  try {
    return checked(c.file, await cached(svg, () => renderInChild(svg)), c.chart.description);
  } finally {
    release();
  }
}

/** A digest's dated events as a timeline chart: the same events its message lists, with their quote ids. */
export function digestChart(answer: DigestAnswer, title: string): Promise<ChartImage | null> {
  const timeline: TimelineAnswer = {
    ok: true,
    command: 'timeline',
    filters: { actor: null, corridor: null, from: null, to: null },
    events: answer.events,
    total: answer.events.length,
    offset: 0,
  };
  return chartImage(timeline, title, { wait: true });
}

/** For the CLI, which is synchronous. */
export function chartImageSync(answer: Answer): ChartImage | null {
  const c = chartOf(answer);
  if (!c) return null;
  const svg = toSvg(c.chart);
  return checked(
    c.file,
    cached(svg, () => renderPng(svg)),
    c.chart.description,
  );
}
