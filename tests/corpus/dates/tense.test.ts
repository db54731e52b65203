// Tense decides the direction: a weekday, a year-less date or a week resolves
// forward when its own clause looks ahead, backward when it reports; a future
// word elsewhere in the sentence does not move a past date.
import { describe, expect, it } from 'vitest';
import { articleDates } from '../../../src/corpus/extract/dates/passage-dates.js';

const read = (text: string, published: string) => articleDates([{ text, kind: 'body' }], { published })[0]!;
/** "start[..end]" of each date in one passage, for an article published on `published`. */
const dates = (text: string, published: string) => read(text, published).map((d) => (d.end ? `${d.start}..${d.end}` : d.start));
/** The words each date was read from. */
const phrases = (text: string, published: string) => read(text, published).map((d) => d.text);

describe('the direction of a date follows its clause', () => {
  // 2 November 1989 was a Thursday.
  const PUB = '1989-11-02';

  it('reads a year-less date ahead when its clause looks ahead, behind when it reports', () => {
    expect(dates('The appointment takes effect Nov. 13, the company said.', PUB)).toEqual(['1989-11-13']);
    expect(dates('The dividend is payable Dec. 1 to holders of record.', PUB)).toEqual(['1989-12-01']);
    // An abbreviation's full stop ("Jan. 3") does not end the clause a date's direction is read from.
    expect(dates('The dividend will be payable Jan. 3 to stock of record Nov. 16, the company said.', '1989-11-01')).toEqual([
      '1990-01-03',
      '1989-11-16',
    ]);
    expect(dates('The company said it was founded on Nov. 13.', PUB)).toEqual(['1988-11-13']);
  });

  it('reads a bare weekday ahead only when its own clause looks ahead', () => {
    expect(dates('Hill, who will testify Thursday, declined to comment.', PUB)).toEqual(['1989-11-09']);
    expect(dates('He plans to leave on Monday for Geneva.', PUB)).toEqual(['1989-11-06']);
    expect(dates('The team planned to leave Nairobi on Monday for Dar es Salaam.', PUB)).toEqual(['1989-11-06']);
    // "succeed" ends in -ed and is no past tense.
    expect(dates('Mr. Schwarz will succeed Daniel P. Davison Feb. 1, the bank said.', '1989-10-26')).toEqual(['1990-02-01']);
    expect(dates('The minister said on Monday that talks had stalled.', PUB)).toEqual(['1989-10-30']);
    // Someone sought and (not) found then: "could" is no plan here, though it looks ahead elsewhere.
    expect(dates('His lawyer could not be reached for comment Wednesday.', PUB)).toEqual(['1989-11-01']);
    expect(dates('Neither he nor his parents could be located Wednesday in Cardenas.', PUB)).toEqual(['1989-11-01']);
    expect(dates('The vote could be held Friday, officials said.', PUB)).toEqual(['1989-11-03']);
  });

  it('reads a silent clause as the past, unless the date is only weeks ahead; modals look ahead', () => {
    expect(dates('The boy must be returned to his father by Jan. 14.', '2000-01-06')).toEqual(['2000-01-14']);
    expect(dates('He stepped down as chairman, president and chief executive in March for health reasons.', '1989-11-02')).toEqual([
      '1989-03',
    ]);
    expect(dates('The price rose to a high of $42.875 in June from $29.75 in March.', '1989-10-30')).toEqual(['1989-06', '1989-03']);
    // A participle after "is" is the present: a date weeks ahead stays ahead.
    expect(dates('The court said that the appeal is heard in May.', '2000-03-29')).toEqual(['2000-05']);
    expect(dates('The court said that the appeal was heard in May.', '2000-03-29')).toEqual(['1999-05']);
  });

  it('reads a new end, a plan or an effective date ahead', () => {
    expect(dates('The offer was extended to Nov. 16 from Nov. 1.', '1989-10-30')).toEqual(['1989-11-16', '1989-11-01']);
    expect(dates('The bank created an office of the chairman, effective Feb. 1.', '1989-10-26')).toEqual(['1990-02-01']);
    expect(dates('The official said the accession was planned for early March.', '1999-02-10')).toEqual(['1999-03']);
    // A plan told of in the past perfect may still be ahead: the offer "had been set to expire" in four days' time.
    expect(dates('The offer had been set to expire Nov. 6.', '1989-11-02')).toEqual(['1989-11-06']);
  });

  it('reads "until" ahead, but "not until" and an "until" clause told in the past behind', () => {
    expect(dates('Lenders gave the company until mid-November to submit more information.', '1989-10-30')).toEqual(['1989-11']);
    expect(dates('It was not until Tuesday that the president revealed the letter.', '2000-03-30')).toEqual(['2000-03-28']);
    expect(dates('Until Thursday, the police had not called him a suspect.', '1999-05-07')).toEqual(['1999-05-06']);
  });

  it('reads a date that opens its sentence by the verb after it', () => {
    expect(dates('On Tuesday, the league plans to hold a news conference.', '1998-10-26')).toEqual(['1998-10-27']);
    expect(dates('On Tuesday, the league held a news conference.', '1998-10-26')).toEqual(['1998-10-20']);
  });

  it('gives a year-less date the year it took where the article first stated it', () => {
    const article = articleDates(
      [
        { text: 'The service decided the boy should go home by Jan. 14, officials said.', kind: 'body' },
        { text: 'The commissioner gave no reason for the Jan. 14 deadline.', kind: 'body' },
      ],
      { published: '2000-01-05' },
    );
    expect(article.map((p) => p.map((d) => d.start))).toEqual([['2000-01-14'], ['2000-01-14']]);
  });

  it('lets the weekday settle the year of a year-less date: "Saturday, April 25" is the one that falls on a Saturday', () => {
    expect(dates('The march was held on Saturday, April 25.', '1998-04-24')).toEqual(['1998-04-25']);
    expect(dates('The vote took place on Friday, April 25.', '1998-04-24')).toEqual(['1997-04-25']);
  });

  it('never lets a future word elsewhere in the sentence move a past date', () => {
    expect(dates('Investigators arrived next, at the site where the Aug. 7 blasts killed 257 people.', '1998-08-20')).toEqual([
      '1998-08-07',
    ]);
  });

  it('counts this, last and next week and month from the publication (weeks run Monday to Sunday)', () => {
    // 6 March 1998 was a Friday.
    expect(dates('Talks resume next week.', '1998-03-06')).toEqual(['1998-03-09..1998-03-15']);
    expect(dates('The envoy arrived this week.', '1998-03-06')).toEqual(['1998-03-02..1998-03-08']);
    expect(dates('The envoy arrived last week.', '1998-03-06')).toEqual(['1998-02-23..1998-03-01']);
    expect(dates('A vote is due next month.', '1998-03-06')).toEqual(['1998-04']);
    expect(dates('Prices fell last month.', '1998-01-15')).toEqual(['1997-12']);
    // Written on Sunday 22 March 1998, "last week" is the week ending that day.
    expect(dates('The envoy arrived last week.', '1998-03-22')).toEqual(['1998-03-16..1998-03-22']);
    expect(dates('Stocks rose from Friday to December, traders said.', '1998-02-06')).toEqual([]);
  });
});

