// Every date an article's passages state, resolved in reading order. Year-less
// dates take the year of the article's publication, biased to the past (news
// reports what happened); "last week" counts back from publication; "two
// months later" counts on from the date stated before it. Relative dates are
// marked approximate, and a phrase with nothing to resolve against is dropped.
import { findCalendarPhrases, type CalendarPhrase } from './calendar-phrases.js';
import { coarser, cut, isValidYmd, noonUtc, parseYmd, ymdOf, type Precision, type StatedDate, type Ymd } from './date-value.js';
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
    'ago|last|later|earlier|yesterday|next|this|previous|following)',
  'i',
);

interface Context {
  published: Ymd | null;
  /** The last date stated so far, for "two months later". */
  previous: { value: Ymd; precision: Precision } | null;
}

type Found = { index: number; length: number } & ({ type: 'year'; phrase: YearPhrase } | { type: 'calendar'; phrase: CalendarPhrase });

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

/** Words that put a date ahead of the writing: "is due to open on 3 March", "talks will resume in May". */
const FUTURE = /\b(will|shall|due to|(?:is|are) (?:planned|scheduled|expected|set) (?:to|for)|planned for|scheduled for|upcoming|next)\b/i;

function resolveYearless(p: CalendarPhrase, ctx: Context, future: boolean): StatedDate | null {
  if (ctx.published) {
    const pub = ctx.published;
    const start = { ...p.start, y: pub.y };
    // News reports what happened: a date after publication is last year's, unless the sentence looks ahead.
    if (future) {
      if (after(pub, start, p.precision)) start.y += 1;
    } else if (after(start, pub, p.precision)) start.y -= 1;
    const end = p.end ? { ...p.end, y: start.y + (p.end.m < p.start.m ? 1 : 0) } : null;
    return stated(start, end, p.precision, false, p.text);
  }
  // No publication date: the year of the date stated before it, if any, and say it is a guess.
  if (!ctx.previous) return null;
  const start = { ...p.start, y: ctx.previous.value.y };
  return stated(start, p.end ? { ...p.end, y: start.y } : null, p.precision, true, p.text);
}

function resolvePublication(p: CalendarPhrase, ctx: Context): StatedDate | null {
  if (!ctx.published) return null;
  let start = p.start;
  if (cut(start, 'day') > cut(ctx.published, 'day')) start = plusDays(start, -7); // "on Monday" is the last Monday
  if (p.week) {
    const monday = mondayOf(start);
    return stated(monday, plusDays(monday, 6), 'day', true, p.text);
  }
  return stated(start, p.end, p.precision, true, p.text);
}

function resolvePrevious(p: CalendarPhrase, ctx: Context): StatedDate | null {
  if (!ctx.previous) return null;
  const again = findCalendarPhrases(p.text, noonUtc(cut(ctx.previous.value, 'day')))[0];
  if (!again) return null;
  return stated(again.start, again.end, coarser(again.precision, ctx.previous.precision), true, p.text);
}

function resolve(f: Found, text: string, ctx: Context): StatedDate | null {
  const words = text.slice(f.index, f.index + f.length);
  if (f.type === 'year') {
    const { start, end } = f.phrase;
    return stated({ y: start, m: 1, d: 1 }, end === null ? null : { y: end, m: 1, d: 1 }, 'year', false, words);
  }
  const p = f.phrase;
  switch (p.anchoring) {
    case 'absolute':
      return stated(p.start, p.end, p.precision, false, words);
    case 'yearless':
      return resolveYearless(p, ctx, FUTURE.test(text));
    case 'publication':
      return resolvePublication(p, ctx);
    case 'previous':
      return resolvePrevious(p, ctx);
  }
}

function datesOf(passage: DatedText, ctx: Context, reference: Date): StatedDate[] {
  if (!MAY_HOLD_DATE.test(passage.text)) return [];
  const found: Found[] = [
    ...findYearPhrases(passage.text).map((phrase): Found => ({ index: phrase.index, length: phrase.length, type: 'year', phrase })),
    ...findCalendarPhrases(passage.text, reference).map(
      (phrase): Found => ({ index: phrase.index, length: phrase.length, type: 'calendar', phrase }),
    ),
  ];
  const out: StatedDate[] = [];
  for (const f of dropOverlaps(found)) {
    const date = resolve(f, passage.text, ctx);
    if (!date) continue;
    // The same date stated twice in one passage is one event.
    if (out.some((d) => d.start === date.start && d.end === date.end && d.precision === date.precision)) continue;
    out.push(date);
    // A photo's date says when the picture was taken, not where the story is; "later" in the text does not count from it.
    if (passage.kind === 'body') ctx.previous = { value: parseYmd(date.end ?? date.start), precision: date.precision };
  }
  return out;
}

/** The dates each passage states, in the order given (the article's reading order). */
export function articleDates(passages: DatedText[], article: Publication): StatedDate[][] {
  const ctx: Context = { published: article.published ? parseYmd(article.published) : null, previous: null };
  // Without a publication date chrono still needs an instant; phrases that depend on it are dropped in resolve().
  const reference = article.published ? noonUtc(article.published) : new Date(Date.UTC(2000, 0, 1, 12));
  return passages.map((p) => datesOf(p, ctx, reference));
}
