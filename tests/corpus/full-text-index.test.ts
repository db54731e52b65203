// The FTS5 index, through the real database file: what it finds, and that no
// input reaches its query syntax.
import { describe, expect, it } from 'vitest';
import { search } from '../../src/briefing/search.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { matchExpression } from '../../src/corpus/db/fts-query.js';
import { tempData } from '../helpers/temp-data.js';

const ARTICLE = `---
title: Index test
outlet: Test Wire
author: A. Writer
published: 2025-01-02
---

A further risk stemming from the Iran–Israel–US conflict worries everyone.

Armenia's border with Iran? Erdoğan said so on the record.

Россия и Украина подписали соглашение сегодня утром.

The sanctions were lifted after 10:30 talks in Baku.
`;

describe('the full-text index', () => {
  const corpus = openCorpus(tempData({ 'a.md': ARTICLE }));
  const find = async (q: string) => {
    const a = await search(corpus, q);
    return a.ok ? a.quotes.map((x) => x.text.slice(0, 12)).sort() : a.problem.code;
  };

  it('finds words joined by en dashes, possessives, diacritics, US, stems and Cyrillic', async () => {
    expect(await find('Israel')).toEqual(['A further ri']);
    expect(await find('US')).toEqual(['A further ri']);
    expect(await find('Armenia')).toEqual(["Armenia's bo"]);
    expect(await find('Erdogan')).toEqual(['Erdoğan said']);
    expect(await find('Iran?')).toEqual(['A further ri', "Armenia's bo"]);
    expect(await find('Россия')).toEqual(['Россия и Укр']);
    expect(await find('sanction')).toEqual(['The sanction']);
  });

  it('marks the matched words in the quote', async () => {
    const a = await search(corpus, 'sanction');
    expect(a.ok && a.quotes[0]!.matches).toEqual([{ start: 4, length: 9 }]);
  });

  it('treats FTS5 syntax as plain words and never throws', async () => {
    const hostile = [
      '"',
      '"Iran',
      'Iran"',
      '*',
      'Iran*',
      'NEAR(Iran Israel)',
      'Iran AND',
      'OR Iran',
      'NOT Iran',
      '-Iran',
      'text:Iran',
      'terms:Iran',
      '^Iran',
      '(Iran',
      'Iran)',
      '10:30',
      '{Iran}',
      'Iran + Israel',
      "'; DROP TABLE passages; --",
      'x'.repeat(3000),
      'Iran\u0000\u200bIsrael',
      '🙂 Iran',
    ];
    for (const q of hostile) {
      const a = await search(corpus, q);
      expect(a.ok || ['no-search-terms', 'input-too-long', 'empty-input'].includes(a.problem.code)).toBe(true);
    }
    expect(await find('NOT Iran')).toEqual(['A further ri', "Armenia's bo"]);
    expect(await find('-Iran')).toEqual(['A further ri', "Armenia's bo"]);
    expect(await find('10:30')).toEqual(['The sanction']);
    expect(await find('*')).toBe('no-search-terms');
  });

  it('quotes every term it writes into MATCH and doubles quotes inside', async () => {
    expect(matchExpression({ terms: ['iran', ['isra', 'israel']], mode: 'all' })).toBe('("iran" AND ("isra" OR "israel"))');
    expect(matchExpression({ terms: ['a"b'], mode: 'any', phrases: [['peace', 'treaty']] })).toBe('"a""b" AND "peace treaty"');
    expect(matchExpression({ terms: [], mode: 'any' })).toBeNull();
  });
});
