// The /corridor stance map, as data: the corridor in the middle, the actors
// that back it in a column on the left, those that oppose it on the right.
// Each edge is coloured by stance (opposing is dashed too) and labelled with
// the quote id that states it. Nodes are spaced evenly in their column, so
// no two labels meet; past MAX_PER_SIDE the rest are counted, not drawn.
import type { CorridorCard, StanceEvidence } from '../briefing/answer-types.js';
import type { Chart, Label, Shape } from './chart-model.js';
import type { TextMeasure } from './font.js';
import { BACKS, MUTED, OPPOSES, PANEL, PLATE, TEXT } from './palette.js';

export const STANCE_WIDTH = 1200;
export const MAX_PER_SIDE = 10;
const HEADER = 70;
const ROW = 56;
const PAD = 24;
const NODE_W = 230;

interface Side {
  stance: 'backs' | 'opposes';
  actors: { name: string; quoteIds: string[] }[];
}

function side(stances: StanceEvidence[], stance: Side['stance']): Side {
  const byActor = new Map<string, { name: string; quoteIds: string[] }>();
  for (const s of stances) {
    if (s.stance !== stance) continue;
    const a = byActor.get(s.actor.id) ?? { name: s.actor.name, quoteIds: [] };
    a.quoteIds.push(s.quote.id);
    byActor.set(s.actor.id, a);
  }
  return { stance, actors: [...byActor.values()] };
}

function clip(text: string, width: number, size: number, bold: boolean, measure: TextMeasure): string {
  if (measure(text, size, bold) <= width) return text;
  let t = text;
  while (t.length > 1 && measure(`${t}…`, size, bold) > width) t = t.slice(0, -1);
  return `${t}…`;
}

export function stanceChart(card: CorridorCard, measure: TextMeasure, width = STANCE_WIDTH): Chart {
  const sides = [side(card.stances, 'backs'), side(card.stances, 'opposes')];
  const rows = Math.max(1, ...sides.map((s) => Math.min(MAX_PER_SIDE, s.actors.length)));
  const height = HEADER + rows * ROW + 36;
  const center = { x: width / 2, y: HEADER + (rows * ROW) / 2 };
  const shapes: Shape[] = [{ kind: 'box', rect: { x: 0, y: 0, w: width, h: height }, fill: PANEL, radius: 12 }];
  const labels: Label[] = [
    {
      box: { x: PAD, y: 14, w: width - 2 * PAD, h: 40 },
      lines: [
        { text: clip(`Who backs and who opposes: ${card.name}`, width - 2 * PAD, 18, true, measure), size: 18, bold: true, color: TEXT },
        {
          text: 'Solid blue: backs · dashed vermillion: opposes · each edge is labelled with the quote that says so',
          size: 12,
          color: MUTED,
        },
      ],
    },
  ];

  const nodeLabels: Label[] = [];
  const edgeLabels: Label[] = [];
  sides.forEach((s, si) => {
    const color = s.stance === 'backs' ? BACKS : OPPOSES;
    const shown = s.actors.slice(0, MAX_PER_SIDE);
    const x = si === 0 ? PAD : width - PAD - NODE_W;
    const top = center.y - (shown.length * ROW) / 2;
    if (shown.length === 0) {
      const text = s.stance === 'backs' ? 'No actor is quoted backing it' : 'No actor is quoted opposing it';
      nodeLabels.push({ box: { x, y: center.y - 8, w: measure(text, 13), h: 16 }, lines: [{ text, size: 13, color: MUTED }] });
    }
    shown.forEach((a, i) => {
      const y = top + i * ROW + ROW / 2;
      const edgeX = si === 0 ? x + NODE_W : x;
      const dash = s.stance === 'opposes' ? '8 5' : undefined;
      const quoteId = a.quoteIds[0]!;
      shapes.push({
        kind: 'line',
        x1: edgeX,
        y1: y,
        x2: center.x + (si === 0 ? -90 : 90),
        y2: center.y,
        stroke: color,
        width: 2.5,
        quoteId,
        ...(dash ? { dash } : {}),
      });
      shapes.push({ kind: 'box', rect: { x, y: y - 17, w: NODE_W, h: 34 }, fill: PANEL, stroke: color, radius: 6 });
      nodeLabels.push({
        box: { x: x + 10, y: y - 9, w: NODE_W - 20, h: 18 },
        lines: [{ text: clip(a.name, NODE_W - 20, 14, true, measure), size: 14, bold: true, color: TEXT }],
      });
      // The quote id sits on the edge just outside the node: rows are ROW apart, so these never meet.
      const more = a.quoteIds.length > 1 ? ` +${a.quoteIds.length - 1}` : '';
      const text = `${quoteId}${more}`;
      const w = measure(text, 11, true) + 8;
      const t = 0.18;
      const lx = edgeX + t * (center.x + (si === 0 ? -90 : 90) - edgeX) - (si === 0 ? 0 : w);
      const ly = y + t * (center.y - y) - 8;
      edgeLabels.push({ box: { x: lx, y: ly, w, h: 16 }, plate: PLATE, quoteId, lines: [{ text, size: 11, bold: true, color }] });
    });
    if (s.actors.length > shown.length) {
      const text = `and ${s.actors.length - shown.length} more (see the answer)`;
      nodeLabels.push({
        box: { x, y: top + shown.length * ROW + 4, w: measure(text, 12), h: 15 },
        lines: [{ text, size: 12, color: MUTED }],
      });
    }
  });

  shapes.push({ kind: 'box', rect: { x: center.x - 90, y: center.y - 26, w: 180, h: 52 }, fill: '#2b2d31', stroke: TEXT, radius: 26 });
  const name = clip(card.name, 160, 14, true, measure);
  const nw = measure(name, 14, true);
  labels.push({ box: { x: center.x - nw / 2, y: center.y - 9, w: nw, h: 18 }, lines: [{ text: name, size: 14, bold: true, color: TEXT }] });
  labels.push(...edgeLabels, ...nodeLabels);
  const counts = sides.map((s) => `${s.actors.length} ${s.stance === 'backs' ? 'backing' : 'opposing'}`).join(', ');
  return { width, height, background: PANEL, shapes, labels, description: `Stance map of ${card.name}: ${counts}` };
}
