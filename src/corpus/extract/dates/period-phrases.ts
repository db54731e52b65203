// Calendar periods chrono does not read, at the precision the words state:
// quarters ("the third quarter of 1984", "third-quarter", "the 1988 fourth
// quarter"), halves of a stated year ("the first half of 2024") and seasons
// ("last fall", "this summer", "the winter of 1994"),
// each a range of months; and news style's "today", the day of publication.
// A fiscal quarter or year is the company's calendar, not the calendar's: left
// alone. A year-less quarter or season takes its year as a year-less date does.

import { SPELLED_YEAR_WORDS, yearValue } from './year-phrases.js';

export type PeriodAnchor =
  | 'absolute'
  | 'yearless'
  | 'last'
  | 'this'
  | 'next'
  | 'today'
  | 'year-ago'
  | 'publication-year'
  // "the quarter": the quarter the text reports; "the 1989 period": that quarter in a stated year.
  | 'reported'
  // "later that year", "earlier that day", "the same month": the date the text has just stated, at that unit.
  | 'stated';

export interface PeriodPhrase {
  index: number;
  length: number;
  text: string;
  anchor: PeriodAnchor;
  /** The stated year, for 'absolute'; for 'publication-year', how many years from the publication's ("last year's": -1). */
  year: number | null;
  /** First and last month of the period (the last may be lower: winter runs December to February). */
  months: [number, number] | null;
  /** For 'stated': the unit of the stated date it names. */
  unit?: 'day' | 'month' | 'year';
}

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
/** Meteorological seasons, as TimeML counts them: spring March-May, summer June-August, fall September-November. */
const SEASON: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  autumn: [9, 11],
  winter: [12, 2],
};

const QUARTER = new RegExp(
  String.raw`\b(?:(?:the|its|a)\s+|(this|last|next) year['’]s\s+)?(?:(1[7-9]\d\d|20\d\d)\s+)?` +
    String.raw`(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b` +
    String.raw`(?:\s+(?:of\s+)?(1[7-9]\d\d|20\d\d)\b)?`,
  'gi',
);
/** "last year's fourth quarter" is the fourth quarter of the year before publication. */
const YEAR_SHIFT: Record<string, number> = { this: 0, last: -1, next: 1 };
const SEASONS = new RegExp(
  String.raw`\b(?:(last|this|next|this past|this coming|the)\s+)?(spring|summer|fall|autumn|winter)\b` +
    String.raw`(?:\s+(?:of\s+)?(1[7-9]\d\d|20\d\d|${SPELLED_YEAR_WORDS})\b)?`,
  'gi',
);
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'.split('|');
/** "last May", "this March", "next January": a month counted from the publication's, which chrono does not read. */
const NAMED_MONTH = new RegExp(String.raw`\b([Ll]ast|[Tt]his|[Nn]ext|[Tt]his past|[Tt]his coming)\s+(${MONTHS.join('|')})\b`, 'g');
/** "the first half of 2024", "the last half of 1989": six months of a stated year. */
const HALF = /\b(?:the\s+)?(first|second|last|latter)\s+half\s+of\s+(1[7-9]\d\d|20\d\d)\b/gi;
/** "the year-earlier quarter", "the comparable year-ago period": the quarter a year before the one the text reports. */
const YEAR_AGO_PERIOD =
  /\b(?:the\s+)?(?:comparable\s+)?year[- ](?:earlier|ago)(?:\s+(?:first|second|third|fourth))?\s+(?:quarter|period)\b/gi;
/**
 * Earnings copy's back-references to the quarter it reports: "in the quarter", "the latest quarter" ("that quarter" may
 * be another one just named),
 * and "the 1989 period" or "the 1988 quarter" (the same quarter in the year it names).
 */
const REPORTED = new RegExp(
  String.raw`\bthe\s+(?:(?:same|latest|most recent|recent|just-ended|just ended)\s+)?quarter\b(?![- ](?:century|mile|point|of\b|to\b))|` +
    String.raw`\bthe\s+(1[7-9]\d\d|20\d\d)\s+(?:period|quarter)\b`,
  'gi',
);
/** "later that year", "earlier that day", "that same month", "the same day": the unit of a date just stated. */
const THAT_UNIT =
  /\b(?:(?:later|earlier)\s+)?(?:that|the)\s+(?:very\s+)?(?:(?<=that\s+)|same\s+)(day|month|year)\b|\bthat\s+same\s+(day|month|year)\b/gi;
