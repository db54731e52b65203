// A chart written to a file, for the terminal (`briefing ask … --chart FILE`
// and the console's `… --chart FILE`): the message says what was written, or why not.
import { writeFileSync } from 'node:fs';
import type { Answer } from '../briefing/answer-types.js';
import { chartImageSync } from './answer-chart.js';

export function writeChartFile(file: string, answer: Answer): { ok: boolean; message: string } {
  const image = chartImageSync(answer);
  if (!image) {
    return {
      ok: false,
      message: 'Nothing to draw: the answer has no dated events (timeline) or no stances (corridor). No chart was written.',
    };
  }
  try {
    writeFileSync(file, image.png);
  } catch (e) {
    return { ok: false, message: `Error: cannot write the chart to ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, message: `Chart written to ${file} (${(image.png.length / 1024).toFixed(0)} KiB): ${image.description}` };
}
