// The words that name who spoke: the noun phrase right before a reporting
// verb ("Kremlin spokesperson Dmitry Peskov said") or right after it ("…,"
// said a senior EU official). A phrase is accepted only when every word fits
// a name or a role (names, titles, determiners, possessives, "of" after a
// role) and it starts where a clause can start, so "the sanctions Russia said
// were illegal" and "an expert on Iran said" give no speaker at all: a missed
// statement costs less than one put in the wrong mouth.

import { INDEFINITE, MODIFIER, NOT_NAMES, PLURAL_ROLE, ROLE, set, UNNAMED } from './speaker-words.js';

export interface SpeakerPhrase {
  start: number;
  end: number;
  text: string;
  /** he / she / they: the speaker was named earlier. */
  pronoun: 'he' | 'she' | 'they' | null;
  /** Unnamed: "a senior official", "officials", "sources". */
  anonymous: boolean;
  /** Several speakers or a group: "officials", "Iran and Russia". */
  plural: boolean;
  /** The last word is a person's name rather than a role or an institution. */
  named: boolean;
}

const PRONOUNS = new Map<string, SpeakerPhrase['pronoun']>([
  ['he', 'he'],
  ['she', 'she'],
  ['they', 'they'],
]);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

interface Tok {
  raw: string;
  start: number;
  end: number;
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/[.]+$/, (dots) => (/^(?:\p{Lu}\.)+$/u.test(m[0]) ? dots : ''));
    out.push({ raw, start: m.index, end: m.index + raw.length });
  }
  return out;
}

