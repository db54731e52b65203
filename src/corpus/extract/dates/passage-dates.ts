// Every date an article's passages state, resolved in reading order. Year-less
// dates take the year of the article's publication, biased to the past (news
// reports what happened); "last week" counts back from publication; "two
// months later" counts on from the date stated before it. Relative dates are
// marked approximate, and a phrase with nothing to resolve against is dropped.
import { findCalendarPhrases, type CalendarPhrase } from './calendar-phrases.js';
import { coarser, cut, isValidYmd, noonUtc, parseYmd, ymdOf, type Precision, type StatedDate, type Ymd } from './date-value.js';
import { findHolidayPhrases, type HolidayPhrase } from './holiday-phrases.js';
import { findPeriodPhrases, type PeriodPhrase } from './period-phrases.js';
import { findYearPhrases, type YearPhrase } from './year-phrases.js';

export interface DatedText {
  text: string;
  kind: 'body' | 'caption';
}

export interface Publication {
  /** YYYY-MM-DD, or null when the article gives no date. */
  published: string | null;
}

/** Cheap test that spares chrono the many passages with no date words at all. */
const MAY_HOLD_DATE = new RegExp(
  String.raw`\d|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|` +
    'ago|last|later|earlier|yesterday|next|this|previous|following|quarter|spring|summer|fall|autumn|winter|today|' +
    'tomorrow|tonight|eighteen|nineteen|twenty|thousand|Christmas|Thanksgiving|New Year|current year|same (?:day|month|year)|' +
    'that (?:very )?(?:day|month|year))',
  'i',
);

interface Context {
  published: Ymd | null;
  /** The last date the article stated outright, for a year-less date in an article with no date of its own. */
  previous: { value: Ymd; precision: Precision } | null;
  /**
   * The last date stated outright in this passage or the one before, for "two months later", "a year earlier", "the
   * next day". Only a stated date anchors: "a year earlier" three times over stays one year before the same date, and a
   * relative phrase with nothing stated just before it ("seven years later", "10 days before the murder", "deliver the
   * next day") gives no event rather than a guess.
   */
  anchor: { value: Ymd; precision: Precision; age: number } | null;
  /**
   * The last quarter stated outright, for earnings copy's "a year earlier", "a year ago" and "the year-ago quarter":
   * the same quarter a year before, not the whole year. It holds for a few passages.
   */
  period: { start: Ymd; end: Ymd; age: number } | null;
  /**
   * The year each year-less date took where the article first stated it: "the Jan. 14 deadline" after "should go home
   * by Jan. 14" is the same day, whatever the tense of the later sentence.
   */
  yearOf: Map<string, number>;
  /** The year each day was stated with ("Feb. 24, 2022"), for a later "the Feb. 24 invasion". */
  dayYears: Map<string, number>;
}

type Found = { index: number; length: number } & (
  | { type: 'year'; phrase: YearPhrase }
  | { type: 'calendar'; phrase: CalendarPhrase }
  | { type: 'period'; phrase: PeriodPhrase }
  | { type: 'holiday'; phrase: HolidayPhrase }
);

function dropOverlaps(found: Found[]): Found[] {
  const byLength = [...found].sort((a, b) => b.length - a.length);
  const kept: Found[] = [];
  for (const f of byLength) {
    if (!kept.some((k) => f.index < k.index + k.length && k.index < f.index + f.length)) kept.push(f);
  }
  return kept.sort((a, b) => a.index - b.index);
}

const after = (a: Ymd, b: Ymd, p: Precision) => cut(a, p) > cut(b, p);

function mondayOf(v: Ymd): Ymd {
  const d = new Date(Date.UTC(v.y, v.m - 1, v.d));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return ymdOf(d);
}

function plusDays(v: Ymd, days: number): Ymd {
  return ymdOf(new Date(Date.UTC(v.y, v.m - 1, v.d + days)));
}

function stated(start: Ymd, end: Ymd | null, precision: Precision, approximate: boolean, text: string): StatedDate | null {
  if (!isValidYmd(start) || (end && !isValidYmd(end))) return null;
  const s = cut(start, precision);
  const e = end ? cut(end, precision) : null;
  return { start: s, end: e && e !== s ? e : null, precision, approximate, text };
}

