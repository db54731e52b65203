// Resolving what a user typed to a gazetteer entry, and the closest names
// when nothing matches. Comparison ignores case, diacritics and possessives.
import { distance } from 'fastest-levenshtein';
import type { ActorEntry, CorridorEntry, Gazetteer } from '../corpus/schema.js';
import { foldKey } from '../text/normalize.js';
import type { Suggestion } from './problems.js';

type Entry = { type: 'actor'; entry: ActorEntry } | { type: 'corridor'; entry: CorridorEntry };

export function nameKey(text: string): string {
  return foldKey(text).replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function formsOf(e: Entry): string[] {
  return e.type === 'actor' ? [e.entry.name, ...e.entry.aliases, ...e.entry.adjectives, e.entry.id] : [e.entry.name, ...e.entry.aliases, e.entry.id];
}

function entries(g: Gazetteer): Entry[] {
  return [...g.actors.map((entry) => ({ type: 'actor' as const, entry })), ...g.corridors.map((entry) => ({ type: 'corridor' as const, entry }))];
}

export function findActor(g: Gazetteer, name: string): ActorEntry | null {
  const key = nameKey(name);
  return g.actors.find((a) => formsOf({ type: 'actor', entry: a }).some((f) => nameKey(f) === key)) ?? null;
}

export function findCorridor(g: Gazetteer, name: string): CorridorEntry | null {
  const key = nameKey(name);
  return g.corridors.find((c) => formsOf({ type: 'corridor', entry: c }).some((f) => nameKey(f) === key)) ?? null;
}

/** Up to `limit` entries whose names are closest to `name`: an exact other-type name first, then prefixes, then spellings. */
export function closestNames(g: Gazetteer, name: string, limit = 5): Suggestion[] {
  const key = nameKey(name);
  if (!key) return [];
  const scored: { s: Suggestion; score: number }[] = [];
  for (const e of entries(g)) {
    let best = Infinity;
    for (const f of formsOf(e)) {
      const k = nameKey(f);
      const d = k === key ? 0 : k.startsWith(key) || (key.length >= 4 && k.includes(key)) ? 1 : 1 + distance(k, key);
      best = Math.min(best, d);
    }
    const allowed = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
    if (best <= allowed + 1) scored.push({ s: { name: e.entry.name, type: e.type }, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.s.name.localeCompare(b.s.name))
    .slice(0, limit)
    .map((x) => x.s);
}
