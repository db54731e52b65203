// Years, year ranges and decades, which chrono does not read. A bare four-digit
// number is only a year when the words around it say so ("in 2023", "since
// 2019", "his 2008 book", "the 2020 war"); "2,000 peacekeepers", "$10,000" and
// "2000 troops" are counts and sums, never dates.

export interface YearPhrase {
  index: number;
  length: number;
  start: number;
  end: number | null;
}

const YEAR = String.raw`(1[7-9]\d\d|20\d\d)`;
const DASH = `[-‐‑‒–—−/]`;
/** No digit, currency or decimal point may touch a year on either side. */
const NOT_BEFORE = String.raw`(?<![\d$€£₽¥#№.,+:/]|\d\s?[-–])`;
const NOT_AFTER = String.raw`(?![\d%]|[.,:]\d|\s?(?:%|percent\b|per cent\b))`;

/** Words that, right before a number, make it a point in time. */
const TIME_CUES = new Set(
  (
    'in since by until till from of for during before after circa c. early late mid throughout through year ' +
    'spring summer autumn fall winter ' +
    'end beginning start middle'
  ).split(' '),
);
/** Words that, right before a number, make it a year only if a noun (not a count) follows: "his 2008 book". */
const DETERMINERS = new Set('the a an his her its their our my your this that whose'.split(' '));
/** Words that, right after a number, make it a quantity whatever came before. */
const COUNT_NOUNS = new Set(
  `people persons troops soldiers servicemen fighters peacekeepers casualties deaths dead killed wounded injured civilians refugees
  residents inhabitants families men women children workers members votes voters prisoners hostages detainees cases units tanks
  vehicles drones missiles rockets shells rounds aircraft planes ships km kilometres kilometers miles metres meters feet square
  hectares acres tonnes tons barrels dollars euros pounds roubles rubles manats drams rials lari usd eur times years days hours
  minutes weeks months jobs homes houses buildings villages signatures strong more others strikes attacks protesters demonstrators
  police officers troopers personnel staff employees students pages words calories mw gw kw mb gb`.split(/\s+/),
);

/** Units after "a"/"an" and a number: "an 1800 metre race", "a 2000 page report" measure, not date. */
const MEASURE = new Set(
  `metre meter kilometre kilometer km mile foot yard page word seat room bed acre hectare ton tonne pound kilogram kg gram
  litre liter gallon horsepower hp cc mph rpm piece strong member`.split(/\s+/),
);
/** Makes of car and the word "model" right after a year: it is the car's model year, not a date. */
const MODEL_YEAR = new RegExp(
  String.raw`^\s+(?:model\b|Chevrolet|Chevy|Ford|Toyota|Honda|Nissan|BMW|Mercedes|Volkswagen|VW|Audi|Porsche|Lada|Dodge|Chrysler|` +
    `Jeep|Buick|Cadillac|Pontiac|Oldsmobile|Plymouth|Hyundai|Kia|Mazda|Subaru|Volvo|Fiat|Renault|Peugeot|` +
    String.raw`Citro[eë]n|Opel|Skoda|Tesla|Lexus|Mitsubishi|Land Rover|Range Rover|Jaguar|Saab|GAZ|UAZ|Moskvich)\b`,
);
const YEAR_VERBS = /^,?\s+(?:was|saw|marked|brought|began|ended|proved|became|changed|is|has|had|will)\b/;

