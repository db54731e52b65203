// A picture of a message as Discord shows it (dark theme): the embed's colour
// bar, title, description, fields and footer, and the page buttons, as SVG
// for the chart renderer to draw. It is for the documentation: the README
// shows what an answer looks like with a picture the project draws itself,
// so it never drifts from the renderer. Markdown is drawn simply: bold and
// links are coloured, quote lines get Discord's grey bar, markup is dropped.
import type { APIEmbed } from 'discord-api-types/v10';
import type { MessagePayload } from '../message-payload.js';

/** Width in pixels of `text` at `size` px (the charts' font measure). */
export type Measure = (text: string, size: number, bold?: boolean) => number;

const WIDTH = 760;
const PAD = 16;
const BAR = 4;
const INNER = WIDTH - 2 * PAD - BAR - 2 * 16;
const COLORS = { page: '#313338', card: '#2b2d31', text: '#dbdee1', title: '#f2f3f5', muted: '#949ba4', link: '#00a8fc', quote: '#4e5058' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Line {
  text: string;
  size: number;
  bold?: boolean;
  color: string;
  quote?: boolean;
}

/** Markdown as a reader sees it: links as their text, emphasis and code marks dropped, escapes undone. */
function plain(md: string): { text: string; link: boolean } {
  const link = /\[([^\]]+)\]\([^)]+\)/.test(md);
  const text = md
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/<t:\d+:\w>/g, 'recently')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)[*_](\S)/g, '$1$2')
    .replace(/(\S)[*_](\s|$)/g, '$1$2')
    .replace(/\\([\\*_`~>[\]()#|-])/g, '$1');
  return { text, link };
}

/** The words of `text` in lines no wider than `width`. */
function wrap(text: string, size: number, width: number, measure: Measure, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function embedLines(e: APIEmbed, measure: Measure): Line[] {
  const out: Line[] = [];
  if (e.title)
    for (const t of wrap(plain(e.title).text, 16, INNER, measure, true)) out.push({ text: t, size: 16, bold: true, color: COLORS.title });
  for (const raw of (e.description ?? '').split('\n')) {
    const quote = raw.startsWith('> ');
    const { text, link } = plain(quote ? raw.slice(2) : raw);
    const color = link ? COLORS.link : COLORS.text;
    const bold = /^\*\*/.test(quote ? raw.slice(2) : raw);
    for (const t of wrap(text, 14, INNER - (quote ? 12 : 0), measure, bold))
      out.push({ text: t, size: 14, color, ...(bold ? { bold } : {}), ...(quote ? { quote } : {}) });
  }
  for (const f of e.fields ?? []) {
    out.push({ text: plain(f.name).text, size: 14, bold: true, color: COLORS.title });
    for (const t of wrap(plain(f.value).text, 14, INNER, measure)) out.push({ text: t, size: 14, color: COLORS.text });
  }
  if (e.footer?.text) for (const t of wrap(e.footer.text, 12, INNER, measure)) out.push({ text: t, size: 12, color: COLORS.muted });
  return out;
}

/** The message's first embed and its buttons as an SVG picture. */
export function embedSvg(message: MessagePayload, measure: Measure): string {
  const embed = message.embeds?.[0] ?? { description: message.content ?? '' };
  const lines = embedLines(embed, measure);
  const height = (l: Line) => Math.round(l.size * 1.45);
  const body = lines.reduce((h, l) => h + height(l), 0);
  const buttons = (message.components ?? []).flatMap((row) => ('components' in row ? row.components : [])) as {
    label?: string;
    disabled?: boolean;
  }[];
  const cardHeight = body + 2 * 14;
  const total = PAD + cardHeight + (buttons.length ? 12 + 32 : 0) + PAD;
  const color = `#${(embed.color ?? 0x4e5058).toString(16).padStart(6, '0')}`;
  const x = PAD + BAR + 16;
  let y = PAD + 14;
  const texts = lines.map((l) => {
    y += height(l);
    const bar = l.quote ? `<rect x="${x}" y="${y - height(l) + 2}" width="3" height="${height(l)}" fill="${COLORS.quote}"/>` : '';
    const weight = l.bold ? ' font-weight="bold"' : '';
    return `${bar}<text x="${x + (l.quote ? 12 : 0)}" y="${y - 5}" font-size="${l.size}" fill="${l.color}"${weight}>${esc(l.text)}</text>`;
  });
  let bx = PAD;
  const by = PAD + cardHeight + 12;
  const drawn = buttons.map((b) => {
    const label = b.label ?? '';
    const w = Math.ceil(measure(label, 14)) + 32;
    const svg =
      `<rect x="${bx}" y="${by}" width="${w}" height="32" rx="4" fill="#4e5058"${b.disabled ? ' opacity="0.5"' : ''}/>` +
      `<text x="${bx + 16}" y="${by + 21}" font-size="14" fill="#ffffff"${b.disabled ? ' opacity="0.5"' : ''}>${esc(label)}</text>`;
    bx += w + 8;
    return svg;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${total}" viewBox="0 0 ${WIDTH} ${total}" font-family="DejaVu Sans">`,
    `<rect width="${WIDTH}" height="${total}" fill="${COLORS.page}"/>`,
    `<rect x="${PAD}" y="${PAD}" width="${WIDTH - 2 * PAD}" height="${cardHeight}" rx="4" fill="${COLORS.card}"/>`,
    `<rect x="${PAD}" y="${PAD}" width="${BAR}" height="${cardHeight}" rx="2" fill="${color}"/>`,
    ...texts,
    ...drawn,
    '</svg>',
  ].join('\n');
}
