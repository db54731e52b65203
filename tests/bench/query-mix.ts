// The fixed mix of queries the benchmark asks: names as users type them,
// misspellings, free-text questions and hostile strings (search-engine syntax, 3000
// characters, control characters, other scripts, mentions). Drawn from the
// gazetteer in a fixed order, so every run asks the same things.
import type { Gazetteer } from '../../src/corpus/schema.js';

export const HOSTILE = [
  'Iran:',
  '10:30',
  'https://x.com/a?b=c',
  '+',
  '-',
  '~',
  '^',
  'Iran~',
  'Iran^x',
  '*',
  '-Iran',
  '"unclosed',
  '()',
  'x'.repeat(3000),
  'Iran\u0000\u0007\u001b[31m',
  '@everyone',
  '<@123456789012345678>',
  'Армения',
  'ایران',
  '中国',
  '🇦🇲🇦🇿',
  '   ',
  "Robert'); DROP TABLE passages;--",
];

export const QUESTIONS = [
  'what did Iran say about the Zangezur corridor',
  'nuclear deal sanctions',
  'peace treaty between Armenia and Azerbaijan',
  'Russian peacekeepers withdrawal',
  'who opposes the corridor through Syunik',
  'drone strikes on energy infrastructure',
  'EU monitoring mission on the border',
  'gas pipeline to Europe',
  'military exercises with the United States',
  'elections and protests in Georgia',
  'Trump administration mediation',
  'frontline villages in Donetsk',
];

/** Drops one letter in the middle: "Azerbajan", "Zangzur". */
const misspell = (name: string) =>
  name.length < 5 ? `${name}x` : name.slice(0, Math.floor(name.length / 2)) + name.slice(Math.floor(name.length / 2) + 1);

export interface QueryMix {
  actor: string[];
  corridor: string[];
  timeline: Record<string, string>[];
  search: string[];
  autocomplete: { kind: 'actor' | 'corridor' | 'topic'; typed: string }[];
  /** /says: an actor alone, about a corridor or another actor, in a period. */
  says: Record<string, string>[];
}

export function queryMix(g: Gazetteer): QueryMix {
  const actors = g.actors
    .filter((_, i) => i % 3 === 0)
    .map((a) => a.name)
    .slice(0, 30);
  const corridors = g.corridors.map((c) => c.name);
  return {
    actor: [...actors, ...actors.slice(0, 10).map(misspell), ...g.actors.slice(0, 5).flatMap((a) => a.aliases.slice(0, 1)), ...HOSTILE],
    corridor: [...corridors, ...corridors.map(misspell), ...HOSTILE],
    timeline: [
      {},
      { from: '2024' },
      { from: '2020', to: '2023-06' },
      { to: '1999' },
      { from: 'yesterday' },
      { from: '2025', to: '2021' },
      ...actors.slice(0, 12).map((actor) => ({ actor })),
      ...corridors.slice(0, 6).map((corridor) => ({ corridor })),
      ...actors.slice(0, 4).map((actor, i) => ({ actor, from: String(2020 + i) })),
      ...HOSTILE.slice(0, 8).map((actor) => ({ actor })),
    ],
    search: [...QUESTIONS, ...actors.slice(0, 10), ...actors.slice(0, 8).map(misspell), ...HOSTILE],
    says: [
      ...actors.slice(0, 12).map((actor) => ({ actor })),
      ...actors.slice(0, 6).map((actor, i) => ({ actor, about: corridors[i % corridors.length]! })),
      ...actors.slice(0, 6).map((actor, i) => ({ actor, about: actors[(i + 1) % actors.length]! })),
      ...actors.slice(0, 4).map((actor, i) => ({ actor, from: String(2020 + i), to: '2026' })),
      ...HOSTILE.slice(0, 4).map((actor) => ({ actor })),
    ],
    autocomplete: [
      ...[
        '',
        'i',
        'ir',
        'ira',
        'arm',
        'aze',
        'erdo',
        'tehr',
        'zang',
        'mid',
        'crossr',
        'pu',
        'nato',
        'xyzq',
        'ö',
        'арм',
        'x'.repeat(150),
      ].map((typed) => ({ kind: 'actor' as const, typed })),
      ...['', 'z', 'zan', 'mid', 'north', 'tr', 'xx'].map((typed) => ({ kind: 'corridor' as const, typed })),
      ...['', 'ir', 'ukr', 'zang', 'rus', 'geo'].map((typed) => ({ kind: 'topic' as const, typed })),
    ],
  };
}
