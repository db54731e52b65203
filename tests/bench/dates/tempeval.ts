// TempEval-3 news documents (TimeML, as ../shared/dates-te3 holds them) and
// their scoring against the dates the project reads, as that folder's README
// describes: extraction precision and recall by overlapping spans, value
// accuracy on the matched pairs at the gold's precision (a range counts when
// its start is right), value F1 = extraction F1 x value accuracy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldTimex {
  /** Offsets into the document's plain text. */
  start: number;
  end: number;
  text: string;
  value: string;
  type: string;
}

export interface TimeMlDoc {
  id: string;
  /** The creation time's day: the article's publication date. */
  dct: string;
  title: string;
  /** The text with the markup taken out. */
  text: string;
  timexes: GoldTimex[];
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

/** One .tml file: the TEXT element's plain text, and where each TIMEX3 sits in it. */
export function parseTimeMl(id: string, xml: string): TimeMlDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml)?.[1]?.slice(0, 10) ?? '';
  const title = decode(/<TITLE>([\s\S]*?)<\/TITLE>/.exec(xml)?.[1]?.trim() ?? id);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const re = /<TIMEX3([^>]*)>([\s\S]*?)<\/TIMEX3>|<[^>]+>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1] !== undefined) {
      const inner = decode(m[2]!.replace(/<[^>]+>/g, ''));
      const attr = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(m![1]!)?.[1] ?? '';
      timexes.push({ start: text.length, end: text.length + inner.length, text: inner, value: attr('value'), type: attr('type') });
      text += inner;
    } else if (m[3] !== undefined) text += decode(m[3]);
  }
  return { id, dct, title, text, timexes };
}

export function tbaqDocs(root: string): TimeMlDoc[] {
  const out: TimeMlDoc[] = [];
  for (const part of ['TimeBank', 'AQUAINT']) {
    let files: string[] = [];
    try {
      files = readdirSync(join(root, part)).filter((f) => f.endsWith('.tml'));
    } catch {
      continue;
    }
    for (const f of files.sort()) out.push(parseTimeMl(f.replace(/\.tml$/, ''), readFileSync(join(root, part, f), 'utf8')));
  }
  return out;
}

/** A day range as two YYYY-MM-DD. */
export interface DaySpan {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** YYYY, YYYY-MM or YYYY-MM-DD as the days it covers. */
export function spanOf(value: string): DaySpan | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const y = +m[1]!;
  if (m[3]) return { start: value, end: value };
  if (m[2]) return { start: day(y, +m[2], 1), end: day(y, +m[2], lastDay(y, +m[2])) };
  return { start: day(y, 1, 1), end: day(y, 12, 31) };
}

/**
 * A gold value that names a concrete calendar period (day, month, year, week, quarter, half, season, decade) as its
 * days; null for the rest (PRESENT_REF, durations, times of day alone, unknown parts).
 */
