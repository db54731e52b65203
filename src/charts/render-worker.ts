// The chart renderer's own process: the bot forks it once and sends it SVG;
// it answers with PNG. It runs a little below normal CPU priority, so a chart being
// drawn takes mostly the CPU the bot's answers leave over (see render-process.ts).
import { renderPng } from './render-png.js';

export interface RenderRequest {
  id: number;
  svg: string;
}
export type RenderReply = { id: number; png: Uint8Array } | { id: number; error: string };

process.on('message', (m: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { id: m.id, png: renderPng(m.svg) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  process.send?.(reply);
});
// The bot going away takes the renderer with it.
process.on('disconnect', () => process.exit(0));
