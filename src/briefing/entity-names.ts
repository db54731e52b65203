// Resolving what a user typed to a gazetteer entry, and the closest names
// when nothing matches. Comparison ignores case, diacritics and possessives.
import { distance } from 'fastest-levenshtein';
import type { ActorEntry, CorridorEntry, Gazetteer } from '../corpus/schema.js';
import { nameKey, transliterationKey } from '../text/normalize.js';

export { nameKey };
import type { Suggestion } from './problems.js';

type Entry = { type: 'actor'; entry: ActorEntry } | { type: 'corridor'; entry: CorridorEntry };

function formsOf(e: Entry): string[] {
  return e.type === 'actor'
    ? [e.entry.name, ...e.entry.aliases, ...e.entry.adjectives, e.entry.id]
    : [e.entry.name, ...e.entry.aliases, e.entry.id];
}

interface KeyedEntry {
  e: Entry;
  keys: string[];
}

interface NameTable {
  keyed: KeyedEntry[];
  /** Name key -> the first actor / corridor (in gazetteer order) that has it. */
  actors: Map<string, ActorEntry>;
  corridors: Map<string, CorridorEntry>;
  /** The same, by transliteration key: the fallback for spelling variants. */
  actorVariants: Map<string, ActorEntry>;
  corridorVariants: Map<string, CorridorEntry>;
}

// Folding every name of the gazetteer on every lookup was most of an /actor answer's time; do it once per gazetteer.
const tables = new WeakMap<Gazetteer, NameTable>();

function table(g: Gazetteer): NameTable {
  let t = tables.get(g);
  if (!t) {
    const keyed = [
      ...g.actors.map((entry) => ({ type: 'actor' as const, entry })),
      ...g.corridors.map((entry) => ({ type: 'corridor' as const, entry })),
    ].map((e): KeyedEntry => ({ e, keys: formsOf(e).map(nameKey) }));
    const actors = new Map<string, ActorEntry>();
    const corridors = new Map<string, CorridorEntry>();
    const actorVariants = new Map<string, ActorEntry>();
    const corridorVariants = new Map<string, CorridorEntry>();
    for (const { e, keys } of keyed) {
      for (const k of keys) {
        if (e.type === 'actor' && !actors.has(k)) actors.set(k, e.entry);
        if (e.type === 'corridor' && !corridors.has(k)) corridors.set(k, e.entry);
      }
      for (const form of formsOf(e)) {
        const v = transliterationKey(form);
        if (e.type === 'actor' && !actorVariants.has(v)) actorVariants.set(v, e.entry);
        if (e.type === 'corridor' && !corridorVariants.has(v)) corridorVariants.set(v, e.entry);
      }
    }
    t = { keyed, actors, corridors, actorVariants, corridorVariants };
    tables.set(g, t);
  }
  return t;
}

export function findActor(g: Gazetteer, name: string): ActorEntry | null {
  const t = table(g);
  return t.actors.get(nameKey(name)) ?? t.actorVariants.get(transliterationKey(name)) ?? null;
}

export function findCorridor(g: Gazetteer, name: string): CorridorEntry | null {
  const t = table(g);
  return t.corridors.get(nameKey(name)) ?? t.corridorVariants.get(transliterationKey(name)) ?? null;
}

/** Up to `limit` entries whose names are closest to `name`: an exact other-type name first, then prefixes, then spellings. */
export function closestNames(g: Gazetteer, name: string, limit = 5): Suggestion[] {
  const key = nameKey(name);
  if (!key) return [];
  const scored: { s: Suggestion; score: number }[] = [];
  const allowed = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  for (const { e, keys } of table(g).keyed) {
    let best = Infinity;
    for (const k of keys) {
      // An edit distance is at least the difference in length: skip the ones that cannot qualify.
      const far = Math.abs(k.length - key.length) > allowed;
      // A prefix of the name or of one of its words is close; the middle of a word is not ("putn" is not "Sputnik").
      const d =
        k === key ? 0 : k.startsWith(key) || (key.length >= 4 && ` ${k}`.includes(` ${key}`)) ? 1 : far ? Infinity : 1 + distance(k, key);
      best = Math.min(best, d);
    }
    if (best <= allowed + 1) scored.push({ s: { name: e.entry.name, type: e.type }, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.s.name.localeCompare(b.s.name))
    .slice(0, limit)
    .map((x) => x.s);
}
