// /brief reads as several sources: a wire story carried by two outlets is one source, quoted once, naming the other.
import { describe, expect, it } from 'vitest';
import { brief } from '../../src/briefing/brief.js';
import { renderPage } from '../../src/render/discord/render.js';
import { toText } from '../../src/render/text.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const WIRE = [
  'The Quillfeather ferry left Batumi for the Georgian coast on Friday with the first containers of the season.',
  'Port officials in Batumi said the Quillfeather would make the crossing twice a week until the spring storms.',
  'The shipping line behind the Quillfeather said bookings for the route had doubled since the summer.',
];
const page = (outlet: string, title: string, paragraphs: string[]) =>
  `---\ntitle: ${title}\noutlet: ${outlet}\npublished: 2026-11-20\n---\n\n${paragraphs.join('\n\n')}\n`;

const { corpus } = seedCorpus({
  'wire.md': page('Caucasus Daily', 'Quillfeather ferry sails for Georgia', WIRE),
  'copy.md': page('Black Sea Wire', 'Ferry Quillfeather crosses to Georgia', [
    ...WIRE,
    'Black Sea Wire has asked the line for its timetable.',
  ]),
  'other.md': page('Tbilisi Times', 'A second Quillfeather route is planned', [
    'A second Quillfeather route from Poti to Constanta is planned for next year, the Georgian transport ministry said.',
    'The ministry said the new route would need a larger ship than the Quillfeather now in service.',
  ]),
});

describe('/brief and stories', () => {
  it('quotes a story once first, naming the other outlets that carried it, before a second quote of the same story', async () => {
    const b = await brief(corpus, 'Quillfeather');
    if (!b.ok) throw new Error(JSON.stringify(b));
    const outlets = b.quotes.map((q) => q.article.outlet);
    // The first two quotes are two stories, not the wire story twice.
    expect(new Set(outlets.slice(0, 2)).size).toBe(2);
    expect(outlets.slice(0, 2)).toContain('Tbilisi Times');
    const wire = b.quotes.find((q) => q.article.outlet !== 'Tbilisi Times')!;
    const other = wire.article.outlet === 'Caucasus Daily' ? 'Black Sea Wire' : 'Caucasus Daily';
    expect(b.also[wire.id]?.map((a) => a.outlet)).toEqual([other]);
    expect(b.also[b.quotes.find((q) => q.article.outlet === 'Tbilisi Times')!.id]).toBeUndefined();
    const embed = renderPage(b, 0, '/brief topic:Quillfeather').embeds?.[0]?.description ?? '';
    expect(embed).toContain(`*Also reported by:* ${other}`);
    expect(toText(b, { limit: 0, ansi: false })).toContain(`also reported by ${other}`);
  });
});
