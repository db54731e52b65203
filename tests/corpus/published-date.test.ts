import { describe, expect, it } from 'vitest';
import { parseDateLine, parsePublished } from '../../src/corpus/ingest/published-date.js';

describe('publication dates', () => {
  it.each([
    ['15-07-2025', '2025-07-15'],
    ['07-15-2025', '2025-07-15'],
    ['July 15, 2025', '2025-07-15'],
    ['15 July 2025', '2025-07-15'],
    ['2025-07-15T09:30:00Z', '2025-07-15'],
    ['2024-04-30 16:38:37 +02:00', '2024-04-30'],
    ['2024-04-30 23:38:37-0500', '2024-04-30'],
  ])('reads %s as %s', (text, iso) => expect(parsePublished(text)?.date).toBe(iso));

  it('keeps the moment and its offset when a space stands before the offset', () => {
    expect(parsePublished('2024-04-30 16:38:37 +02:00')?.at).toBe('2024-04-30T16:38:37+02:00');
  });

  it.each(['31-06-2025', '10,000', '2025', 'soon'])('rejects %s', (text) => expect(parsePublished(text)).toBeNull());

  it.each([
    ['5 hours ago', '2025-08-06'],
    ['6 days ago', '2025-07-31'],
    ['a week ago', '2025-07-30'],
    ['2 months ago', '2025-06-06'],
    ['yesterday', '2025-08-05'],
  ])('resolves "%s" against the retrieval day, approximately', (text, iso) => {
    expect(parseDateLine(text, '2025-08-06')).toEqual({ date: iso, approximate: true, text });
  });
});

describe('abbreviated relative dates', () => {
  it.each([
    ['3 hrs ago', '2025-08-06'],
    ['2d ago', '2025-08-04'],
    ['1 wk ago', '2025-07-30'],
    ['an hour ago', '2025-08-06'],
  ])('resolves "%s"', (text, iso) => expect(parseDateLine(text, '2025-08-06')?.date).toBe(iso));
});
