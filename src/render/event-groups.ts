// Timeline events grouped for reading: by year, then by date label, so one
// event told by several sources shows once with each of its quotes beneath.
import type { TimelineEvent } from '../briefing/answer-types.js';
import { dateLabel } from './date-label.js';

export interface DateGroup {
  label: string;
  events: TimelineEvent[];
}

export interface YearGroup {
  year: string;
  dates: DateGroup[];
}

export function groupEvents(events: readonly TimelineEvent[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const e of events) {
    const year = e.date.start.slice(0, 4);
    let y = years[years.length - 1];
    if (!y || y.year !== year) years.push((y = { year, dates: [] }));
    const label = dateLabel(e.date);
    const d = y.dates[y.dates.length - 1];
    if (d && d.label === label) d.events.push(e);
    else y.dates.push({ label, events: [e] });
  }
  return years;
}
