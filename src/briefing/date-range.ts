// The from/to options of /timeline: YYYY, YYYY-MM or YYYY-MM-DD, read as the
// whole period they name ("to:2024" runs to 31 December 2024).
import { firstDay, isValidYmd, lastDay, parseYmd } from '../corpus/extract/dates/date-value.js';
import type { Problem } from './problems.js';
import { cleanInput } from '../text/normalize.js';

export interface DayRange {
  /** The values as given, for the answer. */
  from: string | null;
  to: string | null;
  /** YYYY-MM-DD bounds, inclusive. */
  first: string;
  last: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function readDate(option: string, raw: string | undefined): { value: string | null } | { problem: Problem } {
  if (raw === undefined) return { value: null };
  const value = cleanInput(raw);
  if (!DATE.test(value) || !isValidYmd(parseYmd(value))) return { problem: { code: 'bad-date', option, value: value || raw } };
  return { value };
}

export function readDayRange(rawFrom: string | undefined, rawTo: string | undefined): DayRange | { problem: Problem } {
  const from = readDate('from', rawFrom);
  if ('problem' in from) return from;
  const to = readDate('to', rawTo);
  if ('problem' in to) return to;
  const first = from.value ? firstDay(from.value) : '0000-01-01';
  const last = to.value ? lastDay(to.value) : '9999-12-31';
  if (first > last) return { problem: { code: 'reversed-range', from: from.value!, to: to.value! } };
  return { from: from.value, to: to.value, first, last };
}
