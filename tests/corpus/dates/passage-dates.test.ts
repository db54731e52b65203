import { describe, expect, it } from 'vitest';
import { articleDates } from '../../../src/corpus/extract/dates/passage-dates.js';

/** Dates stated by one body passage of an article published on `published`, as "START[/END] precision[~]". */
function dates(text: string, published: string | null = '2025-08-06'): string[] {
  return articleDates([{ text, kind: 'body' }], { published })[0]!.map(
    (d) => `${d.start}${d.end ? `/${d.end}` : ''} ${d.precision}${d.approximate ? '~' : ''}`,
  );
}

/** Dates of several passages read in order, flattened. */
function datesInOrder(texts: string[], published: string | null = '2025-08-06'): string[] {
  return articleDates(
    texts.map((text) => ({ text, kind: 'body' as const })),
    { published },
  )
    .flat()
    .map((d) => `${d.start}${d.end ? `/${d.end}` : ''} ${d.precision}${d.approximate ? '~' : ''}`);
}

describe('full dates', () => {
  it.each([
    ['shelling, 29 October 2020.', '2020-10-29 day'],
    ['at the BRICS summit in Kazan, Russia, 24 October 2024.', '2024-10-24 day'],
    ['Signed on Feb. 24, 2022 in Minsk.', '2022-02-24 day'],
    ['On July 4, 2023, the talks began.', '2023-07-04 day'],
    ['Talks resumed on 25.07.2024 in Baku.', '2024-07-25 day'],
  ])('%s', (text, want) => expect(dates(text)).toEqual([want]));

  it('resolves year-less days against the publication date, towards the past', () => {
    expect(dates('On May 7th, the head of the NCSC said', '2025-07-15')).toEqual(['2025-05-07 day']);
    expect(dates('they met in Abu Dhabi on 10 July, they', '2025-07-31')).toEqual(['2025-07-10 day']);
    // Month-first with a comma: a day, not the year 2024 or 2011.
    expect(dates('On February 24, Russia invaded.', '2025-07-31')).toEqual(['2025-02-24 day']);
    expect(dates('September 11, when the towers fell', '2025-07-31')).toEqual(['2024-09-11 day']);
    // Published in February: a December with no year is last December, not next.
    expect(dates('On 20 December the talks failed.', '2025-02-10')).toEqual(['2024-12-20 day']);
  });

  it('reads a photo caption that ends in a date', () => {
    expect(dates('Destruction in Kostyantynivka, Donetsk region, Ukraine, 30 July 2025.')).toEqual(['2025-07-30 day']);
  });
});

describe('months', () => {
  it.each([
    ['was arrested in July 2024 near', '2024-07 month'],
    ['In December 2024, an airliner was shot down.', '2024-12 month'],
    ['In July, the Russians captured 600 square kilometres.', '2025-07 month'],
    ['In March, a Manhattan jury convicted two mobsters.', '2025-03 month'],
  ])('%s', (text, want) => expect(dates(text)).toEqual([want]));

  it('keeps "the end of June" a month, never a day', () => {
    expect(dates('Things got worse at the end of June, when', '2025-07-31')).toEqual(['2025-06 month']);
  });

  it('reads a day spelled out beside its month as a day, as transcripts write it', () => {
    expect(dates('The vote was held on Sunday, March eighth, officials said.', '2026-03-20')).toEqual(['2026-03-08 day']);
    expect(dates('The ceasefire began on the twenty-first of June, the ministry said.', '2025-07-31')).toEqual(['2025-06-21 day']);
    // An ordinal that is not a day of the month stays with the month.
    expect(dates('Talks resumed in the second half of June, the ministry said.', '2025-07-31')).toEqual(['2025-06 month']);
  });

  it('puts a year-less month in the past of the publication date', () => {
    expect(dates('In September, the border closed.', '2025-08-06')).toEqual(['2024-09 month']);
    expect(dates('In August, the border closed.', '2025-08-06')).toEqual(['2025-08 month']);
  });

  it('reads a month range that writes its year once', () => {
    expect(dates('between March and May 2024 the talks stalled')).toEqual(['2024-03/2024-05 month']);
    expect(dates('from 12 March-15 April 2023 the border was shut')).toEqual(['2023-03-12/2023-04-15 day']);
  });
});

describe('years with a cue', () => {
  it.each([
    ['Armenia and the US held exercises in 2023.', ['2023 year']],
    ['on the list since 2019.', ['2019 year']],
    ['gives a world tour in his 2008 book.', ['2008 year']],
    ['victory in the 2020 Second Karabakh War', ['2020 year']],
    ['In 1994, after more than 30,000 casualties, Russia brokered a ceasefire.', ['1994 year']],
    ['in 2023 and 2024', ['2023 year', '2024 year']],
    ['in 2018, 2019 or 2020', ['2018 year', '2019 year', '2020 year']],
    ['By mid-2023 the front had stalled.', ['2023 year']],
    // A season keeps the months it names (meteorological: spring is March to May).
    ['In the spring of 2024, with the army approaching', ['2024-03/2024-05 month']],
    ['2019 was a hard year for Yerevan.', ['2019 year']],
  ])('%s', (text, want) => expect(dates(text)).toEqual(want));
});

