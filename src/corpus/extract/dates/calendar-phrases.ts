// Dates with a month or a day, and relative phrases, read by chrono-node.
// chrono is generous; this keeps only what an article means as a date:
// "may" and "march" in lower case are words, "3/4" is a fraction, "in three
// days" and "for two years" are durations, and a bare time is no date at all.
// The English build alone: the package's root loads every locale (about 900 modules, 0.2 s of each
// process's start-up and of each ingest worker's), and only English is read.
import * as chrono from 'chrono-node/en';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { coarser, type Precision, type Ymd } from './date-value.js';

/** How a phrase is pinned to the calendar. */
export type Anchoring =
  | 'absolute' // "24 October 2024", "July 2022"
  | 'yearless' // "10 July", "In March": the year comes from the article's date
  | 'publication' // "last week", "two years ago": counted back from the article's date
  | 'previous'; // "two months later", "the next day": counted from the date stated before it

export interface CalendarPhrase {
  index: number;
  length: number;
  text: string;
  anchoring: Anchoring;
  start: Ymd;
  end: Ymd | null;
  precision: Precision;
  /** "last week": the calendar week, not one day of it. */
  week: boolean;
}

// The casual English parser: its British variant reads "February 24" as February 2024.
const parser = chrono.casual;
const MONTH_WORD = new RegExp(
  String.raw`\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|` +
    String.raw`sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`,
  'gi',
);
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const FROM_PREVIOUS = /\b(later|earlier|afterwards?|before|next (?:day|morning|evening|night)|following (?:day|week|month|year))\b/i;
/** "the next two months", "over the past few years": a span of time up to or from now, not a date. */
const WINDOW =
  /\b(next|past|last|coming|following)\s+(?:few|several|couple of|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i;
const FROM_PUBLICATION = /\b(ago|last|this|next|past|yesterday|tonight|tomorrow|previous)\b/i;

function hasLowercaseMonth(text: string): boolean {
  for (const m of text.matchAll(MONTH_WORD)) if (m[0][0] === m[0][0]!.toLowerCase()) return true;
  return false;
}

/** "3/4", "10/07": numbers with slashes and no year are fractions or ambiguous. */
function isBareNumeric(r: ParsedResult): boolean {
  return /^\d{1,2}[/.]\d{1,2}$/.test(r.text.trim());
}

/** "07/12/2024": day and month could be swapped; no honest reading. */
function isAmbiguousNumeric(r: ParsedResult): boolean {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}$/.exec(r.text.trim());
  return m !== null && Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2];
}

function ymd(c: ParsedComponents): Ymd {
  return { y: c.get('year') ?? 0, m: c.get('month') ?? 1, d: c.get('day') ?? 1 };
}

/** The precision a relative phrase's unit supports: "two months later" is a month, whatever day chrono computes. */
function relativePrecision(text: string, c: ParsedComponents): Precision | null {
  // A week is told as its days (a range), never as a month.
  if (/\b(hours?|minutes?|days?|weeks?|yesterday|tonight|tomorrow|morning|evening|afternoon|night)\b/i.test(text) || WEEKDAY.test(text))
    return 'day';
  if (/\bmonths?\b/i.test(text)) return 'month';
  if (/\byears?\b/i.test(text)) return 'year';
  return certainPrecision(c);
}

