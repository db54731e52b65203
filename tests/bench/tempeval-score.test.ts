// The TempEval-3 value rule as ../shared/dates-te3/README.md states it: the project's date equals the gold value at
// the gold's precision, and a range counts when its start does. Cases worked out by hand.
import { describe, expect, it } from 'vitest';
import { goldSpan, type ProjectDate, rangeEnds, sameAtGoldPrecision, scoreDates, type TimeMlDoc } from './dates/tempeval.js';

const gold = (value: string) => goldSpan({ start: 0, end: 1, text: 'x', value, type: 'DATE' })!;
const got = (start: string, end: string, range = false) => ({ span: { start, end }, range });

describe('a date at the gold precision', () => {
  it('is right when its days lie within the gold period, finer or the same', () => {
    expect(sameAtGoldPrecision(got('1988-07-01', '1988-09-30'), gold('1988'))).toBe(true); // a quarter in the gold year
    expect(sameAtGoldPrecision(got('1999-01-11', '1999-01-17'), gold('1999-01'))).toBe(true); // a week in the gold month
    expect(sameAtGoldPrecision(got('1995-01-01', '1995-12-31'), gold('199X'))).toBe(true); // a year in the gold decade
    expect(sameAtGoldPrecision(got('1988-07-01', '1988-09-30'), gold('1988-Q3'))).toBe(true);
    expect(sameAtGoldPrecision(got('1989-09-30', '1989-09-30'), gold('1989-09-30'))).toBe(true);
  });

  it('is wrong when coarser than the gold, elsewhere, or running past it', () => {
    expect(sameAtGoldPrecision(got('1989-01-01', '1989-12-31'), gold('1989-10-30'))).toBe(false); // the year for a day
    expect(sameAtGoldPrecision(got('1988-01-01', '1988-12-31'), gold('1988-Q3'))).toBe(false);
    expect(sameAtGoldPrecision(got('1990-08-17', '1990-08-17'), gold('1990-08-10'))).toBe(false);
    expect(sameAtGoldPrecision(got('1998-10-26', '1998-11-01'), gold('1998-10'))).toBe(false); // a week into November
  });

  it('takes a stated range by its start', () => {
    expect(sameAtGoldPrecision(got('1994-01-01', '1997-12-31', true), gold('1994'))).toBe(true);
    expect(sameAtGoldPrecision(got('1994-01-01', '1997-12-31', true), gold('1997'))).toBe(false);
  });

  it('scores both readings: at the gold precision, and the same days exactly', () => {
    const doc: TimeMlDoc = {
      id: 'd',
      dct: '1989-11-02',
      title: 't',
      text: 'a year ago and Sept. 30',
      timexes: [
        { start: 0, end: 10, text: 'a year ago', value: '1988', type: 'DATE' },
        { start: 15, end: 23, text: 'Sept. 30', value: '1989-09-30', type: 'DATE' },
      ],
    };
    const found: ProjectDate[] = [
      { start: 0, end: 10, text: 'a year ago', span: { start: '1988-07-01', end: '1988-09-30' }, range: false },
      { start: 15, end: 23, text: 'Sept. 30', span: { start: '1989-09-30', end: '1989-09-30' }, range: false },
    ];
    const s = scoreDates([{ doc, found }]);
    expect([s.correct, s.exactCorrect, s.matchedGold]).toEqual([2, 1, 2]);
    expect(s.valueAccuracy).toBe(1);
    expect(s.exactValueAccuracy).toBe(0.5);
    expect(s.wrong).toEqual([]);
  });
});

describe('a range read as one phrase', () => {
  it('is split into its two written ends, where each names a date of its own', () => {
    expect(rangeEnds('Aug. 26 to Oct. 20')).toEqual(['Aug. 26', 'Oct. 20']);
    expect(rangeEnds('between 1994 and 1997')).toEqual(['between 1994', '1997']);
    expect(rangeEnds('last Thursday, to Nov. 6')).toEqual(['last Thursday', 'Nov. 6']);
    expect(rangeEnds('this year through Oct. 19')).toEqual(['this year', 'Oct. 19']);
    expect(rangeEnds('mid-1990s')).toBeNull();
    expect(rangeEnds('the third quarter')).toBeNull();
  });
});
