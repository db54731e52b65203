// Cues for recovering layout that a scrape flattened into one line: where a
// photo credit ends, where a sub-heading stops and the paragraph starts.
// The page itself tells us which capitalised words are names (they appear
// capitalised mid-sentence); a capitalised word that never does is a
// sentence starting.

/** Words that begin sentences and are never part of a name or a credit. */
const STARTERS = new Set(
  (
    'The A An In On At When While After Before Since As But And However According Despite Although Though If For With ' +
    'This These Those That It He She They We I You There Here Its His Her Their Our Many Some Most One Two Three Both Each ' +
    'Every During Over Under Last Next Earlier Later Meanwhile Yet So Still Even Such What Why How Who Where By From To Of ' +
    'Instead Indeed Already Now Then Once Unlike Like Amid Following Between Among Across Against Around Without Within ' +
    'Only Another Other Several Few No Not Nor Or Until Unless Because Whether Although Whereas Moreover Furthermore Thus'
  ).split(' '),
);
/** Lower-case words that may sit inside a name ("Office of the Prime Minister", "von der Leyen"). */
const NAME_CONNECTORS = new Set(['of', 'for', 'the', 'and', 'de', 'von', 'der', 'van', 'al', 'el', 'bin', 'la', 'le', 'du', '&']);
/** Words after which a capitalised word is mid-sentence even without a name ("published by The Conversation"). */
const LEADING_FUNCTION_WORDS = new Set(
  (
    'a an the of for to from by with in on at as and or but than that this these those said says told via into onto upon about ' +
    'between among against across near over under after before during since without within through toward towards including ' +
    'like per amid behind beyond despite except inside outside past versus is are was were be been has have had will would can ' +
    'could may might must should do does did not his her its their our my your whose which who whom'
  ).split(' '),
);
const OPEN_QUOTE = /^['‘"“«]\p{Lu}/u;

export interface Lexicon {
  /** Seen capitalised after a lower-case word somewhere on the page, or a gazetteer name. */
  isName(word: string): boolean;
  /** A word of a gazetteer name (Armenia, Pashinyan): a country or leader, never a photographer. */
  isKnown?(word: string): boolean;
}

function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/u, '');
}

export function buildLexicon(texts: Iterable<string>, knownNames: Iterable<string> = []): Lexicon {
  const known = new Set<string>();
  for (const n of knownNames) for (const w of n.split(/\s+/)) if (/^\p{Lu}/u.test(w)) known.add(bare(w));
  const midCapitals = new Map<string, number>();
  const lowercase = new Set<string>();
  for (const t of texts) {
    const ws = t.split(/\s+/);
    for (let i = 0; i < ws.length; i++) {
      const w = bare(ws[i]!);
      if (/^\p{Ll}/u.test(w)) lowercase.add(w.toLowerCase());
      const prev = ws[i - 1];
      if (prev && /^\p{Lu}/u.test(w) && /^[\p{Ll}][\p{L}'’-]*,?$/u.test(prev) && !LEADING_FUNCTION_WORDS.has(prev)) {
        midCapitals.set(w, (midCapitals.get(w) ?? 0) + 1);
      }
    }
  }
  // A word also used in lower case needs two mid-sentence capitals to count as a
  // name: one may be a run-in heading ("no boundaries Transnational criminal ...").
  const isName = (word: string): boolean => {
    const w = bare(word);
    if (known.has(w)) return true;
    const n = midCapitals.get(w) ?? 0;
    return n >= (lowercase.has(w.toLowerCase()) ? 2 : 1);
  };
  return { isName, isKnown: (word) => known.has(bare(word)) };
}

/** True when `word` (followed by `next`) opens a new sentence rather than continuing a name. */
export function startsSentence(word: string, next: string | undefined, lex: Lexicon): boolean {
  if (OPEN_QUOTE.test(word)) return true;
  const w = bare(word);
  if (!/^\p{Lu}/u.test(w)) return false;
  if (STARTERS.has(w)) return true;
  if (lex.isName(w) || /^\p{Lu}+$/u.test(w)) return false;
  if (/\p{Ll}ing$/u.test(w)) return true; // "Spanning Iran, the Caucasus ..." is a sentence, not a credit
  return next !== undefined && /^\p{Ll}/u.test(next) && !NAME_CONNECTORS.has(next);
}

/**
 * Splits "AFU / EPA The gateway to ..." into the credit "AFU / EPA" and the
 * text that follows. A credit is a run of names and agency marks joined by "/".
 */
export function splitCredit(afterMarker: string, lex: Lexicon): { credit: string; rest: string } {
  const ws = afterMarker.trim().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < ws.length) {
    const w = ws[i]!;
    const slashy = /^\/|\/$|^\/$/.test(w) || w.includes('/');
    if (!slashy && !/^\p{Lu}/u.test(w) && !(NAME_CONNECTORS.has(w) && i > 0)) break;
    if (!slashy && startsSentence(w, ws[i + 1], lex)) break;
    // "Reuters/Yves Herman Armenia and Azerbaijan resumed …": a photographer's credit does not run on into a country.
    if (i > 0 && !slashy && lex.isKnown?.(w)) break;
    i++;
  }
  return { credit: ws.slice(0, i).join(' ').replace(/[,;]$/, ''), rest: ws.slice(i).join(' ') };
}

