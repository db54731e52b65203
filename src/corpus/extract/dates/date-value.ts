// A date as an article states it: a start, an optional end, and the precision
// the words support. Values are strings cut to that precision (YYYY, YYYY-MM
// or YYYY-MM-DD), so a month can never pass for its first day.

export type Precision = 'year' | 'month' | 'day';

export interface StatedDate {
  start: string;
  end: string | null;
  precision: Precision;
  /** Resolved from a relative phrase ("two months later", "last week"). */
  approximate: boolean;
  /** The words in the passage that state the date. */
  text: string;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

export function coarser(a: Precision, b: Precision): Precision {
  return RANK[a] <= RANK[b] ? a : b;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function cut(v: Ymd, precision: Precision): string {
  if (precision === 'year') return pad(v.y, 4);
  if (precision === 'month') return `${pad(v.y, 4)}-${pad(v.m)}`;
  return `${pad(v.y, 4)}-${pad(v.m)}-${pad(v.d)}`;
}

export function ymdOf(date: Date): Ymd {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function parseYmd(value: string): Ymd {
  const [y, m, d] = value.split('-').map(Number);
  return { y: y!, m: m ?? 1, d: d ?? 1 };
}

export function precisionOf(value: string): Precision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first day a value covers, as YYYY-MM-DD ("2024" -> "2024-01-01"). */
export function firstDay(value: string): string {
  return cut(parseYmd(value), 'day');
}

/** The last day a value covers, as YYYY-MM-DD ("2024-02" -> "2024-02-29"). */
export function lastDay(value: string): string {
  const p = precisionOf(value);
  const v = parseYmd(value);
  if (p === 'year') return `${pad(v.y, 4)}-12-31`;
  if (p === 'month') return cut({ ...v, d: daysInMonth(v.y, v.m) }, 'day');
  return value;
}

/** Valid calendar dates within the years news can talk about (chrono also reads "1BC"). */
export function isValidYmd(v: Ymd): boolean {
  return v.y >= 1000 && v.y <= 2999 && v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= daysInMonth(v.y, v.m);
}

/** Noon UTC on a YYYY-MM-DD day: a reference instant no time zone can shift to another day. */
export function noonUtc(value: string): Date {
  return new Date(`${firstDay(value)}T12:00:00Z`);
}