describe('relative dates count from a date the text states', () => {
  const all = (texts: string[], published: string) =>
    articleDates(
      texts.map((text) => ({ text, kind: 'body' as const })),
      { published },
    ).map((ds) => ds.map((d) => d.start));

  it('counts "a year earlier" from the stated date, never from the last relative one, and only just after it', () => {
    expect(all(['Sales rose in 2019.', 'A year earlier, too, they had risen.'], '2020-03-01')).toEqual([['2019'], ['2018']]);
    // Three in a row no longer step back three years: the third is too far from the date it counts from to say.
    expect(all(['Sales rose in 2019.', 'A year earlier they had fallen.', 'A year earlier, too, they had fallen.'], '2020-03-01')).toEqual([
      ['2019'],
      ['2018'],
      [],
    ]);
  });

  it('gives no event where nothing stated comes just before: a generic "next day", "seven years later" from nowhere', () => {
    expect(all(['Marketplaces deliver the next day.'], '2025-03-01')).toEqual([[]]);
    expect(
      all(['The treaty was signed in 1991.', 'Trade grew.', 'Prices fell.', 'But just seven years later, it made a U-turn.'], '2026-01-10'),
    ).toEqual([['1991'], [], [], []]);
  });
});

describe('quarters, seasons and news style "today"', () => {
  const one = dates;

  it('reads a quarter as its three months, a year-less one placed as a year-less date is; a fiscal one is left alone', () => {
    expect(one('Profit rose in the third quarter of 1984.', '1989-11-02')).toEqual(['1984-07..1984-09']);
    expect(one('The 1988 fourth quarter was weak.', '1989-11-02')).toEqual(['1988-10..1988-12']);
    expect(one('Third-quarter profit fell 5%, the company said.', '1989-11-02')).toEqual(['1989-07..1989-09']);
    expect(one('Results for the fiscal third quarter were flat.', '1989-11-02')).toEqual([]);
    // A quarter of the year named by its place to publication is one period, not "this year" and a quarter.
    expect(one("In this year's third quarter, net was $10.5 million.", '1989-11-02')).toEqual(['1989-07..1989-09']);
    expect(one("Sales fell below last year's fourth quarter.", '1989-11-02')).toEqual(['1988-10..1988-12']);
  });

  it('reads the half of a stated year as its six months; a fiscal half is left alone', () => {
    expect(one('Exports fell in the first half of 2024.', '2025-08-06')).toEqual(['2024-01..2024-06']);
    expect(one('Sales recovered in the last half of 1989, the company said.', '1990-03-01')).toEqual(['1989-07..1989-12']);
    expect(one('The fiscal second half of 2024 was flat.', '2025-08-06')).toEqual(['2024']);
  });

  it('reads "a year earlier" and "the year-ago quarter" after a stated quarter as that quarter a year before', () => {
    const all = articleDates(
      [
        { text: 'Third-quarter net income rose 12%, the company said.', kind: 'body' },
        { text: 'Revenue was $4 billion, up from $3.6 billion a year earlier.', kind: 'body' },
        { text: 'Margins were wider than in the year-ago quarter.', kind: 'body' },
      ],
      { published: '1989-11-02' },
    ).map((ds) => ds.map((d) => `${d.start}..${d.end}`));
    expect(all).toEqual([['1989-07..1989-09'], ['1988-07..1988-09'], ['1988-07..1988-09']]);
    const after = articleDates(
      [{ text: "In this year's third quarter, net was $10.5 million, compared with $9 million a year earlier.", kind: 'body' }],
      { published: '1989-11-02' },
    ).map((ds) => ds.map((d) => `${d.start}..${d.end}`));
    expect(after).toEqual([['1989-07..1989-09', '1988-07..1988-09']]);
  });

  it('reads a season from the publication: last fall, this summer, next spring, the winter of 1994', () => {
    expect(one('Prices fell last fall.', '1989-11-20')).toEqual(['1988-09..1988-11']);
    expect(one('Prices fell last fall.', '1989-12-20')).toEqual(['1989-09..1989-11']);
    expect(one('The plant opens this summer.', '1998-03-05')).toEqual(['1998-06..1998-08']);
    expect(one('Talks resume next spring.', '1998-03-05')).toEqual(['1999-03..1999-05']);
    expect(one('It was cold in the winter of 1994.', '1998-03-05')).toEqual(['1994-12..1995-02']);
    expect(one('The Arab Spring changed the region.', '1998-03-05')).toEqual([]);
  });

  it('reads "today" as the day of publication only where news style reports with it', () => {
    expect(one('The minister said today that talks had stalled.', '1998-08-07')).toEqual(['1998-08-07']);
    expect(one('Today, the region faces new threats.', '1998-08-07')).toEqual([]);
  });
});

