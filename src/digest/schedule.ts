// What users type as a digest schedule: a preset ("daily 08:00", "weekdays
// 09:00", "weekly mon 09:00") or a cron expression of 5 or 6 fields, checked
// by node-cron itself (the same parser that will run it). A minimum interval
// keeps one subscription from flooding a channel.
import cron from 'node-cron';
import { cleanInput } from '../text/normalize.js';
import type { Result } from '../briefing/problems.js';

export const DEFAULT_MIN_INTERVAL_SECONDS = 15 * 60;
const MAX_SCHEDULE_LENGTH = 100;
/** Enough upcoming fires to see the shortest gap of any realistic expression (it repeats at least daily or weekly). */
const GAP_SAMPLE = 120;

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export type ScheduleResult = Result<{ cron: string; label: string }>;

function preset(text: string): ScheduleResult | null {
  const m = /^(daily|weekdays|weekly)\s+(?:(sun|mon|tue|wed|thu|fri|sat)[a-z]*\s+)?(\d{1,2}):(\d{2})$/i.exec(text);
  if (!m) return null;
  const [, kind, day, hh, mm] = m;
  const hour = Number(hh);
  const minute = Number(mm);
  if (hour > 23 || minute > 59) return { ok: false, problem: { code: 'bad-time-of-day', time: `${hh}:${mm}` } };
  const k = kind!.toLowerCase();
  if (k === 'weekly' && !day) return { ok: false, problem: { code: 'weekly-needs-day' } };
  if (k !== 'weekly' && day)
    return { ok: false, problem: { code: 'day-not-allowed', kind: k, instead: `weekly ${day.toLowerCase()} ${hh}:${mm}` } };
  const dow = k === 'daily' ? '*' : k === 'weekdays' ? '1-5' : String(DAYS[day!.slice(0, 3).toLowerCase()]);
  const time = `${String(hour).padStart(2, '0')}:${mm}`;
  return {
    ok: true,
    cron: `${minute} ${hour} * * ${dow}`,
    label: k === 'weekly' ? `weekly ${day!.slice(0, 3).toLowerCase()} ${time}` : `${k} ${time}`,
  };
}

/** The shortest gap between upcoming fires, in seconds. */
export function shortestGapSeconds(expression: string): number {
  const task = cron.createTask(expression, () => undefined);
  try {
    const runs = task.getNextRuns(GAP_SAMPLE).map((d) => d.getTime());
    let gap = Infinity;
    for (let i = 1; i < runs.length; i++) gap = Math.min(gap, (runs[i]! - runs[i - 1]!) / 1000);
    return gap;
  } finally {
    void task.destroy();
  }
}

export function parseSchedule(raw: string, minIntervalSeconds = DEFAULT_MIN_INTERVAL_SECONDS): ScheduleResult {
  const text = cleanInput(raw);
  if (!text) return { ok: false, problem: { code: 'bad-schedule', schedule: text, why: 'empty' } };
  if (text.length > MAX_SCHEDULE_LENGTH)
    return { ok: false, problem: { code: 'schedule-too-long', length: text.length, max: MAX_SCHEDULE_LENGTH } };
  const fromPreset = preset(text);
  let result: ScheduleResult;
  if (fromPreset) result = fromPreset;
  else {
    const fields = text.split(/\s+/);
    if (fields.length < 5 || fields.length > 6 || !fields.every((f) => /^[\w*,/-]+$/.test(f))) {
      return { ok: false, problem: { code: 'bad-schedule', schedule: text, why: 'not-a-schedule' } };
    }
    const check = cron.validateDetailed(fields.join(' '));
    if (!check.valid) {
      const why = check.errors.map((e) => `${e.field}: ${e.message.replace(' a invalid', ' an invalid')}`).join('; ');
      return { ok: false, problem: { code: 'bad-cron', schedule: text, detail: why } };
    }
    result = { ok: true, cron: fields.join(' '), label: fields.join(' ') };
  }
  if (!result.ok) return result;
  const gap = shortestGapSeconds(result.cron);
  if (!Number.isFinite(gap)) return { ok: false, problem: { code: 'bad-schedule', schedule: result.label, why: 'never-fires' } };
  if (gap < minIntervalSeconds) {
    return {
      ok: false,
      problem: {
        code: 'schedule-too-frequent',
        schedule: result.label,
        every: describeSeconds(gap),
        atMost: describeSeconds(minIntervalSeconds),
      },
    };
  }
  return result;
}

function describeSeconds(s: number): string {
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  if (s < 3600) return `${Math.round(s / 60)} minute${Math.round(s / 60) === 1 ? '' : 's'}`;
  return `${Math.round((s / 3600) * 10) / 10} hour(s)`;
}

/**
 * The fires of `expression` in (after, until], oldest first, at most `limit`
 * (the newest ones are kept). Uses node-cron's own matcher, so catch-up agrees
 * with the live scheduler; steps by the minute unless the seconds field is used.
 */
export function firesBetween(
  expression: string,
  timezone: string,
  after: Date,
  until: Date,
  limit = 1000,
): { fires: Date[]; total: number } {
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    const fields = expression.trim().split(/\s+/);
    const perSecond = fields.length === 6 && fields[0] !== '0';
    const step = perSecond ? 1000 : 60_000;
    const fires: Date[] = [];
    let total = 0;
    // Bound the scan to eight days of minutes, or six hours of seconds, before `until`: older misses are only ever skipped.
    const earliest = until.getTime() - (perSecond ? 6 * 3600_000 : 8 * 86_400_000);
    let t = Math.max(Math.floor(after.getTime() / step) * step + step, Math.ceil(earliest / step) * step);
    for (; t <= until.getTime(); t += step) {
      const d = new Date(t);
      if (!task.match(d)) continue;
      total++;
      fires.push(d);
      if (fires.length > limit) fires.shift();
    }
    return { fires, total };
  } finally {
    void task.destroy();
  }
}