function certainPrecision(c: ParsedComponents): Precision | null {
  if (c.isCertain('day') && c.isCertain('month')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return null;
}

/** Nouns that make a weekday or a month before them part of a name: "the Good Friday Agreement", "the July Revolution". */
const NAME_HEADS = new RegExp(
  '^(?:Agreement|Accords?|Massacre|Revolution|Offensive|War|Uprising|Protests?|Movement|Declaration|Coalition|Plan|Group|' +
    'Crisis|Manifesto|Statement|Decree|Law|Act|Memorandum|Rising|Parade|Sales?|Deal)\\b',
);
/** Capitalised words that stand before a date without making it a name. */
const BEFORE_DATES = new RegExp(
  '^(?:On|Last|Next|This|Early|Late|Mid|Since|By|Until|Till|Every|Each|From|In|Of|At|During|Before|After|Through|And|Or|But|' +
    'Also|Earlier|Later|Then|Again|Only|Even|Just)$',
);

/**
 * A date-looking phrase inside a name, a title or a number: "the Good Friday Agreement", "the annual March for Life",
 * "the March on Washington", "This Week With David Brinkley", "12 3/4%".
 */
function insideNameOrNumber(text: string, r: ParsedResult, source: string): boolean {
  const before = source.slice(Math.max(0, r.index - 30), r.index);
  // After the words themselves: chrono's "Friday," keeps the comma that shows "Friday, Miami-Dade" is no name.
  const end = r.index + r.text.indexOf(text) + text.length;
  const after = source.slice(end, end + 30);
  if (/^\s*\d{1,2}\s+\d{1,2}\/\d{1,2}$/.test(text) || /\d\s+$/.test(before) || /^\s*(?:%|percent|per cent)/.test(after)) return true;
  if (/^\s*\p{Lu}/u.test(after.replace(/^['’]s\b/, '')) && NAME_HEADS.test(after.trim())) return true;
  const prev = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(before)?.[1];
  const mid = !/[.!?:"“]\s*$/.test(before.replace(/\p{Lu}[\p{L}-]*\s+$/u, '')) && before.trim().length > 0;
  if (prev && !BEFORE_DATES.test(prev) && mid && WEEKDAY.test(text) && /^\s*\p{Lu}/u.test(after)) return true;
  if (/^(?:March|May)$/.test(text) && /^\s+(?:for|on|of|to)\s+\p{Lu}/u.test(after)) return true;
  // Named days: "Black Monday", "Good Friday", "Super Tuesday", "Bloody Sunday".
  if (WEEKDAY.test(text) && /\b(?:Good|Black|Super|Cyber|Bloody|Ash|Palm|Holy|Maundy|Shrove|Easter|Fat|Blue|Giving)\s+$/.test(before))
    return true;
  // "This Week With David Brinkley": a week in title case is a programme's name.
  if (/^This Week\b/.test(text)) return true;
  return false;
}

const ORDINAL_DAY =
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|' +
  'sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|' +
  'thirtieth|thirty[- ]first)';
const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A day of the month in words, right beside its month: "March eighth", "the twenty-first of June". */
const SPELLED_DAY = new RegExp(String.raw`\b${MONTH_NAME}\s+(?:the\s+)?${ORDINAL_DAY}\b|\b${ORDINAL_DAY}\s+of\s+${MONTH_NAME}\b`, 'i');

/** "this year through August", "last year to Oct. 19": from the year's first day to a stated one, which chrono misreads. */
const YEAR_THROUGH = /^(this|last) year\s+(?:through|to|until|till)\s+(.+)$/i;

function yearThrough(r: ParsedResult, text: string, index: number): CalendarPhrase | null {
  const m = YEAR_THROUGH.exec(text);
  if (!m) return null;
  const y = r.refDate.getUTCFullYear() - (m[1]!.toLowerCase() === 'last' ? 1 : 0);
  const until = parser.parse(m[2]!, { instant: new Date(Date.UTC(y, 11, 31, 12)), timezone: 'UTC' }, { forwardDate: false })[0];
  const precision = until && until.text.length === m[2]!.length ? certainPrecision(until.start) : null;
  if (!until || !precision || until.start.isCertain('year')) return null;
  return {
    index,
    length: text.length,
    text,
    anchoring: 'publication',
    start: { y, m: 1, d: 1 },
    end: { ...ymd(until.start), y },
    precision,
    week: false,
  };
}

function classify(r: ParsedResult, source: string): CalendarPhrase | null {
  const text = r.text.trim().replace(/[\s,;:]+$/, '');
  const through = yearThrough(r, text, r.index + r.text.length - r.text.trimStart().length);
  if (through) return through;
  if (hasLowercaseMonth(text) || isBareNumeric(r) || isAmbiguousNumeric(r) || insideNameOrNumber(text, r, source)) return null;
  if (/^(now|today)$/i.test(text)) return null; // "today" in analysis usually means "nowadays"
  if (WINDOW.test(text)) return null;
  // "every Thursday", "each July": a habit, not a date.
  if (/\b(?:every|each)\s+$/i.test(source.slice(Math.max(0, r.index - 8), r.index)) || /^(?:every|each)\s/i.test(text)) return null;
  // "several years ago", "a few months later": no year or month to name.
  if (/\b(?:several|a few|few|many|some|a couple of|a number of)\s+(?:years|months|decades)\b/i.test(text)) return null;
  // chrono tags most relative results, but not "this month" or "this year": the words decide too.
  const relative = r.tags().has('result/relativeDate') || FROM_PUBLICATION.test(text);
  const onlyWeekday = r.start.isCertain('weekday') && !r.start.isCertain('month') && !relative;
  let anchoring: Anchoring;
  let precision: Precision | null;
  if (relative || onlyWeekday) {
    if (onlyWeekday && !WEEKDAY.test(text)) return null; // "Sun", "Wed": too short to trust
    if (FROM_PREVIOUS.test(text)) anchoring = 'previous';
    else if (FROM_PUBLICATION.test(text) || onlyWeekday) anchoring = 'publication';
    else return null; // "in three days", "within a week", "for two years": durations
    precision = relativePrecision(text, r.start);
  } else {
    precision = certainPrecision(r.start);
    // "the end of June" is a month: chrono's 30 June is more than the words say. A day spelled out beside its month
    // ("March eighth", "the first of May", as transcripts write them) is a day.
    if (precision === 'day' && !/\d/.test(text) && !SPELLED_DAY.test(text)) precision = 'month';
    anchoring = r.start.isCertain('year') || r.end?.isCertain('year') ? 'absolute' : 'yearless';
  }
  if (!precision) return null;
  const start = ymd(r.start);
  let end = r.end ? ymd(r.end) : null;
  if (end && r.end) precision = coarser(precision, certainPrecision(r.end) ?? precision);
  // "12 March-15 April 2023": the year is written once, at the end.
  if (end && r.end?.isCertain('year') && !r.start.isCertain('year')) start.y = end.y - (start.m > end.m ? 1 : 0);
  if (end && end.y === start.y && end.m === start.m && end.d === start.d) end = null;
  const index = r.index + r.text.length - r.text.trimStart().length;
  return { index, length: text.length, text, anchoring, start, end, precision, week: /\b(last|this|next) week\b/i.test(text) };
}

/** "between March and May 2024": a year-less month joined to a dated one shares its year and forms a range. */
function joinRanges(text: string, found: CalendarPhrase[]): CalendarPhrase[] {
  const out: CalendarPhrase[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    const gap = b ? text.slice(a.index + a.length, b.index) : '';
    if (
      b &&
      a.anchoring === 'yearless' &&
      b.anchoring === 'absolute' &&
      !a.end &&
      !b.end &&
      /^\s*(?:and|to|until|till|through|-|–|—)\s*$/.test(gap)
    ) {
      const precision = coarser(a.precision, b.precision);
      const startYear = a.start.m > b.start.m ? b.start.y - 1 : b.start.y;
      out.push({
        ...b,
        index: a.index,
        length: b.index + b.length - a.index,
        text: text.slice(a.index, b.index + b.length),
        start: { ...a.start, y: startYear },
        end: b.start,
        precision,
      });
      i++;
    } else out.push(a);
  }
  return out;
}

/** Calendar phrases in the text, computed against `reference` (relative ones are recomputed by the caller as needed). */
/** "a revision Friday to December's figures": chrono joins a weekday and a month into a range that means nothing. */
const WEEKDAY_TO = /^((?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(\s+(?:to|through|until|till)\s+)/i;

function parse(text: string, reference: Date, offset = 0): ParsedResult[] {
  const results = parser.parse(text, { instant: reference, timezone: 'UTC' }, { forwardDate: false });
  return results.flatMap((r) => {
    // The index is a plain field that chrono's typings mark read-only; halves are parsed apart and moved back.
    (r as { index: number }).index += offset;
    const joined = WEEKDAY_TO.exec(r.text);
    // "from Friday to December" is one span that means nothing: no date; "a revision Friday to December's figures" is two.
    // "Friday through Sunday" is a span chrono places badly: no date either.
    const span =
      joined &&
      (/\b(?:from|between)\s+$/i.test(text.slice(Math.max(0, r.index - offset - 9), r.index - offset)) ||
        WEEKDAY.test(r.text.slice(joined[0].length)));
    if (span) return [];
    if (!joined) return [r];
    // Each half read on its own: the weekday, and whatever follows "to".
    const start = r.index - offset;
    const rest = start + joined[0].length;
    return [
      ...parse(text.slice(start, start + joined[1]!.length), reference, offset + start),
      ...parse(text.slice(rest), reference, offset + rest).filter((x) => x.index < offset + start + r.text.length),
    ];
  });
}

export function findCalendarPhrases(text: string, reference: Date): CalendarPhrase[] {
  const results = parse(text, reference);
  return joinRanges(
    text,
    results.map((r) => classify(r, text)).filter((p): p is CalendarPhrase => p !== null),
  );
}