describe('date words inside names, titles and numbers', () => {
  const one = (text: string) => phrases(text, '1998-03-06');

  it.each([
    'The talks built on the Good Friday Agreement.',
    'Thousands joined the annual March for Life in Washington.',
    'The March on Washington drew crowds.',
    'He appeared on This Week With David Brinkley.',
    'The bonds yield 12 3/4% now.',
    'The Black Monday crash hit markets.',
  ])('reads no date in: %s', (text) => expect(one(text)).toEqual([]));

  it('still reads the weekday of a report', () => {
    expect(one('President Bush on Tuesday said the plan would work.')).toEqual(['on Tuesday']);
    expect(one('On Friday, Armenia said it would sign.')).toEqual(['On Friday']);
  });
});

describe('a year-less span that comes round the new year', () => {
  const spans = (text: string, published: string | null) =>
    articleDates([{ text, kind: 'body' }], { published })[0]!.map((d) => (d.end ? `${d.start}..${d.end}` : d.start));

  it('ends in the next year, with or without a publication date to place it', () => {
    expect(spans('The siege, in 1994, lasted from 10 July to 12 March.', null)).toContain('1994-07..1995-03');
    expect(spans('The siege lasted from 10 July to 12 March.', '2025-08-06')).toEqual(['2024-07..2025-03']);
    expect(spans('The siege, in 1994, lasted from 10 March to 12 July.', null)).toContain('1994-03-10..1994-07-12');
  });
});

