// Chart render time, the way the bot renders (layout, SVG, PNG off the event
// loop), for a 40-event and a 200-event timeline and a ten-actor stance map;
// the cache is bypassed by drawing a fresh answer each run, and the font is
// loaded before the clock starts.
import { chartOf } from '../../src/charts/answer-chart.js';
import { measureText } from '../../src/charts/font.js';
import { renderPngAsync } from '../../src/charts/render-png.js';
import { stanceChart } from '../../src/charts/stance-chart.js';
import { toSvg } from '../../src/charts/svg.js';
import { denseTimeline, quote, ref } from '../helpers/timeline-events.js';
import { percentile, round } from './stats.js';

export interface RenderFigures {
  p50_ms: number;
  p99_ms: number;
  png_bytes: number;
}

export interface ChartFigures {
  timeline_40: RenderFigures;
  timeline_200: RenderFigures;
  stances_10: RenderFigures;
}

async function time(make: (run: number) => Parameters<typeof toSvg>[0], runs: number): Promise<RenderFigures> {
  const ms: number[] = [];
  let bytes = 0;
  // One render first, not timed: the bot pays for loading the font once, at its first chart.
  await renderPngAsync(toSvg(make(-1)));
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    const png = await renderPngAsync(toSvg(make(run)));
    ms.push(performance.now() - t);
    bytes = png.length;
  }
  return { p50_ms: round(percentile(ms, 50), 1), p99_ms: round(percentile(ms, 99), 1), png_bytes: bytes };
}

/** `runs` renders of each chart (30 by default in the bench). */
export async function measureCharts(runs = 30): Promise<ChartFigures> {
  const timeline = (n: number) => (run: number) => {
    const a = denseTimeline(n);
    // A different title each run: no two renders are the same picture.
    if (a.filters) a.filters.from = String(1900 + run);
    return chartOf(a, measureText)!.chart;
  };
  const stances = (run: number) =>
    stanceChart(
      {
        id: 'c',
        name: `Corridor ${run}`,
        aliases: [],
        articles: 1,
        mentions: 1,
        definition: null,
        stances: Array.from({ length: 10 }, (_, i) => ({
          actor: ref(`actor${i}`),
          stance: i % 3 ? ('backs' as const) : ('opposes' as const),
          quote: quote(i),
          said: false,
        })),
      },
      measureText,
    );
  return {
    timeline_40: await time(timeline(40), runs),
    timeline_200: await time(timeline(200), runs),
    stances_10: await time(stances, runs),
  };
}
