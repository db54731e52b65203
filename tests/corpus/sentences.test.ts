// A quote is the article's text byte for byte: sentence splitting never
// changes a character, and never splits a URL, an e-mail address or a number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/ingest/sentences.js';
import { cleanArticleText } from '../../src/text/normalize.js';

const PIECES = [
  'Iran said so.',
  'https://evil.example/phish',
  'www.example.com/a.b',
  'a.b@example.org',
  '2.5',
  '1,200.50',
  'U.S.',
  'Gen.',
  'Jan.',
  '"Quoted."',
  '“Curly,” she said.',
  'Why?',
  'Wow!',
  '…',
  'and',
  'The',
  'Armenia',
  'Army',
  'Baku.',
  'Russian President',
  '3.',
  '(see p. 4)',
  'e.g.',
  '—',
  '\n',
  '  ',
  'Ж.',
  'Erdoğan.',
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((p) => p.join(' '));

describe('sentence splitting', () => {
  it("drops a magazine's end-of-article mark, and only at the end", () => {
    expect(splitSentences('Mr Trump has yet to reply. “This is a strategy for regime survival.” ■')).toEqual([
      'Mr Trump has yet to reply.',
      '“This is a strategy for regime survival.”',
    ]);
    expect(splitSentences('The ■ mark stays inside a sentence.')).toEqual(['The ■ mark stays inside a sentence.']);
  });

  it('ends a sentence before a run of capitalised names, but not after a title, an initial or a month', () => {
    expect(splitSentences('He left. Russian President Vladimir Putin said nothing.')).toEqual([
      'He left.',
      'Russian President Vladimir Putin said nothing.',
    ]);
    expect(splitSentences('Officials met in Baku. The U.S. Army said on Monday it would stay.')).toEqual([
      'Officials met in Baku.',
      'The U.S. Army said on Monday it would stay.',
    ]);
    expect(splitSentences('United States of America v. Rafat Amirov was filed. It named three men.')).toEqual([
      'United States of America v. Rafat Amirov was filed.',
      'It named three men.',
    ]);
    expect(
      splitSentences('George W. Bush met Mr. Putin in St. Petersburg on Jan. 5. Gen. Petraeus was there. Acme Inc. Chairman Doe too.'),
    ).toEqual(['George W. Bush met Mr. Putin in St. Petersburg on Jan. 5.', 'Gen. Petraeus was there.', 'Acme Inc. Chairman Doe too.']);
  });

  it('keeps an initialism with the institution it names, and ends a sentence at one otherwise', () => {
    expect(splitSentences('He spoke to the U.S. Army on Monday. It was late.')).toEqual([
      'He spoke to the U.S. Army on Monday.',
      'It was late.',
    ]);
    expect(splitSentences('Police in Washington D.C. Police said so.')).toEqual(['Police in Washington D.C. Police said so.']);
    expect(splitSentences('He flew to the U.S. The next day he met Aliyev.')).toEqual([
      'He flew to the U.S.',
      'The next day he met Aliyev.',
    ]);
  });

  it('keeps URLs, e-mail addresses and decimals whole', () => {
    expect(
      splitSentences(
        'Visit https://evil.example/phish now. Mail a.b@example.org today. GDP grew 2.5 percent, or 1,200.50 dollars. See www.example.com.',
      ),
    ).toEqual([
      'Visit https://evil.example/phish now.',
      'Mail a.b@example.org today.',
      'GDP grew 2.5 percent, or 1,200.50 dollars.',
      'See www.example.com.',
    ]);
  });

  it('never changes the text: every sentence is a piece of the cleaned text, and together they are all of it', () => {
    fc.assert(
      fc.property(text, (t) => {
        const clean = cleanArticleText(t);
        const sentences = splitSentences(t);
        for (const s of sentences) expect(clean).toContain(s);
        expect(sentences.join(' ').replace(/\s+/g, '')).toBe(clean.replace(/\s+/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});

describe('outlets, domains and initialisms inside a sentence', () => {
  it.each([
    ['PanARMENIAN.Net - Verified video footage shows the strike. Officials confirmed it.', 2],
    ['Reporting by Mediazona.ru and Civil.ge shows it. Another sentence.', 2],
    ['Kyiv relies heavily on U.S. Patriot air defense systems, officials said. They want more.', 2],
    ['The talks in the E.U. Council went on. Later they ended.', 2],
    ['Photo: © NASA/ESA/K. Retherford/SWRI', 1],
  ])('keeps the name whole: %s', (text, n) => {
    const s = splitSentences(text);
    expect(s).toHaveLength(n);
    expect(s.join(' ')).toBe(text);
  });

  it('still ends a sentence at an initialism before a word a sentence starts with', () => {
    expect(splitSentences('He flew to the U.S. The next day he met officials.')).toEqual([
      'He flew to the U.S.',
      'The next day he met officials.',
    ]);
  });
});