describe('earnings copy keeps the quarter it reports in mind', () => {
  const quarters = (texts: string[], published: string) =>
    articleDates(
      texts.map((text) => ({ text, kind: 'body' as const })),
      { published },
    ).map((ds) => ds.map((d) => (d.end ? `${d.start}..${d.end}` : d.start)));

  it('reads "the quarter" and "the 1989 period" as the reported quarter, however far down the story', () => {
    expect(
      quarters(
        [
          'The mill operator posted a third-quarter loss of $4 million.',
          'It blamed weak pulp prices.',
          'Costs rose at two plants.',
          'The board met twice.',
          'A new chief starts in the spring of 1990.',
          'Shipments were 2 million tons in the quarter, compared with 2.4 million a year ago.',
          'In the 1988 period, the company had a gain from a sale.',
        ],
        '1989-11-02',
      ),
    ).toEqual([['1989-07..1989-09'], [], [], [], ['1990-03..1990-05'], ['1989-07..1989-09', '1988-07..1988-09'], ['1988-07..1988-09']]);
  });

  it('keeps the latest quarter as the reported one: an earlier one named later is a comparison', () => {
    expect(
      quarters(
        ['Net rose 8% in the third quarter.', 'After a weak second quarter, margins widened, up from a year earlier.'],
        '1989-11-02',
      ),
    ).toEqual([['1989-07..1989-09'], ['1989-04..1989-06', '1988-07..1988-09']]);
    expect(
      quarters(
        ['Dividends stopped in the third quarter of 1984.', 'Third-quarter net rose to $68 million from $66 million a year ago.'],
        '1989-11-02',
      ),
    ).toEqual([['1984-07..1984-09'], ['1989-07..1989-09', '1988-07..1988-09']]);
  });

  it('counts whole years from a stated day to the same day, and nothing from an event the text names', () => {
    expect(quarters(['For the six months ended Aug. 12, net was $6 million, against $18 million a year earlier.'], '1989-10-26')).toEqual([
      ['1989-08-12', '1988-08-12'],
    ]);
    expect(
      quarters(['He was arrested in 1990.', 'His car was seen near the clinic in the weeks before the shooting.'], '1999-05-07'),
    ).toEqual([['1990'], []]);
  });
});

