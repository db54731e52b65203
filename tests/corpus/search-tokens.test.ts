import { describe, expect, it } from 'vitest';
import { searchTokens } from '../../src/corpus/search-tokens.js';
import { queryTerms } from '../../src/briefing/full-text.js';

const terms = (t: string) => searchTokens(t).map((x) => x.term);

describe('the hardened tokenizer (ARCHITECTURE §4 traps)', () => {
  it('splits on en dashes, other dashes and slashes', () => {
    expect(terms('Iran–Israel–US conflict')).toEqual(['iran', 'israel', 'usa', 'conflict']);
    expect(terms('2021–2022 EPA/Reuters Kramatorsk‑Slovyansk')).toEqual(['2021', '2022', 'epa', 'reuters', 'kramatorsk', 'slovyansk']);
  });

  it("drops possessives, so Armenia's is Armenia", () => {
    expect(terms("Armenia's and Azerbaijan’s")).toEqual(['armenia', 'and', 'azerbaijan']);
  });

  it('folds diacritics and keeps letters outside ASCII', () => {
    expect(terms('Erdoğan Öcalan Bakı')).toEqual(['erdogan', 'ocalan', 'baki']);
    expect(terms('Путин и Россия')).toEqual(['путин', 'и', 'россия']);
  });

  it('keeps the United States apart from the pronoun "us"', () => {
    expect(terms('the US and the U.S. told us')).toEqual(['the', 'usa', 'and', 'the', 'usa', 'told', 'us']);
    expect(queryTerms('US')).toEqual(['usa']);
    expect(queryTerms('us')).toEqual([]);
  });

  it('records positions in the raw text for marking matches', () => {
    const [, second] = searchTokens('Iran–Israel');
    expect(second).toEqual({ term: 'israel', start: 5, length: 6 });
  });
});