export function goldSpan(timex: GoldTimex): DaySpan | null {
  if (timex.type !== 'DATE' && timex.type !== 'TIME') return null;
  // Unknown parts at the end leave the known ones: "1994-XX-XX" is 1994, "1998-10-XX" is October 1998.
  const v = timex.value.replace(/T.*$/, '').replace(/(?:-XX)+$/, '');
  const plain = spanOf(v);
  if (plain) return plain;
  let m = /^(\d{4})-W(\d{1,2})$/.exec(v);
  if (m) {
    // ISO week: the Monday of the week holding 4 January, then whole weeks.
    const jan4 = new Date(Date.UTC(+m[1]!, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (+m[2]! - 1) * 7 * 86_400_000);
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    return { start: monday.toISOString().slice(0, 10), end: sunday.toISOString().slice(0, 10) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) {
    const q = +m[2]!;
    return { start: day(+m[1]!, q * 3 - 2, 1), end: day(+m[1]!, q * 3, lastDay(+m[1]!, q * 3)) };
  }
  m = /^(\d{4})-H([12])$/.exec(v);
  if (m)
    return m[2] === '1' ? { start: day(+m[1]!, 1, 1), end: day(+m[1]!, 6, 30) } : { start: day(+m[1]!, 7, 1), end: day(+m[1]!, 12, 31) };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) {
    const y = +m[1]!;
    const months: Record<string, [number, number, number]> = { SP: [3, 5, y], SU: [6, 8, y], FA: [9, 11, y], WI: [12, 2, y + 1] };
    const [a, b, endYear] = months[m[2]!]!;
    return { start: day(y, a, 1), end: day(endYear, b, lastDay(endYear, b)) };
  }
  // A decade: "199X", or "199" as TimeML also writes it.
  m = /^(\d{3})X?$/.exec(v);
  if (m) return { start: day(+`${m[1]}0`, 1, 1), end: day(+`${m[1]}9`, 12, 31) };
  return null;
}

export interface ProjectDate {
  start: number;
  end: number;
  text: string;
  span: DaySpan;
  /** A range the text states ("from March to May"): it counts when its start is right. */
  range: boolean;
}

export interface DateScores {
  gold: number;
  found: number;
  matchedGold: number;
  matchedFound: number;
  correct: number;
  /** Matched pairs whose days are exactly the gold's (the stricter reading this bench used before 2026-12-07). */
  exactCorrect: number;
  precision: number;
  recall: number;
  f1: number;
  valueAccuracy: number;
  exactValueAccuracy: number;
  valueF1: number;
  wrong: { doc: string; gold: GoldTimex; got: ProjectDate }[];
  missed: { doc: string; gold: GoldTimex }[];
  spurious: { doc: string; got: ProjectDate }[];
}

/**
 * The project's date "equals the gold value at the gold's precision" (the README's rule): its days lie within the
 * gold's period, a range's start does. A finer date inside it is right (the third quarter of 1988 for a gold 1988,
 * a week inside a gold month), a coarser one is not (1989 for a gold 30 October 1989), nor one that runs past it.
 */
export function sameAtGoldPrecision(got: Pick<ProjectDate, 'span' | 'range'>, gold: DaySpan): boolean {
  const inside = (d: string) => d >= gold.start && d <= gold.end;
  return inside(got.span.start) && (got.range || inside(got.span.end));
}

const RANGE_ENDS = /^(.*?)\s*,?\s*(?:\bto\b|\band\b|\bthrough\b|\buntil\b|\btill\b|[-–—])\s*([^-–—]*?)$/i;
/** Each end must name a date on its own: "mid-1990s" is one date. */
const NAMES_A_DATE = /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|(?:this|last|next) year)/i;

/**
 * The two ends of a range the project read, as written ("Aug. 26 to Oct. 20", "between 1994 and 1997"): TimeML
 * annotates each end apart, so the bench places each at its own words with its own period. Null for one date.
 */
export function rangeEnds(text: string): [string, string] | null {
  const m = RANGE_ENDS.exec(text);
  return m && NAMES_A_DATE.test(m[1]!) && NAMES_A_DATE.test(m[2]!) ? [m[1]!, m[2]!] : null;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreDates(docs: { doc: TimeMlDoc; found: ProjectDate[] }[]): DateScores {
  const s: DateScores = {
    gold: 0,
    found: 0,
    matchedGold: 0,
    matchedFound: 0,
    correct: 0,
    exactCorrect: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    valueAccuracy: 0,
    exactValueAccuracy: 0,
    valueF1: 0,
    wrong: [],
    missed: [],
    spurious: [],
  };
  for (const { doc, found } of docs) {
    const gold = doc.timexes.map((t) => ({ t, span: goldSpan(t) })).filter((g) => g.span !== null);
    s.gold += gold.length;
    s.found += found.length;
    for (const f of found) {
      if (gold.some((g) => overlaps(g.t, f))) s.matchedFound++;
      else s.spurious.push({ doc: doc.id, got: f });
    }
    for (const g of gold) {
      const f = found.find((x) => overlaps(g.t, x));
      if (!f) {
        s.missed.push({ doc: doc.id, gold: g.t });
        continue;
      }
      s.matchedGold++;
      if (f.span.start === g.span!.start && (f.range || f.span.end === g.span!.end)) s.exactCorrect++;
      if (sameAtGoldPrecision(f, g.span!)) s.correct++;
      else s.wrong.push({ doc: doc.id, gold: g.t, got: f });
    }
  }
  s.precision = s.found ? s.matchedFound / s.found : 0;
  s.recall = s.gold ? s.matchedGold / s.gold : 0;
  s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  s.valueAccuracy = s.matchedGold ? s.correct / s.matchedGold : 0;
  s.exactValueAccuracy = s.matchedGold ? s.exactCorrect / s.matchedGold : 0;
  s.valueF1 = s.f1 * s.valueAccuracy;
  return s;
}
