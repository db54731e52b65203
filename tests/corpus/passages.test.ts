import { describe, expect, it } from 'vitest';
import { buildPassages } from '../../src/corpus/ingest/passages.js';
import type { LayoutItem } from '../../src/corpus/ingest/layout-item.js';

const body = (...texts: string[]): LayoutItem[] => texts.map((text) => ({ kind: 'body', text, paragraph: 0 }));

describe('passages', () => {
  it('keeps a lead-in that ends with a colon with the quote the next paragraph holds, and no further', () => {
    const items: LayoutItem[] = [
      { kind: 'body', text: 'Kremlin spokesperson Dmitry Peskov said:', paragraph: 0 },
      { kind: 'body', text: '"We will not accept any such plan for the region."', paragraph: 1 },
      { kind: 'body', text: 'The talks ended on Friday without a statement from either side.', paragraph: 2 },
    ];
    expect(buildPassages(items).passages.map((p) => p.text)).toEqual([
      'Kremlin spokesperson Dmitry Peskov said: "We will not accept any such plan for the region."',
      'The talks ended on Friday without a statement from either side.',
    ]);
  });

  it('keeps a quotation that runs over several sentences together', () => {
    const { passages } = buildPassages(
      body(
        "'However, the situation is getting worse.",
        '… We can assume they will capture it.',
        "So far, it holds.' The next sentence stands alone.",
      ),
    );
    expect(passages.map((p) => p.text)).toEqual([
      "'However, the situation is getting worse. … We can assume they will capture it. So far, it holds.' The next sentence stands alone.",
    ]);
  });

  it('joins a fragment of a few words to the sentence before', () => {
    const { passages } = buildPassages(
      body('Please support the fund and its goal of a new school.', 'We are close.', 'A separate sentence follows here.'),
    );
    expect(passages).toHaveLength(2);
    expect(passages[0]!.text).toMatch(/We are close\.$/);
  });

  it('keeps a repeated pull quote once, in its fullest form', () => {
    const { passages, duplicates } = buildPassages(
      body(
        'A complete shutout of Russia in the South Caucasus is unlikely.',
        'Both countries depend on remittances from Russia.',
        'However, a complete shutout of Russia in the South Caucasus is unlikely.',
        'Both countries depend on remittances from Russia.',
      ),
    );
    expect(passages.map((p) => p.text)).toEqual([
      'Both countries depend on remittances from Russia.',
      'However, a complete shutout of Russia in the South Caucasus is unlikely.',
    ]);
    expect(duplicates).toBe(2);
    expect(passages.map((p) => p.seq)).toEqual([0, 1]);
  });

  it('never merges captions with body text', () => {
    const { passages } = buildPassages([
      { kind: 'body', text: "'An open quote", paragraph: 0 },
      { kind: 'caption', text: 'A caption, 1 May 2024.', paragraph: 0, credit: 'EPA' },
    ]);
    expect(passages.map((p) => p.kind)).toEqual(['body', 'caption']);
  });
});