function wordBefore(text: string, index: number): string {
  // "in both 1990 and 1991": the cue stands before "both".
  const m = /(\S+)\s*(?:\b(?:both|either)\s+)?$/i.exec(text.slice(Math.max(0, index - 30), index));
  if (!m) return '';
  const w = m[1]!.toLowerCase();
  // "mid-2023" arrives as "mid-"; "Armenia's 2020 ..." as a possessive.
  return w.replace(/[-‐‑–]$/, '').replace(/^[(“"‘']+/, '');
}

function wordAfter(text: string, index: number): string {
  const m = /^\s*([\p{L}%]+)/u.exec(text.slice(index, index + 30));
  return m ? m[1]!.toLowerCase() : '';
}

function isCount(text: string, endIndex: number): boolean {
  return COUNT_NOUNS.has(wordAfter(text, endIndex));
}

function yearFromTail(start: number, tail: string): number {
  return tail.length === 2 ? Math.floor(start / 100) * 100 + Number(tail) : Number(tail);
}

function scan(text: string, pattern: string, make: (m: RegExpExecArray) => YearPhrase | null): YearPhrase[] {
  const out: YearPhrase[] = [];
  for (const m of text.matchAll(new RegExp(pattern, 'giu'))) {
    const found = make(m as RegExpExecArray);
    if (found) out.push(found);
  }
  return out;
}

function ranges(text: string): YearPhrase[] {
  const worded = scan(
    text,
    String.raw`\b(?:between|from)\s+(?:the\s+years?\s+)?${YEAR}\s+(?:and|to|until|till|through|thru)\s+${YEAR}${NOT_AFTER}`,
    (m) => {
      const [start, end] = [Number(m[1]), Number(m[2])];
      if (end <= start || isCount(text, m.index + m[0].length)) return null;
      return { index: m.index, length: m[0].length, start, end };
    },
  );
  const dashed = scan(text, String.raw`${NOT_BEFORE}${YEAR}\s?${DASH}\s?(\d{4}|\d{2})${NOT_AFTER}`, (m) => {
    const start = Number(m[1]);
    const end = yearFromTail(start, m[2]!);
    if (end <= start || end - start > 50 || isCount(text, m.index + m[0].length)) return null;
    return { index: m.index, length: m[0].length, start, end };
  });
  const decades = scan(text, String.raw`${NOT_BEFORE}(1[7-9]\d0|20\d0)['’]?s\b`, (m) => {
    const start = Number(m[1]);
    return { index: m.index, length: m[0].length, start, end: start + 9 };
  });
  return [...worded, ...dashed, ...decades];
}

function singles(text: string): YearPhrase[] {
  const found: YearPhrase[] = [];
  for (const m of text.matchAll(new RegExp(`${NOT_BEFORE}${YEAR}${NOT_AFTER}`, 'gu'))) {
    const index = m.index;
    const after = index + m[0].length;
    if (isCount(text, after)) continue;
    const before = wordBefore(text, index);
    const prev = found[found.length - 1];
    // "in 2023 and 2024", "in 2018, 2019 or 2020": a list continues its first year.
    const listed = prev !== undefined && /^\s*(?:,|,?\s*(?:and|or|&))\s*$/.test(text.slice(prev.index + prev.length, index));
    // "2019 was a hard year": a sentence that opens with a year and a verb about it.
    const opens = /(?:^|[.!?]\s+)$/.test(text.slice(0, index)) && YEAR_VERBS.test(text.slice(after));
    // "earnings for 1990" names a year; "paid for 2000 tickets" counts: after "for", nothing may follow but the
    // sentence's punctuation or a joining word.
    const forYear = before !== 'for' || /^\s*(?:[.,;:!?)'"”]|and\b|or\b|to\b|through\b|$)/.test(text.slice(after));
    const cued = (TIME_CUES.has(before) && forYear) || listed || opens;
    // "Kopp's 1987 Chevrolet": a car's model year ("in 1974 Ford pardoned Nixon" is cued as a time).
    const determined =
      (DETERMINERS.has(before) || /['’]s$/.test(before)) &&
      /^\s+\p{L}/u.test(text.slice(after)) &&
      !MODEL_YEAR.test(text.slice(after, after + 20)) &&
      !MEASURE.has(wordAfter(text, after));
    if (cued || determined) found.push({ index, length: m[0].length, start: Number(m[1]), end: null });
  }
  return found;
}

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const UNIT: Record<string, number> = Object.fromEntries(UNITS.split('|').map((w, i) => [w, i + 1]));
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TEEN: Record<string, number> = Object.fromEntries(TEENS.split('|').map((w, i) => [w, i + 10]));
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const TEN: Record<string, number> = Object.fromEntries(TENS.split('|').map((w, i) => [w, (i + 2) * 10]));
const CENTURY: Record<string, number> = { eighteen: 1800, nineteen: 1900, twenty: 2000 };
/** Two spelled digits of a year: "seventy-nine", "twelve", "oh-five". */
const PAIR = `(?:(?:${TENS})(?:[- ](?:${UNITS}))?|${TEENS}|oh[- ](?:${UNITS}))`;
/**
 * A year spelled out, as transcripts write them, after a word that makes it a time: "in nineteen seventy-nine", "the
 * winter of nineteen ninety-four", "by the year two thousand".
 */
export const SPELLED_YEAR_WORDS = `(?:eighteen|nineteen|twenty)[- ]${PAIR}|two thousand(?:[- ](?:and[- ])?(?:${TEENS}|${UNITS}))?`;
const SPELLED_YEAR = new RegExp(
  String.raw`\b(?:in|of|since|by|until|till|from|before|after|during|year)\s+(${SPELLED_YEAR_WORDS})\b` +
    String.raw`(?![- ](?:${UNITS}|hundred|thousand|years?|dollars?|people|percent)\b)`,
  'gi',
);
/** A year in figures or spelled out: "1994", "nineteen ninety-four". */
export const yearValue = (words: string) => (/^\d+$/.test(words) ? Number(words) : spelledYearValue(words));

function pairValue(words: string): number {
  const [a, b] = words.toLowerCase().split(/[- ]/);
  if (a === 'oh') return UNIT[b!]!;
  return TEEN[a!] ?? TEN[a!]! + (b ? UNIT[b]! : 0);
}

/** The value of a spelled year the pattern above found. */
export function spelledYearValue(words: string): number {
  const w = words.toLowerCase();
  const thousand = /^two thousand(?:[- ](?:and[- ])?(.+))?$/.exec(w);
  if (thousand) return 2000 + (thousand[1] ? (TEEN[thousand[1]] ?? UNIT[thousand[1]]!) : 0);
  const [, century, rest] = /^(eighteen|nineteen|twenty)[- ](.+)$/.exec(w)!;
  return CENTURY[century!]! + pairValue(rest!);
}

function spelled(text: string): YearPhrase[] {
  const found: YearPhrase[] = [];
  for (const m of text.matchAll(SPELLED_YEAR)) {
    const end = m.index + m[0].length;
    if (isCount(text, end)) continue;
    // "in two thousand homes" counts; "by the year two thousand" and "in two thousand." name the year.
    if (/^two/i.test(m[1]!) && !/^year\b/i.test(m[0]) && !/^\s*(?:[.,;:!?)]|$)/.test(text.slice(end))) continue;
    found.push({ index: end - m[1]!.length, length: m[1]!.length, start: yearValue(m[1]!), end: null });
  }
  return found;
}

/** Every year, year range and decade the text states, in text order; ranges win over the years inside them. */
export function findYearPhrases(text: string): YearPhrase[] {
  const wide = ranges(text);
  const inside = (p: YearPhrase) => wide.some((r) => p.index >= r.index && p.index < r.index + r.length);
  return [...wide, ...singles(text).filter((p) => !inside(p)), ...spelled(text)].sort((a, b) => a.index - b.index);
}
