// Dates as people read them, at the precision the article gave: "2020",
// "Oct 2024", "24 Oct 2024", "1988–1994", "28 Jul–3 Aug 2025". Relative dates
// say "about".
import type { EventDate } from '../briefing/answer-types.js';
import { parseYmd, precisionOf } from '../corpus/extract/dates/date-value.js';

import { MONTHS } from '../text/months.js';

function one(value: string, withYear = true): string {
  const v = parseYmd(value);
  const year = withYear ? ` ${v.y}` : '';
  switch (precisionOf(value)) {
    case 'year':
      return String(v.y);
    case 'month':
      return `${MONTHS[v.m - 1]}${year}`;
    case 'day':
      return `${v.d} ${MONTHS[v.m - 1]}${year}`;
  }
}

function range(start: string, end: string): string {
  const a = parseYmd(start);
  const b = parseYmd(end);
  const p = precisionOf(start);
  if (p === 'year' || a.y !== b.y) return `${one(start)}–${one(end)}`;
  if (p === 'day' && a.m === b.m) return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
  return `${one(start, false)}–${one(end)}`;
}

export function dateLabel(d: EventDate): string {
  const label = d.end ? range(d.start, d.end) : one(d.start);
  return d.approximate ? `about ${label}` : label;
}
