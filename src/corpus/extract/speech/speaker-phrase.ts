// The words that name who spoke: the noun phrase right before a reporting
// verb ("Kremlin spokesperson Dmitry Peskov said") or right after it ("…,"
// said a senior EU official). A phrase is accepted only when every word fits
// a name or a role (names, titles, determiners, possessives, "of" after a
// role) and it starts where a clause can start, so "the sanctions Russia said
// were illegal" and "an expert on Iran said" give no speaker at all: a missed
// statement costs less than one put in the wrong mouth.

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

const set = (s: string) => new Set(s.split(/\s+/));

/** Words a speaker phrase can end on (lower case). */
const ROLE = set(`official officials minister ministers ministry ministries spokesman spokeswoman spokesperson spokespeople
  spokesmen president presidency leader leaders chief head secretary ambassador envoy diplomat diplomats analyst analysts
  expert experts source sources government office agency service committee council commander commanders general adviser
  advisers advisor advisors aide aides representative representatives deputy governor mayor lawmaker lawmakers legislator
  legislators mp mps parliament speaker chairman chairwoman chair director executive department authorities military army
  police embassy negotiator negotiators observer observers residents resident witnesses witness activists activist
  opposition party campaigners researchers researcher scientists economist economists officer officers soldier soldiers
  bureau prosecutor prosecutors judge court lawyer lawyers attorney member members critics supporters protesters organisers
  organizers administration cabinet correspondent journalist journalists editor professor fellow founder ceo owner people
  person man woman group company firm coalition alliance movement union delegation mission staff team investigators
  inspectors monitors prosecutor-general premier chancellor king queen emir sheikh cleric clerics pope ombudsman
  insiders insider envoys generals colleagues colleague airline bank network broadcaster newspaper institute foundation
  university regulator watchdog operator carrier federation association tribunal commission board authority forces navy
  guard organisation organization secretariat mission campaign daughter son wife husband mother father brother sister
  friend neighbour neighbor farmer owner worker workers student students teacher doctor doctors nurse survivor
  survivors victim relatives family families villagers locals refugees voters citizens citizen officials' strategist
  strategists manager managers coordinator specialist specialists consultant consultants partner lecturer historian
  author writer commentator columnist pollster sociologist paper`);
/** Plural roles: a group speaks. */
const PLURAL_ROLE = /(?:s|people|staff|police|military|authorities|opposition)$/;
/** Lower-case words that may stand before the head. */
const MODIFIER = set(`the a an his her their its our one two three four five several some many other both senior top former
  deputy foreign defence defense interior prime vice junior local regional state federal national international military
  security intelligence presidential chief general press economic political energy health finance justice emergency
  emergencies environment trade affairs independent anonymous unnamed western european high-ranking ranking acting
  outgoing incoming new longtime veteran leading prominent retired exiled ruling country's government's ministry's
  party's army's nation's region's city's foreign-policy de facto self-proclaimed separatist rebel opposition civilian
  official defense-ministry deputy-foreign`);
const INDEFINITE = set('a an one two three four five several some many other');
/** Unnamed groups and sources, anonymous even with "the" ("the officials"). */
const UNNAMED = set(`officials source sources diplomats analysts experts residents witnesses insiders people activists
  critics observers campaigners researchers`);
const PRONOUNS = new Map<string, SpeakerPhrase['pronoun']>([
  ['he', 'he'],
  ['she', 'she'],
  ['they', 'they'],
]);
/** Capitalised words that are not names: they end a phrase walked back over. */
const NOT_NAMES = set(`On In At For By But And After Before During Since When While As If Although Though Meanwhile However
  Also Yet So Then Last This That These Those He She They Earlier Later Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday
  Saturday Sunday January February March April May June July August September October November December Speaking Asked
  Separately Instead Now Still Even Only It I We You Our My Their His Her Its There Here What Why How Who Where Which
  Following According Without With From To Under Over Despite Amid Of Did Does Do Will Would Can Could Should Has Have
  Had Is Are Was Were Some Many Most All Several Both Each Every Any No Other Another One Two Three Few Such`);

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

const LEAD = String.raw`(?:[^,;:"“”]{1,60},\s+)?(?:(?:But|And|However,|Meanwhile,|Still,|Yet|Instead,)\s+)?`;
const SUBJECT = new RegExp(String.raw`^${LEAD}((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)(?=,|\s+\p{Ll})`, 'du');
// The subject named in apposition before its verb: "In 2009, one of Epstein's victims, Virginia Giuffre, filed …".
const APPOSITION = /^[^"“”.;]{0,80}?,\s((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+),\s+(?=\p{Ll})()/du;

/**
 * The person a passage opens on, as the subject of its first clause ("Abu Amer, 44, agreed."; "But Al Saud is aware …"):
 * the nearest "he" or "she" after it may be that person even though no verb of saying named them.
 */
export function openingName(text: string): { start: number; end: number; text: string; apposition: boolean } | null {
  // The caller checks that a verb follows a subject name (sentenceRole 'acts'): "Royal Bank of Canada …" opens on no one.
  const m = SUBJECT.exec(text) ?? APPOSITION.exec(text);
  if (!m) return null;
  const name = m[1]!;
  const first = name.split(/\s+/)[0]!;
  if (NOT_NAMES.has(first) || /^(?:The|A|An)$/.test(first) || /['’]s$/.test(name)) return null;
  const [start, end] = m.indices![1]!;
  return { start, end, text: name, apposition: m.length > 2 };
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
