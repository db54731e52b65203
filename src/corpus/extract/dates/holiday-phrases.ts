// Holidays that fall on one day everywhere English news names them: "on
// Christmas Day", "Thanksgiving", "New Year's Eve", "Easter Sunday". chrono
// reads none of them. A holiday whose day differs from country to country
// ("Independence Day", "Victory Day", "Election Day") is left alone: a guess
// would be a false date. A year-less one takes its year as a year-less date does.
import type { Ymd } from './date-value.js';

export interface HolidayPhrase {
  index: number;
  length: number;
  text: string;
  /** The stated year, or null when the article's date must place it. */
  year: number | null;
  /** The holiday's day in a given year. */
  dayIn: (year: number) => Ymd;
}

const fixed = (m: number, d: number) => (y: number) => ({ y, m, d });

/** The fourth Thursday of November: the United States' Thanksgiving. */
function thanksgiving(y: number): Ymd {
  const first = new Date(Date.UTC(y, 10, 1)).getUTCDay();
  return { y, m: 11, d: 1 + ((4 - first + 7) % 7) + 21 };
}

/** Western Easter Sunday (the anonymous Gregorian computus). */
function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

const HOLIDAYS: [RegExp, (y: number) => Ymd][] = [
  [/\bOrthodox Christmas(?: Day)?\b/, fixed(1, 7)],
  [/\bChristmas Eve\b/, fixed(12, 24)],
  // "Christmas" alone is often the season ("Christmas shopping", "over Christmas"): only the day itself.
  [/\bChristmas Day\b/, fixed(12, 25)],
  [/\bNew Year['’]s Eve\b/, fixed(12, 31)],
  [/\bNew Year['’]s Day\b/, fixed(1, 1)],
  [/\bThanksgiving(?: Day)?\b(?! (?:weekend|week|holiday|dinner|turkey|parade|travel|season)\b)/, thanksgiving],
  [/\bHalloween\b(?! (?:party|costume|night)s?\b)/, fixed(10, 31)],
  [/\bValentine['’]s Day\b/, fixed(2, 14)],
  [/\bEaster Sunday\b/, easter],
];

/** Each holiday with the year that may follow it ("Christmas Day 1998"), compiled once. */
const WITH_YEAR = HOLIDAYS.map(
  ([pattern, dayIn]) => [new RegExp(String.raw`${pattern.source}(?:,?\s+(1[7-9]\d\d|20\d\d)\b)?`, 'g'), dayIn] as const,
);
/** Cheap test that spares the patterns the many texts that name no holiday. */
const MAY_NAME_HOLIDAY = /Christmas|New Year|Thanksgiving|Halloween|Valentine|Easter/;

/** Every holiday the text names as a day, with its year when one follows ("Christmas Day 1998"). */
export function findHolidayPhrases(text: string): HolidayPhrase[] {
  const out: HolidayPhrase[] = [];
  if (!MAY_NAME_HOLIDAY.test(text)) return out;
  for (const [pattern, dayIn] of WITH_YEAR) {
    for (const m of text.matchAll(pattern)) {
      // "Christmas Day" inside "Orthodox Christmas Day" is that one.
      if (out.some((o) => m.index >= o.index && m.index < o.index + o.length)) continue;
      out.push({ index: m.index, length: m[0].length, text: m[0], year: m[1] ? Number(m[1]) : null, dayIn });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