/**
 * Words that put a date ahead of the writing, in the date's own clause: "will testify Thursday", "takes effect Nov. 13",
 * "is scheduled to open on 3 March", "plans to leave on Thursday", "payable Dec. 1", "until March", "next". Only the
 * words near the date count: a future word elsewhere in the sentence ("…, and talks resume next month") does not make
 * "where the Aug. 7 blasts killed 257 people" a future date.
 */
const FUTURE = new RegExp(
  String.raw`\b(will|won't|'ll|shall|must|should|would|could|might|` +
    String.raw`(?:is|are|was|were) (?:due|set|scheduled|expected|planned|slated|to)\b|` +
    // "planned a rally on Saturday", "is planning talks in March": a plan, whatever the tense it is told in.
    'plans? to|planned|planning|intends? to|intended to|aims? to|hopes? to|hoped to|expects? to|supposed to|' +
    'due|scheduled|slated|upcoming|coming|' +
    'takes? effect|goes? into effect|effective|payable|expires?|until|till|begins?|starts?|opens?|resumes?|deadline|' +
    // A new end or a plan names a day still to come: "was extended to Nov. 16", "is planned for early March".
    '(?:extended|postponed|delayed|deferred|adjourned|pushed back|moved) (?:to|until|till|through)|' +
    '(?:planned|set|scheduled|slated|due|expected|earmarked) for|' +
    String.raw`meets?|convenes?|later this)\b`,
  'i',
);
/** Words that keep a date in the past, in the same clause: "said on Thursday", "last", "ago", "was held on". */
const PAST = new RegExp(
  '^(said|says|told|announced|reported|was|were|had|did|held|ago|last|earlier|previous|since|yesterday|' +
    'fell|began|came|went|took|gave|met|left|made|won|lost|saw|sent|struck|rose|spoke|wrote|broke|brought|bought|' +
    'fought|caught|became|ran|shot|kept|led|paid|sold|stood|drew|flew|grew|knew|threw|chose|froze|stole|fled|' +
    'sank|swore|woke|sought|found|built|felt|heard|hung|lay|meant|sat|slept|spent|won|wound)$|^[a-z]{2,}[^e]ed$',
  'i',
);
/** A word with its punctuation taken off, for the tests above. */
const bare = (w: string) => w.replace(/^[^\p{L}]+|[^\p{L}']+$/gu, '');
/** The `n` words after `before[i]`, their punctuation taken off. */
const wordsAfter = (before: string[], i: number, n: number) =>
  before
    .slice(i + 1, i + 1 + n)
    .map(bare)
    .join(' ');
/** Words a clause starts with: the date's clause goes back no further than one of them. */
const CLAUSE_START = /^(where|which|who|whom|whose|that|when|while|because|although|though|since|after|before|whereas)$/i;
/** How many words before a date (and after it) make its clause. */
const CLAUSE_BEFORE = 10;
const CLAUSE_AFTER = 3;

/** 'deadline': "by February" with no verb to tell; the coming one unless it is half a year off or just passed. */
type Direction = 'ahead' | 'behind' | 'unsaid' | 'deadline';

/** Where a date's own clause points: ahead (a future word nearest), behind (a past word nearest), or it does not say. */
/** Full stops that end an abbreviation, not a sentence: "Jan. 3", "Mr. Smith", "U.S. troops". */
const ABBREVIATED =
  /(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|Gen|Sen|Rep|Gov|Inc|Corp|Co|Ltd|Jr|Sr)|\b\p{Lu})\.$/u;

/** Where the sentence holding `index` starts: after the last sentence end before it (not an abbreviation's stop). */
function sentenceStartOf(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ';' || c === '!' || c === '?') return i + 1;
    if (c === '.' && !ABBREVIATED.test(text.slice(Math.max(0, i - 6), i + 1))) return i + 1;
  }
  return 0;
}

/**
 * "until Tuesday", "till March": ahead, unless it is "not until" ("it was not until Tuesday that …") or the clause
 * goes on in the past ("Until Thursday, they had not called him a suspect").
 */
