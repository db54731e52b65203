// The port of the article-extraction benchmark's scoring, on cases worked out
// by hand from evaluate.py's rules (checked once against the Python original on
// the development half: the same precision, recall and F1 to 1e-15).
import { describe, expect, it } from 'vitest';
import { scores, shingleMatching, tokens } from './extraction/shingle-score.js';

describe('shingle scoring', () => {
  it("tokenises as Python's \\w+ does: letters, digits and underscores of any script, marks and punctuation split", () => {
    expect(tokens("Erdoğan's 2024 plan_b — Тбилиси, 東京!")).toEqual(['Erdoğan', 's', '2024', 'plan_b', 'Тбилиси', '東京']);
  });

  it('counts 4-token shingles with multiplicity, normalised by their sum', () => {
    // truth: a b c d e -> [abcd, bcde]; predicted: a b c d x -> [abcd, bcdx]
    expect(shingleMatching('a b c d e', 'a b c d x')).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // A repeated shingle counts twice.
    expect(shingleMatching('a b c d a b c d', 'a b c d')).toEqual([1 / 5, 0, 4 / 5]);
    // Shorter than four tokens: one shingle of all of them.
    expect(shingleMatching('a b', 'a b')).toEqual([1, 0, 0]);
    expect(shingleMatching('', '')).toEqual([0, 0, 0]);
  });

  it('averages precision over pages that predicted something, recall over pages with a truth', () => {
    const perfect = shingleMatching('a b c d e', 'a b c d e');
    const nothing = shingleMatching('a b c d e', '');
    const half = shingleMatching('a b c d e', 'a b c d x');
    const s = scores([perfect, nothing, half]);
    expect(s.precision).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(s.recall).toBeCloseTo((1 + 0 + 0.5) / 3, 12);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25, 12);
  });
});
