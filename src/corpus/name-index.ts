// The gazetteer's names folded once for lookups, suggestions and autocomplete.
// Folding every name on every lookup was most of an /actor answer's time, so
// the corpus builds this with its gazetteer and rebuilds it when that changes.
import { nameKey, transliterationKey } from '../text/normalize.js';
import type { ActorEntry, CorridorEntry, Gazetteer } from './schema.js';

export type NamedEntry = { type: 'actor'; entry: ActorEntry } | { type: 'corridor'; entry: CorridorEntry };

export interface KeyedEntry {
  e: NamedEntry;
  /** Name keys of every form: name, aliases, adjectives (actors) and id. */
  keys: string[];
}

/** What autocomplete offers: the canonical name and the keys of the forms a user may start typing. */
export interface ChoiceEntry {
  name: string;
  id: string;
  /** The name's key first, then its aliases' (and an actor's adjectives'). */
  forms: string[];
  type: 'actor' | 'corridor';
}

export interface NameIndex {
  keyed: KeyedEntry[];
  /** Name key -> the first actor / corridor (in gazetteer order) that has it. */
  actors: Map<string, ActorEntry>;
  corridors: Map<string, CorridorEntry>;
  /** The same, by transliteration key: the fallback for spelling variants. */
  actorVariants: Map<string, ActorEntry>;
  corridorVariants: Map<string, CorridorEntry>;
  choices: ChoiceEntry[];
}

function formsOf(e: NamedEntry): string[] {
  return e.type === 'actor'
    ? [e.entry.name, ...e.entry.aliases, ...e.entry.adjectives, e.entry.id]
    : [e.entry.name, ...e.entry.aliases, e.entry.id];
}

export function buildNameIndex(g: Gazetteer): NameIndex {
  const keyed = [
    ...g.actors.map((entry) => ({ type: 'actor' as const, entry })),
    ...g.corridors.map((entry) => ({ type: 'corridor' as const, entry })),
  ].map((e): KeyedEntry => ({ e, keys: formsOf(e).map(nameKey) }));
  const index: NameIndex = {
    keyed,
    actors: new Map(),
    corridors: new Map(),
    actorVariants: new Map(),
    corridorVariants: new Map(),
    choices: [
      ...g.actors.map((a) => ({
        name: a.name,
        id: a.id,
        forms: [a.name, ...a.aliases, ...a.adjectives].map(nameKey),
        type: 'actor' as const,
      })),
      ...g.corridors.map((c) => ({ name: c.name, id: c.id, forms: [c.name, ...c.aliases].map(nameKey), type: 'corridor' as const })),
    ],
  };
  for (const { e, keys } of keyed) {
    const [byKey, byVariant] = e.type === 'actor' ? [index.actors, index.actorVariants] : [index.corridors, index.corridorVariants];
    for (const k of keys) if (!byKey.has(k)) (byKey as Map<string, typeof e.entry>).set(k, e.entry);
    for (const form of formsOf(e)) {
      const v = transliterationKey(form);
      if (!byVariant.has(v)) (byVariant as Map<string, typeof e.entry>).set(v, e.entry);
    }
  }
  return index;
}
