// The verbs that report speech or writing, and what each needs after it to
// report speech rather than an act: "Iran said it would …" is a statement
// whatever follows "said", while "Washington added three firms to the list"
// is not, so "added" reports speech only before "that", a colon, a comma or
// a quotation. Forms in -s, -ed and the base form are listed as written.

/** Any complement: the verb alone says someone spoke or wrote. */
const FREE = [
  'said says say told tells tell stated insisted insists asserted asserts argued argues stressed stresses emphasised',
  'emphasized emphasises emphasizes reiterated reiterates alleged alleges tweeted warned warns cautioned cautions',
  'remarked commented noted underlined underscored accused accuses',
].join(' ');

/**
 * Only before that / a colon / a comma / a quotation (or after a quotation): otherwise they name an act ("claimed the
 * village", "responded with strikes", "declared a state of emergency"). Forms that are also plural nouns ("claims",
 * "states", "comments") are left out: "Gulf states said" is not the Gulf stating.
 */
const CLAUSE_ONLY = [
  'added adds confirmed confirms announced announces admitted admits acknowledged acknowledges recalled recalls',
  'suggested suggests observed observes explained explains predicted predicts posted highlighted conceded concedes',
  'complained complains boasted claimed declared declares maintained maintains wrote writes replied responded reported',
  'asked asks agreed concurred remembered',
].join(' ');

/** Before "to" + verb, or that / a colon / a quotation: "vowed to retaliate", "threatened to leave the talks". */
const PROMISE = 'promised promises pledged pledges vowed vows threatened threatens';

/** Before "that", a quotation or one of the words a denial takes: "denied involvement", not "denied entry". */
const DENIAL = 'denied denies rejected rejects dismissed dismisses';
const DENIED = `that|any|all|claims|reports|allegations|accusations|charges|involvement|responsibility|wrongdoing|having|this|it`;
const DENIED_THE = `claims?|reports?|allegations?|accusations?|charges?|assertion|notion|idea|suggestion`;
const DENIED_THINGS = new RegExp(String.raw`^\s+(?:the\s+(?:${DENIED_THE})|${DENIED})\b`, 'i');

export type CueClass = 'free' | 'clause' | 'promise' | 'denial';

const CUES = new Map<string, CueClass>();
for (const [list, cls] of [
  [FREE, 'free'],
  [CLAUSE_ONLY, 'clause'],
  [PROMISE, 'promise'],
  [DENIAL, 'denial'],
] as const)
  for (const w of list.split(' ')) CUES.set(w, cls);

/** Every cue in a text; the caller skips those inside quotations. */
export const CUE_WORD = new RegExp(
  `(?<![\\p{L}'’-])(${[...CUES.keys()].join('|')}|pointed\\s+out|[Aa]ccording\\s+to)(?![\\p{L}'’-])`,
  'gu',
);

export function cueClass(cue: string): CueClass | 'according' {
  if (/^according/i.test(cue)) return 'according';
  if (/^pointed/.test(cue)) return 'clause';
  return CUES.get(cue) ?? 'free';
}

const QUOTE_START = /^\s*[,:]?\s*['‘"“]/;
// Where and how, then the quotation: "wrote in Labor Notes about the election, “…”", "said on Monday: “…”".
const SETTING_THEN_QUOTE = /^\s+(?:in|on|at|to|about|of|during|after|before|from|via)\s[^.;:!?"“”]{0,60}[,:]\s*["“‘]/;
// "that", or a question reported: "asked why …", "asked whether …".
const THAT = /^\s+(?:that|whether|if|why|what|how|when|who|where)\b/i;

/** Whether what follows a cue (speaker first: "Iran said …") makes it report speech. */
export function reportsSpeech(cls: CueClass, after: string): boolean {
  if (QUOTE_START.test(after) || THAT.test(after) || /^\s*:/.test(after) || SETTING_THEN_QUOTE.test(after)) return true;
  switch (cls) {
    case 'free':
      // "told" takes whom it was told first; any other free verb may be followed by a clause with no "that".
      return true;
    case 'clause':
      return /^\s*,/.test(after);
    case 'promise':
      return /^\s+to\s+\p{Ll}/u.test(after);
    case 'denial':
      return DENIED_THINGS.test(after);
  }
}
