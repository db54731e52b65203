// A chart model -> SVG text. Every string from an article is escaped; marks
// and labels carry their quote id (data-quote and a <title>), so the picture
// ties to the cited quotes. Approximate dates get a hatch pattern in their
// own colour, so "about 2024" reads as less certain than "2024" without
// relying on colour alone.
import type { Chart, Label, Shape } from './chart-model.js';
import { FONT_FAMILY } from './font.js';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters are not allowed in XML at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
const n = (v: number) => String(Math.round(v * 10) / 10);

/** An element with attributes (undefined ones left out) and optional children. */
function el(tag: string, attrs: Record<string, string | number | undefined>, children = ''): string {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : v}"`)
    .join('');
  return children ? `<${tag}${list}>${children}</${tag}>` : `<${tag}${list}/>`;
}

/** A mark carries its quote id twice: as data for tools, and as a <title> a viewer shows on hover. */
const cites = (id?: string) => (id ? { 'data-quote': esc(id) } : {});
const title = (id?: string) => (id ? `<title>${esc(id)}</title>` : '');

function hatchId(color: string): string {
  return `hatch-${color.replace(/[^0-9a-z]/gi, '')}`;
}

function shape(s: Shape): string {
  switch (s.kind) {
    case 'box': {
      const r = s.rect;
      return el('rect', { x: r.x, y: r.y, width: r.w, height: r.h, rx: s.radius, fill: s.fill, stroke: s.stroke });
    }
    case 'line': {
      const attrs = { x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2, stroke: s.stroke, 'stroke-width': s.width, 'stroke-dasharray': s.dash };
      return el('line', { ...attrs, ...cites(s.quoteId) }, title(s.quoteId));
    }
    case 'circle': {
      const fill = s.approximate ? `url(#${hatchId(s.fill)})` : s.fill;
      return el('circle', { cx: s.cx, cy: s.cy, r: s.r, fill, stroke: s.fill, 'stroke-width': 1.5, ...cites(s.quoteId) }, title(s.quoteId));
    }
    case 'bar': {
      const fill = s.approximate ? `url(#${hatchId(s.fill)})` : s.fill;
      const r = s.rect;
      const attrs = { x: r.x, y: r.y, width: r.w, height: r.h, rx: 2, fill, stroke: s.fill, 'stroke-width': 1.5 };
      return el('rect', { ...attrs, ...cites(s.quoteId) }, title(s.quoteId));
    }
  }
}

function label(l: Label): string {
  const b = l.box;
  const plate = l.plate ? el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 3, fill: l.plate }) : '';
  let y = b.y;
  const lines = l.lines.map((line) => {
    y += line.size * 1.15;
    const attrs = {
      x: l.plate ? b.x + 4 : b.x,
      y,
      'font-size': line.size,
      'font-weight': line.bold ? 'bold' : undefined,
      fill: line.color,
    };
    return el('text', attrs, esc(line.text) || ' ');
  });
  return el('g', cites(l.quoteId), plate + lines.join(''));
}

export function toSvg(chart: Chart): string {
  const colors = new Set(chart.shapes.flatMap((s) => ((s.kind === 'bar' || s.kind === 'circle') && s.approximate ? [s.fill] : [])));
  const patterns = [...colors].map((c) =>
    el(
      'pattern',
      { id: hatchId(c), width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      el('rect', { width: 6, height: 6, fill: c, 'fill-opacity': 0.25 }) +
        el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: c, 'stroke-width': 3 }),
    ),
  );
  const { width, height } = chart;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` font-family="${FONT_FAMILY}">`,
    `<desc>${esc(chart.description)}</desc>`,
    `<defs>${patterns.join('')}</defs>`,
    ...chart.shapes.map(shape),
    ...chart.labels.map(label),
    '</svg>',
  ].join('\n');
}