const UNTIL = /^(?:until|till)$/i;
/** A plan in the past perfect: "had been due to expire", "had been scheduled for". */
const PLAN_WAS_OVER = /^(?:.* )?had (?:been )?(?:due|scheduled|set|expected|supposed|slated|planned|meant|going)\b/i;
/** What follows "could" when someone was sought and (not) found: "not be reached", "be located". */
const COULD_BE_REACHED = /^(?:not )?be (?:reached|located|found|contacted)\b/i;
/** Words a sentence opens with before its date: "On Tuesday, the league plans to …" takes its verb from after the date. */
const OPENER = /^(?:on|by|from|in|at|since|until|till|early|late|last|this|next|and|but)$/i;
/** How many words after a date that opens its sentence make its clause. */
const OPENING_CLAUSE_AFTER = 12;

function direction(text: string, index: number, length: number): Direction {
  const sentenceStart = sentenceStartOf(text, index);
  const before = text.slice(sentenceStart, index).split(/\s+/).filter(Boolean).slice(-CLAUSE_BEFORE);
  const rest = text
    .slice(index + length)
    .split(/[.;!?]/)[0]!
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  const opens = before.every((w) => OPENER.test(bare(w)));
  const after = rest.slice(0, opens ? OPENING_CLAUSE_AFTER : CLAUSE_AFTER + 1);
  const wordsAt = (from: number, to: number) => before.slice(from, to).map(bare).join(' ');
  const pastAfter = () => after.some((w) => PAST.test(bare(w)) && !/^(?:said|says|told)$/i.test(bare(w)));
  // The nearest telling word before the date decides, within its own clause ("…, where the Aug. 7 blasts": the
  // clause starts at "where"); then the words right after it ("Nov. 13 will mark …").
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before.slice(i, i + 2).join(' ');
    const previous = bare(before[i - 1] ?? '');
    // News's "could not be reached for comment Wednesday", "could be located Monday": someone sought then, not a plan.
    if (/^(?:could|couldn't)$/i.test(bare(before[i]!)) && COULD_BE_REACHED.test(wordsAfter(before, i, 3))) return 'behind';
    // A future word first: "scheduled", "expected" end in -ed too.
    if (FUTURE.test(before[i]!) || FUTURE.test(w)) {
      if (UNTIL.test(bare(before[i]!)) && (/^not$/i.test(previous) || pastAfter())) return 'behind';
      // "A service planned for Saturday was canceled": the plan is told as past.
      // "It had been due to expire Friday": a plan told in the past perfect may be over or still to come ("had been
      // set to expire Nov. 6", four days ahead): the clause does not say.
      if (
        PLAN_WAS_OVER.test(
          before
            .slice(Math.max(0, i - 4), i + 1)
            .map(bare)
            .join(' '),
        )
      )
        return 'unsaid';
      if (/^planned$/i.test(bare(before[i]!)) && PAST.test(bare(after.find((w) => !/^(?:on|at|in)$/i.test(bare(w))) ?? '')))
        return 'behind';
      return 'ahead';
    }
    // A participle after "be" ("must be returned", "is to be held") or after "is" ("when the case is heard in May") is
    // not a past tense.
    if (PLAN_WAS_OVER.test(wordsAt(i, i + 3))) return 'unsaid';
    if (PAST.test(bare(before[i]!)) && !/^(?:be|being|to|is|are)$/i.test(previous)) return 'behind';
    if (CLAUSE_START.test(before[i]!) || /[,:—–]$/.test(before[i]!)) break;
  }
  // A date that opens its sentence takes the first telling word of the clause after it; otherwise "will" right after.
  for (const [i, w] of (opens ? after : []).entries()) {
    // "On Friday, the government planned to pay …", "On Tuesday, the council was to vote": the opening date is when
    // the plan was told, in the past.
    if (/^(?:planned|was|were|had)$/i.test(bare(w))) return 'behind';
    const next = bare(after[i + 1] ?? '');
    // A pair counts for what it makes ("is to"), not for a future word it ends with: that word is read next.
    if (FUTURE.test(bare(w)) || (FUTURE.test(`${bare(w)} ${next}`) && !FUTURE.test(next))) return 'ahead';
    if (PAST.test(bare(w))) return 'behind';
  }
  if (after.some((w) => /^(will|won't|'ll|shall)$/i.test(w))) return 'ahead';
  if (after.some((w) => PAST.test(bare(w)))) return 'behind';
  // "to pay down the loan by February": a deadline, when no verb says it has passed ("had doubled by June").
  return /^by$/i.test(before.at(-1) ?? '') ? 'deadline' : 'unsaid';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** How many passages after a stated quarter "a year earlier" still means the quarter a year before. */
const QUARTER_PASSAGES = 6;
/** A year-less date this close ahead of publication is the coming one when its clause does not say. */
const SOON_DAYS = 60;
/** A deadline ("by February") this close ahead is the coming one. */
const DEADLINE_DAYS = 183;
/** Days from one date to another (negative when it is before). */
const daysBetween = (a: Ymd, b: Ymd) => (Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000;

/** The end of a year-less span in the start's year, or the next one when it comes round ("10 July - 12 March"). */
function spanEnd(p: CalendarPhrase, startYear: number): Ymd | null {
  if (!p.end) return null;
  const end = { ...p.end, y: startYear };
  return after(p.start, { ...end, y: p.start.y }, p.precision) ? { ...end, y: startYear + 1 } : end;
}

/** Words after a date that do not make it a noun's modifier ("the March 3 of that year", "the 15 July when"). */
const NOT_A_NOUN =
  /^(?:of|to|in|at|on|and|or|but|when|that|which|was|is|were|are|will|had|has|have|by|for|from|with|after|before|as|until)$/;

/**
 * "the Feb. 24 invasion", "the July 15 coup attempt", "the Oct. 23 sniper shooting": a year-less day used as the name
 * of an event. Its year is the event's, which the article's date does not give.
 */
function namesAnEvent(p: CalendarPhrase, text: string, at: { index: number; length: number }): boolean {
  if (p.precision !== 'day' || p.end) return false;
  const before = text.slice(Math.max(0, at.index - 12), at.index);
  const next = /^\s+([a-z][a-z-]*)/.exec(text.slice(at.index + at.length))?.[1];
  return /\b(?:the|its|their|his|her|this|last|that)\s+$/i.test(before) && next !== undefined && !NOT_A_NOUN.test(next);
}

/** Days either side of publication within which an event named by its day is this season's, not a past year's. */
const NAMED_EVENT_DAYS = 60;
/** A sentence that looks back to a day's anniversary names a day of an earlier year. */
const ANNIVERSARY = /\b(?:anniversary|anniversaries|commemorat\w*|remembrance|memorial)\b/i;

/**
 * The year of an event named by its day: the year the article stated for that day, else the nearest such day when it
 * lies within weeks of publication ("the Aug. 7 blasts" in a report of 21 August, "the Jan. 14 deadline"), else none:
 * "the July 15 coup attempt" in a paper of any later year is not that year's.
 */
function resolveEventName(p: CalendarPhrase, text: string, ctx: Context): StatedDate | null {
  const key = `${p.start.m}-${p.start.d}`;
  const year = ctx.dayYears.get(key) ?? ctx.yearOf.get(`day:${key}:`);
  if (year !== undefined) return stated({ ...p.start, y: year }, null, 'day', false, p.text);
  const pub = ctx.published;
  if (!pub || ANNIVERSARY.test(text)) return null;
  const near = [pub.y - 1, pub.y, pub.y + 1].map((y) => ({ ...p.start, y })).find((d) => Math.abs(daysBetween(pub, d)) <= NAMED_EVENT_DAYS);
  return near ? stated(near, null, 'day', false, p.text) : null;
}

function resolveYearless(p: CalendarPhrase, ctx: Context, way: Direction): StatedDate | null {
  const key = `${p.precision}:${p.start.m}-${p.start.d}:${p.end ? `${p.end.m}-${p.end.d}` : ''}`;
  const told = ctx.yearOf.get(key);
  // A month named again with a tense of its own may be another year's: "to pay the loan by February", then "since
  // KKR bought RJR in February".
  if (told !== undefined && (p.precision === 'day' || way === 'unsaid' || way === 'deadline'))
    return stated({ ...p.start, y: told }, spanEnd(p, told), p.precision, false, p.text);
  const date = placeYearless(p, ctx, way);
  if (date) ctx.yearOf.set(key, Number(date.start.slice(0, 4)));
  return date;
}

function placeYearless(p: CalendarPhrase, ctx: Context, way: Direction): StatedDate | null {
  if (ctx.published) {
    const pub = ctx.published;
    const start = { ...p.start, y: pub.y };
    if (way === 'ahead') {
      if (after(pub, start, p.precision)) start.y += 1;
    } else if (way === 'behind') {
      if (after(start, pub, p.precision)) start.y -= 1;
    } else {
      // The clause does not say: news reports what happened, so the past one, unless the date is only weeks ahead
      // ("Jan. 14" in a paper of 6 January is next week, not last year; "March" in one of October is last March).
      if (after(start, pub, p.precision)) start.y -= 1;
      const ahead = { ...start, y: start.y + 1 };
      if (daysBetween(pub, ahead) <= (way === 'deadline' ? DEADLINE_DAYS : SOON_DAYS)) start.y = ahead.y;
    }
    // "Saturday, April 25": the calendar settles the year, the nearest one in which that day is that weekday.
    const weekday = p.precision === 'day' ? WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}`, 'i').test(p.text)) : -1;
    if (weekday >= 0) {
      const fits = [pub.y, pub.y - 1, pub.y + 1].find((y) => new Date(Date.UTC(y, start.m - 1, start.d)).getUTCDay() === weekday);
      if (fits !== undefined) start.y = fits;
    }
    // A span told of in the past has ended: "lasted from 10 July to 12 March", written in August, ended last March.
    const end = spanEnd(p, start.y);
    if (end && way !== 'ahead' && end.y > start.y && daysBetween(pub, end) > SOON_DAYS) start.y -= 1;
    return stated(start, spanEnd(p, start.y), p.precision, false, p.text);
  }
  // No publication date: the year of the date stated before it, if any, and say it is a guess.
  if (!ctx.previous) return null;
  const start = { ...p.start, y: ctx.previous.value.y };
  return stated(start, spanEnd(p, start.y), p.precision, true, p.text);
}

/** "this week", "last week", "next week": the Monday-to-Sunday week, counted from the publication's own week. */
const WEEK_OFFSET: Record<string, number> = { this: 0, last: -7, previous: -7, past: -7, next: 7, coming: 7 };
/** "this month", "last month", "next month": the calendar month, counted from the publication's. */
const MONTH_OFFSET: Record<string, number> = { this: 0, last: -1, previous: -1, past: -1, next: 1, coming: 1 };

function resolvePublication(p: CalendarPhrase, ctx: Context, ahead: boolean): StatedDate | null {
  if (!ctx.published) return null;
  const pub = ctx.published;
  const week = /\b(this|last|previous|past|next|coming) week\b/i.exec(p.text);
  if (week) {
    // Written on a Sunday, "last week" is the week that is ending (Monday to Saturday just past).
    const sunday = new Date(Date.UTC(pub.y, pub.m - 1, pub.d)).getUTCDay() === 0;
    const offset = WEEK_OFFSET[week[1]!.toLowerCase()]!;
    const monday = plusDays(mondayOf(pub), sunday && offset < 0 ? 0 : offset);
    return stated(monday, plusDays(monday, 6), 'day', true, p.text);
  }
  const month = /^(?:the\s+)?(this|last|previous|past|next|coming) month$/i.exec(p.text);
  if (month) {
    const first = new Date(Date.UTC(pub.y, pub.m - 1 + MONTH_OFFSET[month[1]!.toLowerCase()]!, 1));
    return stated(ymdOf(first), null, 'month', true, p.text);
  }
  let start = p.start;
  // A bare weekday is the nearest one on the side its clause points to: "said on Monday" the last, "will meet on
  // Monday" the next. chrono gives one in the publication's week.
  // "next Tuesday", "tomorrow": the words say the side, whatever the tense; chrono has placed them.
  if (/\b(?:next|coming|last|tomorrow|yesterday|tonight)\b/i.test(p.text)) return stated(start, p.end, p.precision, true, p.text);
  if (WEEKDAY_ONLY.test(p.text.trim())) {
    if (ahead) {
      // "will testify Thursday" written on a Thursday is next week's: today's would be "today".
      if (cut(start, 'day') <= cut(pub, 'day')) start = plusDays(start, 7);
    } else if (cut(start, 'day') > cut(pub, 'day')) start = plusDays(start, -7);
  } else if (cut(start, 'day') > cut(pub, 'day') && !ahead) start = plusDays(start, -7);
  return stated(start, p.end, p.precision, true, p.text);
}

const WEEKDAY_ONLY =
  /^(?:(?:on|last|this|next|coming)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?$/i;

/** "a year earlier", "two years later": whole years from a stated day land on that day's date, as year-ago figures do. */
const WHOLE_YEARS = /^(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) years? (?:earlier|later|before|after)$/i;
/**
 * "in the weeks before the shooting", "10 days after his arrest": counted from an event the text names, not from the
 * date it stated last, so there is nothing to count from.
 */
const BEFORE_AN_EVENT = /\b(?:before|after)$/i;

function resolvePrevious(p: CalendarPhrase, text: string, ctx: Context): StatedDate | null {
  if (!ctx.anchor) return null;
  if (BEFORE_AN_EVENT.test(p.text) && /^\s+[\p{L}\d]/u.test(text.slice(p.index + p.length))) return null;
  const again = findCalendarPhrases(p.text, noonUtc(cut(ctx.anchor.value, 'day')))[0];
  if (!again) return null;
  const precision = WHOLE_YEARS.test(p.text.trim()) ? ctx.anchor.precision : coarser(again.precision, ctx.anchor.precision);
  return stated(again.start, again.end, precision, true, p.text);
}

const monthsEnd = (y: number, m: number): Ymd => ({ y, m, d: new Date(Date.UTC(y, m, 0)).getUTCDate() });

/** A quarter or a season as a range of months, a year-less one placed as a year-less date is; news style's "today". */
/** "have been demonstrating today", "the prices we're seeing today": an action under way on the day of the report. */
const PROGRESSIVE =
  /\b(?!(?:during|morning|evening|nothing|something|anything|everything|thing|king|spring|string|bring)\s)\p{L}{3,}ing\s+$/iu;

function resolvePeriod(p: PeriodPhrase, text: string, ctx: Context): StatedDate | null {
  const pub = ctx.published;
  if (p.anchor === 'year-ago') return yearBefore(ctx, p.text);
  if (p.anchor === 'reported') return reportedQuarter(p, ctx);
  if (p.anchor === 'stated') return statedUnit(p, ctx);
  if (p.anchor === 'today') {
    // "said today", "will meet today": the day of publication; "Today, the region is …" means nowadays.
    const told = direction(text, p.index, p.length) !== 'unsaid' || PROGRESSIVE.test(text.slice(Math.max(0, p.index - 30), p.index));
    return pub && told ? stated(pub, null, 'day', true, p.text) : null;
  }
  const [a, b] = p.months!;
  const range = (y: number) => ({ start: { y, m: a, d: 1 }, end: monthsEnd(b < a ? y + 1 : y, b) });
  if (p.anchor === 'absolute') {
    const r = range(p.year!);
    return stated(r.start, r.end, 'month', false, p.text);
  }
  if (!pub) return null;
  if (p.anchor === 'publication-year') {
    const r = range(pub.y + p.year!);
    // "the current year" is the year, not its twelve months.
    return a === 1 && b === 12 ? stated(r.start, null, 'year', false, p.text) : stated(r.start, r.end, 'month', false, p.text);
  }
  if (p.anchor === 'yearless') {
    const phrase = {
      ...p,
      start: { y: 0, m: a, d: 1 },
      end: { y: 0, m: b, d: 1 },
      precision: 'month' as const,
    } as unknown as CalendarPhrase;
    // A quarter is reported once it has begun: "will report its third-quarter results" is this year's third quarter,
    // whatever tense the reporting is in. A season's clause decides, as a month's does.
    const quarter = /quarter/i.test(p.text);
    return resolveYearless(phrase, ctx, quarter ? 'behind' : direction(text, p.index, p.length));
  }
  const pubMonth = cut(pub, 'month');
  let y = a > b && pub.m <= b ? pub.y - 1 : pub.y; // this winter, in January, began last December
  if (p.anchor === 'last') while (cut(range(y).end, 'month') >= pubMonth) y--;
  if (p.anchor === 'next') while (cut(range(y).start, 'month') <= pubMonth) y++;
  const r = range(y);
  return stated(r.start, r.end, 'month', true, p.text);
}

/** The reported quarter a year before, when the text has just stated one. */
function yearBefore(ctx: Context, text: string): StatedDate | null {
  if (!ctx.period) return null;
  ctx.period.age = 0;
  const { start, end } = ctx.period;
  return stated({ ...start, y: start.y - 1 }, { ...end, y: end.y - 1 }, 'month', true, text);
}

/**
 * "in the quarter", "that quarter": the quarter the text reports, which it keeps in mind for as long as it goes on
 * speaking of it; "the 1989 period" is that quarter in 1989, or the year alone where no quarter was stated.
 */
function reportedQuarter(p: PeriodPhrase, ctx: Context): StatedDate | null {
  if (!ctx.period) return p.year === null ? null : stated({ y: p.year, m: 1, d: 1 }, null, 'year', false, p.text);
  ctx.period.age = 0;
  const { start, end } = ctx.period;
  const shift = p.year === null ? 0 : p.year - start.y;
  return stated({ ...start, y: start.y + shift }, { ...end, y: end.y + shift }, 'month', p.year === null, p.text);
}

/** A holiday on its day in the year stated, or in the year a year-less date on that day would take. */
function resolveHoliday(p: HolidayPhrase, text: string, ctx: Context): StatedDate | null {
  if (p.year !== null) return stated(p.dayIn(p.year), null, 'day', false, p.text);
  const around = ctx.published?.y ?? ctx.previous?.value.y;
  if (around === undefined) return null;
  const day = p.dayIn(around);
  // Without its words: "Easter Sunday" must not pick the year in which that date is a Sunday.
  const phrase = { ...p, text: '', anchoring: 'yearless', start: day, end: null, precision: 'day', week: false } satisfies CalendarPhrase;
  const placed = resolveYearless(phrase, ctx, direction(text, p.index, p.length));
  return placed && stated(p.dayIn(Number(placed.start.slice(0, 4))), null, 'day', placed.approximate, p.text);
}

const FINENESS: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/** "later that year", "earlier that day": the date just stated, at the unit named, when it was stated that finely. */
function statedUnit(p: PeriodPhrase, ctx: Context): StatedDate | null {
  if (!ctx.anchor || FINENESS[ctx.anchor.precision] < FINENESS[p.unit!]) return null;
  return stated(ctx.anchor.value, null, p.unit!, false, p.text);
}

const PREVIOUS_WEEKDAY = /\bthe\s+(?:previous|preceding|prior)\s+$/i;
const A_YEAR_BACK = /^(?:a|one) year (?:earlier|ago|before)$/i;

function resolve(f: Found, text: string, ctx: Context): StatedDate | null {
  const words = text.slice(f.index, f.index + f.length);
  if (f.type === 'period') return resolvePeriod(f.phrase, text, ctx);
  if (f.type === 'holiday') return resolveHoliday(f.phrase, text, ctx);
  if (f.type === 'year') {
    const { start, end } = f.phrase;
    return stated({ y: start, m: 1, d: 1 }, end === null ? null : { y: end, m: 1, d: 1 }, 'year', false, words);
  }
  const p = f.phrase;
  // Earnings copy: "net income rose from $3 million a year earlier" is the year-ago quarter when a quarter was just stated.
  if (ctx.period && A_YEAR_BACK.test(p.text.trim())) return yearBefore(ctx, words);
  switch (p.anchoring) {
    case 'absolute':
      if (p.precision === 'day' && !p.end) ctx.dayYears.set(`${p.start.m}-${p.start.d}`, p.start.y);
      return stated(p.start, p.end, p.precision, false, words);
    case 'yearless':
      if (namesAnEvent(p, text, f)) return resolveEventName(p, text, ctx);
      return resolveYearless(p, ctx, direction(text, f.index, f.length));
    case 'publication':
      // "down from the previous Friday": the one before the last.
      if (PREVIOUS_WEEKDAY.test(text.slice(Math.max(0, f.index - 20), f.index)) && WEEKDAY_ONLY.test(p.text)) {
        const last = resolvePublication(p, ctx, false);
        return last && stated(plusDays(parseYmd(last.start), -7), null, 'day', true, words);
      }
      return resolvePublication(p, ctx, direction(text, f.index, f.length) === 'ahead');
    case 'previous':
      return resolvePrevious(p, text, ctx);
  }
}

function datesOf(passage: DatedText, ctx: Context, reference: Date): StatedDate[] {
  // A date anchors its own passage and the next one, no further.
  ctx.anchor = ctx.anchor && ctx.anchor.age < 1 ? { ...ctx.anchor, age: ctx.anchor.age + 1 } : null;
  ctx.period = ctx.period && ctx.period.age < QUARTER_PASSAGES ? { ...ctx.period, age: ctx.period.age + 1 } : null;
  if (!MAY_HOLD_DATE.test(passage.text)) return [];
  const found: Found[] = [
    ...findYearPhrases(passage.text).map((phrase): Found => ({ index: phrase.index, length: phrase.length, type: 'year', phrase })),
    ...findCalendarPhrases(passage.text, reference).map(
      (phrase): Found => ({ index: phrase.index, length: phrase.length, type: 'calendar', phrase }),
    ),
    ...findPeriodPhrases(passage.text).map((phrase): Found => ({ index: phrase.index, length: phrase.length, type: 'period', phrase })),
    ...findHolidayPhrases(passage.text).map((phrase): Found => ({ index: phrase.index, length: phrase.length, type: 'holiday', phrase })),
  ];
  const out: StatedDate[] = [];
  for (const f of dropOverlaps(found)) {
    const date = resolve(f, passage.text, ctx);
    if (!date) continue;
    // The same date stated twice in one passage is one event.
    if (out.some((d) => d.start === date.start && d.end === date.end && d.precision === date.precision)) continue;
    out.push(date);
    // A photo's date says when the picture was taken, not where the story is; "later" in the text does not count from it.
    // Only a date stated outright anchors what follows (see Context).
    const outright =
      f.type === 'year' ||
      (f.type === 'holiday' && f.phrase.year !== null) ||
      (f.type === 'calendar' && (f.phrase.anchoring === 'absolute' || f.phrase.anchoring === 'yearless')) ||
      (f.type === 'period' && ['absolute', 'yearless', 'publication-year'].includes(f.phrase.anchor));
    if (passage.kind === 'body' && outright) {
      ctx.previous = { value: parseYmd(date.end ?? date.start), precision: date.precision };
      ctx.anchor = { ...ctx.previous, age: 0 };
      if (f.type === 'period' && /quarter/i.test(f.phrase.text) && date.end) {
        // The latest quarter stated is the one reported; an earlier one ("after a flat second quarter", "in the third
        // quarter of 1984") is compared with it and does not take its place.
        if (!ctx.period || date.start >= cut(ctx.period.start, 'month'))
          ctx.period = { start: parseYmd(date.start), end: parseYmd(date.end), age: 0 };
      }
    }
  }
  return out;
}

/** The dates each passage states, in the order given (the article's reading order). */
export function articleDates(passages: DatedText[], article: Publication): StatedDate[][] {
  const ctx: Context = {
    published: article.published ? parseYmd(article.published) : null,
    previous: null,
    anchor: null,
    period: null,
    yearOf: new Map(),
    dayYears: new Map(),
  };
  // Without a publication date chrono still needs an instant; phrases that depend on it are dropped in resolve().
  const reference = article.published ? noonUtc(article.published) : new Date(Date.UTC(2000, 0, 1, 12));
  return passages.map((p) => datesOf(p, ctx, reference));
}
