// Autocomplete for actor, corridor and topic options: answered from memory
// (Discord allows no deferral), at most 25 choices. A typed prefix matches the
// start of a name, an alias or any word of them, ignoring case and diacritics,
// so "erdo" finds Erdoğan and "tehr" finds Iran (through "Tehran").
import type { Corpus } from '../corpus/corpus.js';
import type { ChoiceEntry } from '../corpus/name-index.js';
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

/** 0 best: the name itself starts with it; then an alias; then a word inside; else no match. */
function rank(e: ChoiceEntry, key: string): number | null {
  if (!key) return 3;
  if (e.forms[0]!.startsWith(key)) return 0;
  if (e.forms.some((f) => f.startsWith(key))) return 1;
  if (e.forms.some((f) => f.split(' ').some((w) => w.startsWith(key)))) return 2;
  return null;
}

export async function nameChoices(corpus: Corpus, kind: ChoiceKind, typed: string): Promise<Choice[]> {
  const key = nameKey(typed.slice(0, 100));
  // Popular names first: the quote count is read (from the counts table) only for names that match.
  const matching = corpus.names.choices
    .filter((e) => kind === 'topic' || e.type === kind)
    .map((e) => ({ e, r: rank(e, key) }))
    .filter((x): x is { e: ChoiceEntry; r: number } => x.r !== null);
  const weights = await Promise.all(matching.map((x) => corpus.entity(x.e.type, x.e.id)));
  return matching
    .map((x, i) => ({ ...x, weight: weights[i]!.passages }))
    .sort((a, b) => a.r - b.r || b.weight - a.weight || a.e.name.localeCompare(b.e.name))
    .slice(0, MAX_CHOICES)
    .map(({ e }) => ({ name: (kind === 'topic' ? `${e.name} (${e.type})` : e.name).slice(0, 100), value: e.name.slice(0, 100) }));
}