describe('ranges and decades', () => {
  it.each([
    ['its border areas in 2021–2022, and', '2021/2022 year'],
    ['the 2014-16 talks', '2014/2016 year'],
    ['The first Karabakh war, which raged between 1988 and 1994, began', '1988/1994 year'],
    ['achieved brief independence between 1918 and 1920', '1918/1920 year'],
    ['From 1991 until 1994 the war went on.', '1991/1994 year'],
    ['this new shift in the 2000s through', '2000/2009 year'],
  ])('%s', (text, want) => expect(dates(text)).toEqual([want]));
});

describe('relative phrases', () => {
  it('counts "last week", "last year" and "yesterday" back from publication, approximately', () => {
    expect(dates('Late last week, Putin announced', '2025-08-06')).toEqual(['2025-07-28/2025-08-03 day~']);
    expect(dates('analysts predicted the city would fall last year.', '2025-08-06')).toEqual(['2024 year~']);
    expect(dates('The minister said yesterday that', '2025-08-06')).toEqual(['2025-08-05 day~']);
    expect(dates('two years ago the border opened', '2025-08-06')).toEqual(['2023 year~']);
    expect(dates('Prices rose earlier this month.', '2025-08-06')).toEqual(['2025-08 month~']);
    expect(dates('Talks this year have stalled.', '2025-08-06')).toEqual(['2025 year~']);
  });

  it('counts "two months later" on from the date stated before it, no finer than that date', () => {
    expect(datesInOrder(['The triggerman was arrested in July 2022.', 'Two months later, the UK arrested four nationals.'])).toEqual([
      '2022-07 month',
      '2022-09 month~',
    ]);
    expect(datesInOrder(['They met on 3 March 2021.', 'Ten days later, talks failed.'])).toEqual(['2021-03-03 day', '2021-03-13 day~']);
  });

  it('drops relative phrases with nothing to resolve against', () => {
    expect(dates('Two months later, the UK arrested four nationals.')).toEqual([]);
    expect(dates('Late last week, Putin announced', null)).toEqual([]);
    expect(dates('In March, a jury convicted two men.', null)).toEqual([]);
    expect(dates('Talks this year have stalled.', null)).toEqual([]);
  });

  it('lends a year-less date the year stated before it when the article has no date, and marks it approximate', () => {
    expect(datesInOrder(['The talks began in July 2022.', 'In September, they collapsed.'], null)).toEqual([
      '2022-07 month',
      '2022-09 month~',
    ]);
  });
});

describe('numbers that are not dates', () => {
  it.each([
    'Donate $10,000 to keep us going.',
    'Some 500,000 US dollars were paid.',
    'There are 2,000 peacekeepers in the region.',
    'In 2000 troops were sent.',
    'the 2000 troops at the border',
    'after more than 30,000 casualties',
    'the occupation of over 200 square kilometers',
    'It took three and a half years.',
    'about 2019 people signed',
    'a rise of 2024 percent',
    'Resolution 2231 and resolution 1973 were cited.',
    'We expect it in the next two months.',
    'The siege could last for two years.',
    'in three days the city may fall',
    'He may march on the capital.',
    'Three quarters, or 3/4 of the people, left.',
    'The meeting starts at 10:30.',
    'Signed on 07/12/2024 in Vienna (day and month could be swapped).',
    'Today Russia holds the line.',
  ])('%s', (text) => expect(dates(text)).toEqual([]));
});

describe('dates stay on their day in any time zone', () => {
  it('does not depend on the machine time zone', () => {
    // chrono is given timezone UTC and references at noon UTC; the machine zone must not shift a day.
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(dates('On 10 July, they met.', '2025-07-31')).toEqual(['2025-07-10 day']);
      expect(dates('The minister said yesterday that', '2025-08-06')).toEqual(['2025-08-05 day~']);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('dates ahead of the writing', () => {
  const dated = (text: string, published: string) => articleDates([{ text, kind: 'body' }], { published })[0]!.map((d) => d.start);

  it('resolves a year-less date forward when the sentence looks ahead, and back when it reports', () => {
    expect(dated('The new terminal is due to open on 3 March.', '2025-02-10')).toEqual(['2025-03-03']);
    expect(dated('Talks will resume on 15 January.', '2025-02-10')).toEqual(['2026-01-15']);
    expect(dated('The ferry is scheduled for 20 February.', '2025-02-10')).toEqual(['2025-02-20']);
    expect(dated('The terminal opened on 3 March.', '2025-02-10')).toEqual(['2024-03-03']);
  });

  it('gives one event for one date stated twice in a passage', () => {
    expect(dated('On 3 March 2024 the talks began; by 3 March 2024 both sides had arrived.', '2025-02-10')).toEqual(['2024-03-03']);
  });
});
