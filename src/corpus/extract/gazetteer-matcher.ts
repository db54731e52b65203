// Finds gazetteer names in text. Matching works on word tokens, so it ignores
// diacritics (Erdogan/Erdoğan), possessives (Armenia's) and the dash or
// bracket between the words of a name ("Middle (Trans-Caspian) Corridor"),
// yet keeps case where case carries meaning: "US" is not "us", and "Turkey"
// is not "turkey".
import { foldKey, transliterationKey } from '../../text/normalize.js';
import { baseForm, isAllCaps, isCapitalised, words } from '../../text/words.js';
import type { Gazetteer } from '../schema.js';

export type EntityType = 'actor' | 'corridor';

export interface Mention {
  type: EntityType;
  id: string;
  start: number;
  end: number;
  /** 1 for a name or alias, lower for an adjective ("Iranian"). */
  weight: number;
}

interface Form {
  target: { type: EntityType; id: string; weight: number } | null; // null: an ignored phrase
  keys: string[];
  /** The same tokens under transliterationKey: Aliev finds Aliyev, Qarabağ finds Karabakh. */
  tkeys: string[];
  /**
   * Per token: 'acronym' must be all caps in the text, or for four letters or more, written as a word the British
   * way ("Nato", "Opec"; "Us" is not US); 'capital' must start upper-case.
   */
  cases: ('acronym' | 'capital' | 'any')[];
}

export interface GazetteerMatcher {
  find(text: string): Mention[];
  /** An actor's kind (a person speaks for themself; a country's ministry speaks for the country). */
  actorKind(id: string): Gazetteer['actors'][number]['kind'] | undefined;
}

// Between the words of one name: spaces, dashes, brackets, quotes, slashes. A
// comma or full stop ends the name.
const NAME_GAP = /^[\s\-‐-―−()'’"“”‘/]*$/u;

// Generic words inside a name are written either way: "Lachin corridor", "Lachin Corridor".
const GENERIC = new Set(['corridor', 'route', 'railway', 'pipeline', 'gap', 'initiative', 'road', 'cable', 'project', 'framework']);

function formOf(surface: string, target: Form['target']): Form {
  const toks = words(surface).map((t) => baseForm(t.raw));
  return {
    target,
    keys: toks.map(foldKey),
    tkeys: toks.map(transliterationKey),
    cases: toks.map((t, i) =>
      t.length > 1 && isAllCaps(t) ? 'acronym' : isCapitalised(t) && (i === 0 || !GENERIC.has(foldKey(t))) ? 'capital' : 'any',
    ),
  };
}

/** Words repeat across a corpus: each one's variant key is worked out once (ingest would otherwise spend seconds here). */
const variantKeys = new Map<string, string>();
function variantKey(word: string): string {
  let k = variantKeys.get(word);
  if (k === undefined) {
    if (variantKeys.size > 100_000) variantKeys.clear();
    k = transliterationKey(word);
    variantKeys.set(word, k);
  }
  return k;
}

export function compileGazetteer(g: Gazetteer): GazetteerMatcher {
  const forms: Form[] = [];
  for (const a of g.actors) {
    for (const s of [a.name, ...a.aliases]) forms.push(formOf(s, { type: 'actor', id: a.id, weight: 1 }));
    for (const s of a.adjectives) forms.push(formOf(s, { type: 'actor', id: a.id, weight: 0.6 }));
  }
  for (const c of g.corridors) for (const s of [c.name, ...c.aliases]) forms.push(formOf(s, { type: 'corridor', id: c.id, weight: 1 }));
  for (const s of g.ignore) forms.push(formOf(s, null));
  const byFirst = new Map<string, Form[]>();
  for (const f of forms) {
    if (f.keys.length === 0) continue;
    const list = byFirst.get(f.keys[0]!) ?? [];
    list.push(f);
    byFirst.set(f.keys[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length); // longest name wins
  // Spelling variants are tried only where the exact key finds nothing, and only for capitalised names of four letters
  // or more: short words collide too easily once spellings are folded ("Xi" and "Hi").
  const byFirstVariant = new Map<string, Form[]>();
  for (const f of forms) {
    if (!f.target || f.tkeys.every((t, k) => t === f.keys[k]) || f.cases.some((c) => c === 'any') || f.keys.some((k) => k.length < 4))
      continue;
    const list = byFirstVariant.get(f.tkeys[0]!) ?? [];
    list.push(f);
    byFirstVariant.set(f.tkeys[0]!, list);
  }
  for (const list of byFirstVariant.values()) list.sort((a, b) => b.keys.length - a.keys.length);

  const kinds = new Map(g.actors.map((a) => [a.id, a.kind]));
  return {
    actorKind: (id) => kinds.get(id),
    find(text: string): Mention[] {
      const toks = words(text);
      const bases = toks.map((t) => baseForm(t.raw));
      const keys = bases.map(foldKey);
      const tkeys: (string | undefined)[] = [];
      const tkeyAt = (j: number) => (tkeys[j] ??= isCapitalised(bases[j]!) && keys[j]!.length >= 4 ? variantKey(bases[j]!) : '');
      const out: Mention[] = [];
      for (let i = 0; i < toks.length; ) {
        const form =
          byFirst.get(keys[i]!)?.find((f) => matchesAt(f, i, keys, 'keys')) ??
          (byFirstVariant.size && tkeyAt(i) ? byFirstVariant.get(tkeyAt(i))?.find((f) => matchesAt(f, i, null, 'tkeys')) : undefined);
        if (!form) {
          i++;
          continue;
        }
        const last = toks[i + form.keys.length - 1]!;
        if (form.target) out.push({ ...form.target, start: toks[i]!.start, end: last.end });
        i += form.keys.length;
      }
      return out;

      function matchesAt(f: Form, i: number, exact: string[] | null, field: 'keys' | 'tkeys'): boolean {
        for (let k = 0; k < f.keys.length; k++) {
          const j = i + k;
          if (j >= toks.length) return false;
          if ((exact ? exact[j] : tkeyAt(j)) !== f[field][k]) return false;
          const c = f.cases[k];
          if (c === 'acronym' && !isAllCaps(bases[j]!) && !(f.keys[k]!.length >= 4 && /^\p{Lu}\p{Ll}+$/u.test(bases[j]!))) return false;
          if (c === 'capital' && !isCapitalised(bases[j]!)) return false;
          if (k > 0 && !NAME_GAP.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) return false;
        }
        return true;
      }
    },
  };
}
