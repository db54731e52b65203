// Resolving what a user typed to a gazetteer entry, and the closest names
// when nothing matches. Comparison ignores case, diacritics and possessives.
import { distance } from 'fastest-levenshtein';
import type { NameIndex } from '../corpus/name-index.js';
import type { ActorEntry, CorridorEntry } from '../corpus/schema.js';
import { nameKey, transliterationKey } from '../text/normalize.js';

export { nameKey };
import type { Suggestion } from './problems.js';

export function findActor(names: NameIndex, name: string): ActorEntry | null {
  return names.actors.get(nameKey(name)) ?? names.actorVariants.get(transliterationKey(name)) ?? null;
}

export function findCorridor(names: NameIndex, name: string): CorridorEntry | null {
  return names.corridors.get(nameKey(name)) ?? names.corridorVariants.get(transliterationKey(name)) ?? null;
}

/** Up to `limit` entries whose names are closest to `name`: an exact other-type name first, then prefixes, then spellings. */
export function closestNames(names: NameIndex, name: string, limit = 5): Suggestion[] {
  const key = nameKey(name);
  if (!key) return [];
  const scored: { s: Suggestion; score: number }[] = [];
  const allowed = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  for (const { e, keys } of names.keyed) {
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