describe('more of what a clause says about its date', () => {
  it('takes "by February" as a deadline still to come, unless it has just passed', () => {
    expect(dates('The group has a plan to repay the loan by February.', '1989-10-30')).toEqual(['1990-02']);
    expect(dates('The agency told the family to hand the boy over by Jan. 14.', '2000-01-15')).toEqual(['2000-01-14']);
    expect(dates('Sales had doubled by June.', '1989-10-30')).toEqual(['1989-06']);
  });

  it('reads a plan ahead, unless the plan itself is told as past', () => {
    expect(dates('Unions planned a march in the capital on Saturday and were planning a strike on Monday.', '2000-01-07')).toEqual([
      '2000-01-08',
      '2000-01-10',
    ]);
    expect(dates('A rally planned in the square for Saturday was called off.', '2000-01-07')).toEqual(['2000-01-01']);
    // A date opening its sentence is when the plan was told: "On Friday, the government planned to pay …".
    expect(dates('On Friday, the government planned to pay the first claims.', '1998-09-30')).toEqual(['1998-09-25']);
    expect(dates('On Friday, the council is to vote on the plan.', '1998-09-30')).toEqual(['1998-10-02']);
    // A plan in the past perfect does not say: a weekday is then the last one, a date days ahead the coming one.
    expect(dates('The offer had been due to lapse Friday evening.', '1989-10-30')).toEqual(['1989-10-27']);
    expect(dates('The offer had been set to lapse Nov. 6.', '1989-11-02')).toEqual(['1989-11-06']);
  });

  it('reads "the previous Friday" as the one before the last, and "next Tuesday" or "tomorrow" on their side', () => {
    expect(dates('The index ended 3% below the previous Friday.', '1989-10-30')).toEqual(['1989-10-20']);
    expect(dates('The vote is next Tuesday.', '1998-02-27')).toEqual(['1998-03-03']);
    expect(dates('Talks resume tomorrow.', '1998-02-27')).toEqual(['1998-02-28']);
  });

  it('reads "last May" and "this March" from the publication', () => {
    expect(dates('The two leaders signed the treaty last May.', '1998-02-27')).toEqual(['1997-05']);
    expect(dates('Last May, the two leaders met.', '1998-06-10')).toEqual(['1998-05']);
    expect(dates('The plant closes this March.', '1998-02-27')).toEqual(['1998-03']);
  });

  it('reads "today" beside an action under way, not "today" meaning nowadays', () => {
    expect(dates('Thousands have been marching today against the closures.', '1998-02-05')).toEqual(['1998-02-05']);
    expect(dates('The dangers we face today are many.', '1998-02-05')).toEqual([]);
  });

  it('reads holidays on their day, the weekday in a holiday not choosing the year', () => {
    expect(dates('The boy was found on Thanksgiving Day off the coast.', '2000-01-07')).toEqual(['1999-11-25']);
    expect(dates('Crowds gathered on Easter Sunday, police said.', '2000-01-07')).toEqual(['1999-04-04']);
    expect(dates('They met on Christmas Eve 1991.', '2000-01-07')).toEqual(['1991-12-24']);
    expect(dates('Thanksgiving weekend traffic was heavy.', '2000-01-07')).toEqual([]);
  });

  it('reads years spelled out as transcripts write them, and not counts', () => {
    expect(dates('The city needed protection in nineteen seventy-nine.', '1998-01-21')).toEqual(['1979']);
    expect(dates('The promise to halve it by the year two thousand was dropped.', '1998-02-05')).toEqual(['2000']);
    expect(dates('It was cold in the winter of nineteen ninety-four.', '1998-02-23')).toEqual(['1994-12..1995-02']);
    expect(dates('In nineteen twenty-five people came.', '1998-02-23')).toEqual([]);
    expect(dates('Sales in two thousand homes fell.', '1998-02-23')).toEqual([]);
  });

  it("reads no date in a habit, a vague count of years or a car's model year", () => {
    expect(dates('They march each July through the town, and meet every Thursday.', '1998-03-22')).toEqual([]);
    expect(dates('Turnout fell from 70 percent several years ago to 51 percent.', '1998-03-22')).toEqual([]);
    expect(dates("Police found Kopp's 1987 Chevrolet Cavalier at the airport.", '1999-01-22')).toEqual([]);
    expect(dates('In 1974 Ford pardoned Nixon.', '1999-01-22')).toEqual(['1974']);
  });

  it('reads "later that year" and "the same day" from the date just stated, at no finer a unit than it was stated', () => {
    const all = (texts: string[]) =>
      articleDates(
        texts.map((text) => ({ text, kind: 'body' as const })),
        { published: '1999-02-06' },
      ).map((ds) => ds.map((d) => d.start));
    expect(all(['He was arrested in March 1998.', 'Later that year he fled to Baku.'])).toEqual([['1998-03'], ['1998']]);
    expect(all(['The strike began on Oct. 23, 1998.', 'The same day, talks broke down.'])).toEqual([['1998-10-23'], ['1998-10-23']]);
    expect(all(['The strike began in 1998.', 'The same day, talks broke down.'])).toEqual([['1998'], []]);
    expect(all(['That day will come.'])).toEqual([[]]);
    expect(dates('Profit for the current year will rise.', '1999-02-06')).toEqual(['1999']);
  });

  it('reads a year after "for", "both" or "a" only where no count or measure follows', () => {
    expect(dates('Earnings will fall in both 1990 and 1991.', '1989-11-01')).toEqual(['1990', '1991']);
    expect(dates('It forecast lower earnings for 1990.', '1989-11-01')).toEqual(['1990']);
    expect(dates('A 1996 law named for him bars the trade.', '2000-01-07')).toEqual(['1996']);
    expect(dates('He paid for 2000 tickets.', '2000-01-07')).toEqual([]);
    expect(dates('She won an 1800 metre race.', '2000-01-07')).toEqual([]);
  });

  it('reads "this year through August" from the year\'s first day to the one stated', () => {
    expect(dates('Sales rose 5% this year through August.', '1989-10-27')).toEqual(['1989-01..1989-08']);
    expect(dates('Volume fell last year through Oct. 19.', '1989-10-27')).toEqual(['1988-01-01..1988-10-19']);
  });

  it('reads a weekday and a month that chrono joins with "to" apart, unless they are one span', () => {
    expect(dates("After a revision Friday to December's figures, jobs rose.", '1998-02-06')).toEqual(['1998-02-06', '1997-12']);
    expect(dates('The talks ran Friday through Sunday.', '1998-02-06')).toEqual([]);
  });

  it('dates an event named by its day only where the article or the weeks around it give the year', () => {
    // A day used as an event's name: its year is the event's, not the paper's.
    expect(dates('Trade has not recovered since the July 15 coup attempt.', '2026-12-08')).toEqual([]);
    expect(dates('Crowds marked the anniversary of the January 20 tragedy.', '2026-01-25')).toEqual([]);
    expect(
      articleDates(
        [
          { text: 'The coup attempt began on July 15, 2016.', kind: 'body' },
          { text: 'Trade has not recovered since the July 15 coup attempt.', kind: 'body' },
        ],
        { published: '2026-12-08' },
      ).map((ds) => ds.map((d) => d.start)),
    ).toEqual([['2016-07-15'], ['2016-07-15']]);
    // Weeks from publication, it is the recent one: "the Aug. 7 blasts" in a report of 21 August.
    expect(dates('She visited Nairobi, where the Aug. 7 blasts killed 257 people.', '1998-08-21')).toEqual(['1998-08-07']);
    expect(dates('The judge gave no reason for the Jan. 14 deadline.', '2000-01-07')).toEqual(['2000-01-14']);
  });

  it('reads a weekday after "Also" or "Earlier", and no week in a programme\'s name', () => {
    expect(phrases('Also Friday, the mayor flew to Washington.', '2000-01-07')).toEqual(['Friday']);
    expect(phrases('He said on "This Week With David Brinkley" that talks would go on.', '1991-02-25')).toEqual([]);
  });
});
