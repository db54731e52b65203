// Publication dates as pages state them: absolute ("15-07-2025", "July 15, 2025",
// "2025-07-15T09:00:00Z") or relative to the moment the page was captured
// ("5 hours ago"). Relative ones resolve against the retrieval day and are
// marked approximate, because the capture time within that day is unknown.
import { monthIndex } from '../../text/months.js';

export interface PublishedDate {
  /** YYYY-MM-DD */
  date: string;
  approximate: boolean;
  /** The wording on the page, kept for relative dates. */
  text: string | null;
  /** The exact moment with its time zone, when the page declares one (2025-03-03T10:00:00+04:00). */
  at?: string | null;
}

function isoDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 June and friends
  return dt.toISOString().slice(0, 10);
}

/** An absolute publication date, or null if the text is not one. */
export function parsePublished(raw: string): PublishedDate | null {
  const s = raw.trim();
  // "2024-04-30T16:38:37+02:00", and as some sites write it, "2024-04-30 16:38:37 +02:00" (a space before the offset).
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([\d:.]+)\s?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    // The day is the one stated in the page's own zone: 2025-03-03T01:00+04:00 is the 3rd there.
    const day = absolute(isoDay(+m[1]!, +m[2]!, +m[3]!));
    if (day && m[4] && m[5]) day.at = `${s.slice(0, 10)}T${m[4]}${m[5] === 'Z' ? 'Z' : m[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    return day;
  }
  // The aggregator writes day-month-year; a first field above 12 cannot be a month,
  // and a second field above 12 means the page used month-day-year instead.
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s);
  if (m) {
    const a = +m[1]!,
      b = +m[2]!;
    return absolute(b > 12 ? isoDay(+m[3]!, a, b) : isoDay(+m[3]!, b, a));
  }
  const rfc = rfc822(s);
  if (rfc) return rfc;
  m = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (m && monthIndex(m[1]!) >= 0) return absolute(isoDay(+m[3]!, monthIndex(m[1]!) + 1, +m[2]!));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(s);
  if (m && monthIndex(m[2]!) >= 0) return absolute(isoDay(+m[3]!, monthIndex(m[2]!) + 1, +m[1]!));
  return null;
}

const ZONES: Record<string, string> = {
  GMT: 'Z',
  UT: 'Z',
  UTC: 'Z',
  Z: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  PST: '-08:00',
  PDT: '-07:00',
};

/** RSS dates: "Tue, 03 Mar 2025 10:00:00 +0400", "3 Mar 2025 10:00 GMT"; the day and zone are kept as stated. */
function rfc822(s: string): PublishedDate | null {
  const m =
    /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,3})?$/.exec(s);
  if (!m || monthIndex(m[2]!) < 0) return null;
  const day = absolute(isoDay(+m[3]!, monthIndex(m[2]!) + 1, +m[1]!));
  const zone = m[7] ? (/^[+-]/.test(m[7]) ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : ZONES[m[7]]) : undefined;
  if (day && zone) day.at = `${day.date}T${m[4]!.padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}${zone}`;
  return day;
}

function absolute(date: string | null): PublishedDate | null {
  return date ? { date, approximate: false, text: null } : null;
}

const UNIT_DAYS: Record<string, number> = { second: 0, minute: 0, hour: 0, day: 1, week: 7 };
const UNIT_NAMES: Record<string, string> = {
  second: 'second',
  sec: 'second',
  s: 'second',
  minute: 'minute',
  min: 'minute',
  m: 'minute',
  hour: 'hour',
  hr: 'hour',
  h: 'hour',
  day: 'day',
  d: 'day',
  week: 'week',
  wk: 'week',
  w: 'week',
  month: 'month',
  mo: 'month',
  year: 'year',
  yr: 'year',
  y: 'year',
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** A relative date ("6 days ago", "yesterday") resolved against the retrieval day. */
/** "3 hours ago", "an hour ago", "2d ago". */
const AGO = new RegExp(
  String.raw`^(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) ?` +
    '(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y) ago$',
);

export function parseRelativePublished(raw: string, retrieved: string): PublishedDate | null {
  const s = raw.trim().toLowerCase();
  const base = new Date(`${retrieved}T00:00:00Z`);
  if (Number.isNaN(base.getTime())) return null;
  let days: number | null = null;
  let months = 0;
  if (s === 'just now' || s === 'today') days = 0;
  else if (s === 'yesterday') days = 1;
  else {
    const m = AGO.exec(s);
    if (!m) return null;
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
    const unit = UNIT_NAMES[m[2]!.replace(/s$/, '')] ?? UNIT_NAMES[m[2]!]!;
    if (unit === 'month') months = n;
    else if (unit === 'year') months = 12 * n;
    else days = Math.floor(n * UNIT_DAYS[unit]!);
  }
  if (days !== null) base.setUTCDate(base.getUTCDate() - days);
  if (months) base.setUTCMonth(base.getUTCMonth() - months);
  return { date: base.toISOString().slice(0, 10), approximate: true, text: raw.trim() };
}

/** Either kind; what a page's date line may hold. */
export function parseDateLine(raw: string, retrieved: string): PublishedDate | null {
  return parsePublished(raw) ?? parseRelativePublished(raw, retrieved);
}
