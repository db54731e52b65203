// A line that is only a time stamp, a link or an address is page furniture; a sentence that holds a time is not.
import { describe, expect, it } from 'vitest';
import { isStampLine } from '../../src/corpus/ingest/html-body.js';

describe('time stamp lines', () => {
  it('knows a line made only of a stamp, in the forms pages print', () => {
    for (const line of [
      'Updated 11:21 pm CST, Tuesday, November 19, 2019',
      'PUBLISHED: 10:48, Tue, Nov 19, 2019',
      'Published 1 day ago',
      'Updated at 1:23 p.m.',
      'Updated Nov 19, 9:41 AM;',
      '30 August 2023 • 4:45pm',
      'Posted on 3 March 2024 at 9 a.m. GMT',
      'https://example.org/news/123',
      // A live blog's entry stamp with who posted it, its parts run together.
      '21 mins ago11:48 Jon King',
      'Updated 10:05 by Ani Petrosyan',
    ]) {
      expect(isStampLine(line), line).toBe(true);
    }
  });

  it('keeps a sentence that holds a time or a date', () => {
    for (const line of [
      'The talks resumed at 1:23 p.m. in Baku.',
      'Updated figures show 12 ministers resigned on Monday.',
      'Published in 2019, the report found 40 violations.',
      'A 12 p.m. deadline passed without a reply.',
      'On Monday 12 Armenian Villages Voted',
      '2 hours ago Russia Struck Kyiv Again',
    ]) {
      expect(isStampLine(line), line).toBe(false);
    }
  });
});
