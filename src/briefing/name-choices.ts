// Autocomplete for actor, corridor and topic options: answered from memory
// (Discord allows no deferral), at most 25 choices. A typed prefix matches the
// start of a name, an alias or any word of them, ignoring case and diacritics,
// so "erdo" finds Erdoğan and "tehr" finds Iran (through "Tehran").
import type { Corpus } from '../corpus/corpus.js';
import { nameKey } from './entity-names.js';

export const MAX_CHOICES = 25;

export interface Choice {
  /** What the user sees (1-100 characters). */
  name: string;
  /** What the option receives: the canonical name. */
  value: string;
}

/** Which gazetteer names an autocompleted option offers. */
export type ChoiceKind = 'actor' | 'corridor' | 'topic';

interface Entry {
  name: string;
  id: string;
  forms: string[];
  type: 'actor' | 'corridor';
}

// Folded once per gazetteer: small, and independent of the corpus's size.
const forms = new WeakMap<Corpus['gazetteer'], Entry[]>();

function entriesOf(corpus: Corpus): Entry[] {
  const g = corpus.gazetteer;
  let list = forms.get(g);
  if (!list) {
    list = [
      ...g.actors.map((a) => ({
        name: a.name,
        id: a.id,
        forms: [a.name, ...a.aliases, ...a.adjectives].map(nameKey),
        type: 'actor' as const,
      })),
      ...g.corridors.map((c) => ({ name: c.name, id: c.id, forms: [c.name, ...c.aliases].map(nameKey), type: 'corridor' as const })),
    ];
    forms.set(g, list);
  }
  return list;
}

/** 0 best: the name itself starts with it; then an alias; then a word inside; else no match. */
function rank(e: Entry, key: string): number | null {
  if (!key) return 3;
  if (e.forms[0]!.startsWith(key)) return 0;
  if (e.forms.some((f) => f.startsWith(key))) return 1;
  if (e.forms.some((f) => f.split(' ').some((w) => w.startsWith(key)))) return 2;
  return null;
}

export function nameChoices(corpus: Corpus, kind: ChoiceKind, typed: string): Choice[] {
  const key = nameKey(typed.slice(0, 100));
  // Popular names first: the quote count is read (from the counts table) only for names that match.
  return entriesOf(corpus)
    .filter((e) => kind === 'topic' || e.type === kind)
    .map((e) => ({ e, r: rank(e, key) }))
    .filter((x): x is { e: Entry; r: number } => x.r !== null)
    .map((x) => ({ ...x, weight: corpus.entity(x.e.type, x.e.id).passages }))
    .sort((a, b) => a.r - b.r || b.weight - a.weight || a.e.name.localeCompare(b.e.name))
    .slice(0, MAX_CHOICES)
    .map(({ e }) => ({ name: (kind === 'topic' ? `${e.name} (${e.type})` : e.name).slice(0, 100), value: e.name.slice(0, 100) }));
}