/**
 * A sub-heading run into the next sentence: "The Soviet connection The Russian
 * crime group ...", "Operational encirclement 'In July, ...'". Headings are
 * short, in sentence case, and end on a lower-case word that is not a
 * function word.
 */
export function splitLeadingHeading(sentence: string, lex: Lexicon, afterCredit = false): { heading: string; rest: string } | null {
  const ws = sentence.split(/\s+/);
  if (!/^\p{Lu}/u.test(ws[0] ?? '')) return null;
  for (let k = 2; k <= Math.min(7, ws.length - 2); k++) {
    const last = ws[k - 1]!;
    if (!/^\p{Ll}[\p{L}-]*$/u.test(last) || LEADING_FUNCTION_WORDS.has(last)) continue;
    // Right after a photo credit a heading is likely enough that any capital
    // after a lower-case word ends it, even a name ("The money problem Georgian officials ...").
    const opens = afterCredit ? /^['‘"“]?\p{Lu}/u.test(ws[k]!) : startsSentence(ws[k]!, ws[k + 1], lex);
    if (!opens) continue;
    // A heading has no clause punctuation except a comma between parallel parts.
    if (ws.slice(0, k).some((w) => /[.;:!?'"“”‘’()]/.test(w))) continue;
    return { heading: ws.slice(0, k).join(' '), rest: ws.slice(k).join(' ') };
  }
  return null;
}

/** Words that open a sentence after a Title Case heading ("Looking Ahead The talks …"): never inside a heading's last word. */
const CLAUSE_OPENERS = new Set(
  (
    'The An This These Those It He She They We In On At When While After Before Since As But However According Despite ' +
    'Although For With There Its His Her Their Our Many Some Most Both Each During Over Under Last Earlier Later Meanwhile Yet Still'
  ).split(' '),
);
// "In July, …", "On 3 March …" open a clause too: a month (or its abbreviation) after the opener.
const MONTH_WORD = new RegExp(
  '^(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
    String.raw`(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)[,.]?$`,
);
/** Small words a Title Case heading leaves in lower case ("Balancing Act in the Caucasus"). */
const TITLE_SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 'with', 'at', 'by', 'or', 'vs', 'from', 'over']);

/**
 * A paragraph that is a Title Case line: "Newborn Girl Found In Bushes Near Kaimur Hills", "Borewell Horror: A Newborn
 * Left To Die, But Survives". Three to fourteen words, no sentence punctuation at the end, every word capitalised but the
 * small ones, no figures: a sub-heading set as a paragraph (a page that bolds it), never a sentence anyone said.
 */
export function isTitleCaseLine(line: string): boolean {
  const s = line.trim();
  // Not a row of a table or a list (figures, handles, separators, brackets), nor a line in capitals (a name, a model).
  if (/[.!?;:"“”'’)\]]$/.test(s) || /[\p{N}@|()[\]<>—–%$€£]/u.test(s) || s === s.toUpperCase()) return false;
  const ws = s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (ws.length < 3 || ws.length > 14) return false;
  const bare = ws.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  if (!/^[\p{Lu}\p{N}]/u.test(bare[0]!)) return false;
  return bare.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w));
}

/**
 * A Title Case sub-heading run into the paragraph it heads: "Looking Ahead The talks …",
 * "A Fragile Balance in the South In July, …". In prose a capitalised word never
 * runs straight into "The talks" or "In July" without punctuation, so the test is
 * safe on every format's paragraphs, not only on flattened pages.
 */
export function splitTitleCaseHeading(sentence: string): { heading: string; rest: string } | null {
  const ws = sentence.split(/\s+/);
  for (let k = 1; k <= Math.min(8, ws.length - 3); k++) {
    const w = ws[k - 1]!;
    const titleWord = /^\p{Lu}[\p{L}'’-]*:?$/u.test(w);
    if (!titleWord && !(k > 1 && TITLE_SMALL_WORDS.has(w))) return null;
    if (!titleWord || w.endsWith(':')) continue;
    const next = ws[k]!;
    if (CLAUSE_OPENERS.has(next) && (/^[\p{Ll}\p{N}]/u.test(ws[k + 1]!) || MONTH_WORD.test(ws[k + 1]!)))
      return { heading: ws.slice(0, k).join(' '), rest: ws.slice(k).join(' ') };
  }
  return null;
}

/** Crude test for a verbless caption fragment ("The embassy of Iran in Knightsbridge, London."). */
export function isVerblessFragment(sentence: string): boolean {
  const ws = sentence.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  // Caption fragments name a place or a person with an apposition: they have a comma.
  if (ws.length === 0 || ws.length > 25 || !sentence.includes(',')) return false;
  const finite = /^(is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|does|do|did|says|said)$/;
  return !ws.some((w) => finite.test(w) || (w.length > 4 && w.endsWith('ed')));
}