const isCap = (w: string) => /^\p{Lu}/u.test(w);
const lower = (w: string) => w.toLowerCase().replace(/’/g, "'");
const baseWord = (w: string) => lower(w).replace(/'s?$/, '');

/** Whether tok may be part of a speaker phrase, and as what. */
function kindOf(t: Tok): 'name' | 'role' | 'modifier' | 'of' | 'and' | null {
  const w = lower(t.raw);
  if (isCap(t.raw)) {
    if (NOT_NAMES.has(t.raw.replace(/['’]s$/, ''))) return MODIFIER.has(w) ? 'modifier' : null;
    return 'name';
  }
  if (ROLE.has(w) || ROLE.has(baseWord(t.raw))) return 'role';
  if (MODIFIER.has(w) || (/['’]s?$/.test(t.raw) && ROLE.has(baseWord(t.raw)))) return 'modifier';
  if (w === 'of' || w === 'for') return 'of';
  if (w === 'and') return 'and';
  return null;
}

/** Text before a phrase that lets a clause start there. */
const alternatives = (words: string) => words.trim().split(/\s+/).join('|');
const CLAUSE_WORDS = alternatives(
  'and but while as because after when though although whereas where since so yet meanwhile before until if whom then also',
);
const CLAUSE_START = new RegExp(`(?:^|[,;:(—–]|[.!?]['’"”]?|['’"”]|\\b(?:${CLAUSE_WORDS}))\\s*$`, 'iu');
const OPENERS = alternatives('On In At Last Earlier Later This Late Early Since During Over');
const TIME_WORDS =
  alternatives(`\\p{L}*day week month year morning afternoon evening night weekend \\d{1,4} January February March April May
  June July August September October November December`);
const TIME_OPENING = new RegExp(`^\\s*(?:${OPENERS})\\s+(?:[\\p{L}\\p{N}’'-]+\\s+){0,3}?(?:${TIME_WORDS})\\s*$`, 'u');

function describe(text: string, toks: Tok[]): SpeakerPhrase {
  const start = toks[0]!.start;
  const end = toks.at(-1)!.end;
  const first = lower(toks[0]!.raw);
  const lastTok = toks.at(-1)!;
  const last = baseWord(lastTok.raw);
  const named = isCap(lastTok.raw) && !ROLE.has(last);
  const hasName = toks.some((t) => isCap(t.raw) && !ROLE.has(baseWord(t.raw)));
  const plural = toks.some((t) => lower(t.raw) === 'and') || (!named && PLURAL_ROLE.test(last) && ROLE.has(last));
  const anonymous = !named && (INDEFINITE.has(first) || UNNAMED.has(last) || (!hasName && plural));
  return { start, end, text: text.slice(start, end), pronoun: null, anonymous, plural, named };
}

function pronounPhrase(t: Tok): SpeakerPhrase | null {
  const p = PRONOUNS.get(lower(t.raw));
  if (!p) return null;
  return { start: t.start, end: t.end, text: t.raw, pronoun: p, anonymous: false, plural: p === 'they', named: false };
}

const TITLES = set('Mr Mrs Ms Dr Gen Sen Rep Lt Col Maj Capt Prof St Gov Adm Sgt Rev');

/**
 * A lower-case word inside a job title, before a role or a modifier that is itself in a title ending on a name
 * ("assistant chief economist Nathan Janzen", "managing director Jane Doe").
 */
function titleWord(toks: Tok[], i: number): boolean {
  const next = toks[i + 1];
  if (!next || !/^\p{Ll}[\p{Ll}-]+$/u.test(toks[i]!.raw) || /ly$/.test(toks[i]!.raw)) return false;
  const k = kindOf(next);
  return (k === 'role' || k === 'modifier') && lower(next.raw) !== 'the' && !INDEFINITE.has(lower(next.raw)) && isCap(toks.at(-1)!.raw);
}

/** Two words of one phrase: only spaces or a hyphen between them, or the full stop of a title ("Mr. Smith", "Gen. Gerasimov"). */
function joined(text: string, a: Tok, b: Tok): boolean {
  const gap = text.slice(a.end, b.start);
  return /^[\s-]*$/u.test(gap) || (/^\.\s+$/.test(gap) && TITLES.has(a.raw));
}

/** A phrase must end on a name or a role, and not start on "of"/"and". */
function wellFormed(toks: Tok[]): boolean {
  const k = toks.map(kindOf);
  if (!toks.length || toks.length > 12) return false;
  const last = k.at(-1);
  // A possessive is not who spoke: "the Kremlin's" in "the Kremlin's claims".
  if ((last !== 'name' && last !== 'role') || /['’]s?$/.test(toks.at(-1)!.raw)) return false;
  if (k[0] === 'of' || k[0] === 'and') return false;
  // "of" only after a role: "the head of the agency", "Minister of Foreign Affairs".
  for (let i = 0; i < k.length; i++) if (k[i] === 'of' && k[i - 1] !== 'role' && k[i - 1] !== 'name') return false;
  return true;
}

/**
 * The speaker phrase ending right at `end` (the reporting verb follows), or null. `end` is where the phrase's text ends,
 * asides and adverbs already stepped over.
 */
export function speakerBefore(text: string, end: number): SpeakerPhrase | null {
  const before = text.slice(0, end).replace(/\s+$/, '');
  const toks = tokens(before);
  const lastTok = toks.at(-1);
  if (!lastTok || lastTok.end !== before.length) return null;
  const pron = pronounPhrase(lastTok);
  if (pron) return CLAUSE_START.test(text.slice(0, pron.start)) ? pron : null;
  // Walk back over words that fit, stopping at a determiner's left (it opens the phrase) or a word that does not fit.
  let i = toks.length - 1;
  while (i >= 0 && (kindOf(toks[i]!) !== null || titleWord(toks, i))) {
    if (i + 1 < toks.length && !joined(text, toks[i]!, toks[i + 1]!)) break;
    const w = lower(toks[i]!.raw);
    if ((w === 'the' || INDEFINITE.has(w)) && kindOf(toks[i - 1] ?? { raw: '', start: 0, end: 0 }) !== 'of') {
      i--;
      break;
    }
    i--;
  }
  // Try the longest phrase first, then shorter ones, until one starts where a clause can.
  for (let s = i + 1; s < toks.length; s++) {
    const phrase = toks.slice(s);
    if (!wellFormed(phrase)) continue;
    const lead = text.slice(0, phrase[0]!.start);
    if (CLAUSE_START.test(lead) || TIME_OPENING.test(lead)) return describe(text, phrase);
  }
  return null;
}

/** The speaker phrase starting at `start` (after "said" or "according to"), or null. */
export function speakerAfter(text: string, start: number): SpeakerPhrase | null {
  const after = text.slice(start);
  const lead = /^\s+/.exec(after);
  if (!lead) return null;
  const toks = tokens(after).map((t) => ({ raw: t.raw, start: t.start + start, end: t.end + start }));
  const first = toks[0];
  if (!first || first.start !== start + lead[0].length) return null;
  const pron = pronounPhrase(first);
  if (pron) return pron;
  let j = 0;
  while (j < toks.length && kindOf(toks[j]!) !== null) {
    if (j > 0 && !joined(text, toks[j - 1]!, toks[j]!)) break;
    if (j > 0 && (lower(toks[j]!.raw) === 'the' || INDEFINITE.has(lower(toks[j]!.raw))) && kindOf(toks[j - 1]!) !== 'of') break;
    j++;
  }
  // The phrase must end where the clause does: punctuation, the end, or a word that cannot continue a name.
  for (let e = j; e > 0; e--) {
    const phrase = toks.slice(0, e);
    if (!wellFormed(phrase)) continue;
    const rest = text.slice(phrase.at(-1)!.end);
    if (/^\s*(?:[,.;:!?)—–]|$|(?:on|in|at|to|during|after|before|who|which|whose|from|when|while|last|this|told|said)\b)/u.test(rest))
      return describe(text, phrase);
  }
  return null;
}
