import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/briefing/problems.js';
import { firesBetween, parseSchedule, shortestGapSeconds } from '../../src/digest/schedule.js';
import { parseTimeZone, timeZoneChoices } from '../../src/digest/time-zones.js';

const ok = (text: string, min?: number) => {
  const r = parseSchedule(text, min);
  if (!r.ok) throw new Error(describeProblem(r.problem));
  return r;
};
const refused = (text: string, min?: number) => {
  const r = parseSchedule(text, min);
  if (r.ok) throw new Error(`accepted ${text}`);
  return describeProblem(r.problem);
};

describe('digest schedules', () => {
  it('turns presets into cron expressions', () => {
    expect(ok('daily 08:00')).toEqual({ ok: true, cron: '0 8 * * *', label: 'daily 08:00' });
    expect(ok('weekdays 9:30')).toEqual({ ok: true, cron: '30 9 * * 1-5', label: 'weekdays 09:30' });
    expect(ok('Weekly Monday 09:00')).toEqual({ ok: true, cron: '0 9 * * 1', label: 'weekly mon 09:00' });
    expect(ok('  weekly   sun 23:59 ')).toMatchObject({ cron: '59 23 * * 0' });
  });

  it('accepts cron expressions of 5 and 6 fields', () => {
    expect(ok('0 8 * * 1-5').cron).toBe('0 8 * * 1-5');
    expect(ok('0 0 8 * * *').cron).toBe('0 0 8 * * *');
    expect(ok('*/30 * * * *').cron).toBe('*/30 * * * *');
  });

  it('refuses schedules that are not schedules, naming the problem', () => {
    expect(refused('every day')).toMatch(/neither a preset nor a cron expression/);
    expect(refused('61 * * * *')).toMatch(/minute: 61 is an invalid expression/);
    expect(refused('daily 25:00')).toMatch(/not a time of day/);
    expect(refused('weekly 09:00')).toMatch(/needs a day/);
    expect(refused('daily mon 09:00')).toMatch(/takes no day/);
    expect(refused('')).toMatch(/empty/);
    expect(refused('0 8 * * *\u0000; rm -rf /')).toMatch(/neither a preset/);
    expect(refused('x'.repeat(3000))).toMatch(/3000 characters long; the limit is 100/);
    expect(refused('0 0 30 2 *')).toMatch(/impossible day of month/);
  });

  it('keeps digests at least the minimum interval apart, which can be lowered', () => {
    expect(refused('* * * * *')).toMatch(/every 1 minute; digests may come at most every 15 minutes/);
    expect(refused('0,5 8 * * *')).toMatch(/every 5 minutes/);
    expect(refused('*/10 * * * * *', 60)).toMatch(/every 10 seconds/);
    expect(ok('*/2 * * * * *', 1).cron).toBe('*/2 * * * * *');
    expect(shortestGapSeconds('0 8,20 * * *')).toBe(12 * 3600);
  });

  it('lists past fires in a time zone, across a daylight-saving change', () => {
    const { fires, total } = firesBetween('0 8 * * *', 'Europe/Berlin', new Date('2026-10-23T12:00:00Z'), new Date('2026-10-27T12:00:00Z'));
    // 08:00 in Berlin is 06:00 UTC in summer time, 07:00 UTC after 25 October.
    expect(fires.map((d) => d.toISOString())).toEqual([
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
      '2026-10-27T07:00:00.000Z',
    ]);
    expect(total).toBe(4);
    const seconds = firesBetween('*/20 * * * * *', 'UTC', new Date('2026-11-24T08:00:00Z'), new Date('2026-11-24T08:01:00Z'));
    expect(seconds.fires.map((d) => d.toISOString().slice(11, 19))).toEqual(['08:00:20', '08:00:40', '08:01:00']);
  });
});

describe('time zones', () => {
  it('accepts IANA names in their canonical spelling, UTC by default', () => {
    expect(parseTimeZone(undefined)).toEqual({ ok: true, zone: 'UTC' });
    expect(parseTimeZone('europe/berlin')).toEqual({ ok: true, zone: 'Europe/Berlin' });
    expect(parseTimeZone('Asia/Baku')).toEqual({ ok: true, zone: 'Asia/Baku' });
  });

  it('refuses names that are not zones', () => {
    for (const bad of ['Mars/Olympus', 'Europe/Berlin; DROP TABLE', 'x'.repeat(3000), 'Москва', '+05:00 ']) {
      const r = parseTimeZone(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.problem.code).toBe('bad-time-zone');
        expect(describeProblem(r.problem)).toMatch(/is not an IANA time zone/);
      }
    }
  });

  it('autocompletes by zone or city, at most 25', () => {
    expect(timeZoneChoices('bak')).toContain('Asia/Baku');
    expect(timeZoneChoices('new_y')[0]).toBe('America/New_York');
    expect(timeZoneChoices('a').length).toBeLessThanOrEqual(25);
    expect(timeZoneChoices('')).toContain('UTC');
  });
});
