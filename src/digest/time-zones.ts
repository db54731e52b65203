// IANA time zones: validated through Intl (which knows every zone and alias
// the runtime ships), shown in their canonical spelling, and autocompleted.
import type { Result } from '../briefing/problems.js';
import { cleanInput } from '../text/normalize.js';

export const DEFAULT_TIME_ZONE = 'UTC';

let zones: string[] | null = null;
function allZones(): string[] {
  return (zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]);
}

export function parseTimeZone(raw: string | undefined): Result<{ zone: string }> {
  const text = cleanInput(raw ?? '');
  if (!text) return { ok: true, zone: DEFAULT_TIME_ZONE };
  if (text.length <= 64 && /^[A-Za-z0-9_+\-/]+$/.test(text)) {
    try {
      return { ok: true, zone: new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone };
    } catch {
      /* not a zone: answered below */
    }
  }
  const close = timeZoneChoices(text.split('/').pop() ?? '').slice(0, 3);
  return { ok: false, problem: { code: 'bad-time-zone', value: text, close } };
}

/** Up to 25 zones whose name or city starts with (or contains) what was typed. */
export function timeZoneChoices(typed: string): string[] {
  const key = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!key)
    return [
      'UTC',
      'Europe/London',
      'Europe/Berlin',
      'Europe/Moscow',
      'Europe/Kyiv',
      'Asia/Baku',
      'Asia/Tbilisi',
      'Asia/Yerevan',
      'Asia/Tehran',
      'Europe/Istanbul',
      'America/New_York',
    ];
  const starts = allZones().filter(
    (z) =>
      z.toLowerCase().startsWith(key) ||
      z
        .toLowerCase()
        .split('/')
        .some((p) => p.startsWith(key)),
  );
  const contains = allZones().filter((z) => !starts.includes(z) && z.toLowerCase().includes(key));
  return [...starts, ...contains].slice(0, 25);
}