/** "the current year": the publication's. */
const CURRENT_YEAR = /\bthe\s+current\s+(?:calendar\s+)?year\b/gi;
/** "today" as news writes it: a report of the day it appeared ("said today"). */
const TODAY = /\btoday\b/gi;
const FISCAL = /\bfiscal\s*$/i;

export function findPeriodPhrases(text: string): PeriodPhrase[] {
  const out: PeriodPhrase[] = [];
  for (const m of text.matchAll(QUARTER)) {
    if (FISCAL.test(text.slice(Math.max(0, m.index - 12), m.index + m[0].indexOf(m[3]!)))) continue;
    const q = ORDINAL[m[3]!.toLowerCase()]!;
    const year = m[2] ?? m[4];
    const relative = !year && m[1] ? YEAR_SHIFT[m[1].toLowerCase()]! : null;
    out.push({
      index: m.index,
      length: m[0].length,
      text: m[0],
      anchor: year ? 'absolute' : relative !== null ? 'publication-year' : 'yearless',
      year: year ? Number(year) : relative,
      months: [q * 3 - 2, q * 3],
    });
  }
  for (const m of text.matchAll(HALF)) {
    if (FISCAL.test(text.slice(Math.max(0, m.index - 12), m.index + m[0].indexOf(m[1]!)))) continue;
    const first = m[1]!.toLowerCase() === 'first';
    out.push({ index: m.index, length: m[0].length, text: m[0], anchor: 'absolute', year: Number(m[2]), months: first ? [1, 6] : [7, 12] });
  }
  for (const m of text.matchAll(SEASONS)) {
    const word = m[1]?.toLowerCase() ?? '';
    const season = m[2]!;
    // A season named with nothing to place it ("the summer") is only a date with a year or "last/this/next".
    if (!m[3] && (!word || word === 'the')) continue;
    // "Spring" as a name ("Arab Spring", "Prague Spring") is not a season.
    if (/^\p{Lu}/u.test(season) && /\p{Lu}\p{L}*\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const anchor: PeriodAnchor = m[3]
      ? 'absolute'
      : word.includes('past') || word === 'last'
        ? 'last'
        : word === 'next' || word.includes('coming')
          ? 'next'
          : 'this';
    out.push({
      index: m.index,
      length: m[0].length,
      text: m[0],
      anchor,
      year: m[3] ? yearValue(m[3]) : null,
      months: SEASON[season.toLowerCase()]!,
    });
  }
  for (const m of text.matchAll(NAMED_MONTH)) {
    const word = m[1]!.toLowerCase();
    const month = MONTHS.indexOf(m[2]!) + 1;
    const anchor: PeriodAnchor =
      word === 'last' || word.includes('past') ? 'last' : word.startsWith('next') || word.includes('coming') ? 'next' : 'this';
    out.push({ index: m.index, length: m[0].length, text: m[0], anchor, year: null, months: [month, month] });
  }
  for (const m of text.matchAll(YEAR_AGO_PERIOD))
    out.push({ index: m.index, length: m[0].length, text: m[0], anchor: 'year-ago', year: null, months: null });
  for (const m of text.matchAll(REPORTED))
    out.push({ index: m.index, length: m[0].length, text: m[0], anchor: 'reported', year: m[1] ? Number(m[1]) : null, months: null });
  for (const m of text.matchAll(THAT_UNIT)) {
    const unit = (m[1] ?? m[2])!.toLowerCase() as 'day' | 'month' | 'year';
    out.push({ index: m.index, length: m[0].length, text: m[0], anchor: 'stated', year: null, months: null, unit });
  }
  for (const m of text.matchAll(CURRENT_YEAR))
    out.push({ index: m.index, length: m[0].length, text: m[0], anchor: 'publication-year', year: 0, months: [1, 12] });
  for (const m of text.matchAll(TODAY))
    out.push({ index: m.index, length: m[0].length, text: m[0], anchor: 'today', year: null, months: null });
  return out;
}
