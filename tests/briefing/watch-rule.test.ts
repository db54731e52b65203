// The watch rule language: what a team writes, read into a typed rule, and
// every mistake answered with what is wrong and where. Never an exception,
// whatever is typed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRule,
  MAX_RULE_ATOMS,
  MAX_RULE_LENGTH,
  nameInProgress,
  parseRule,
  type RuleNode,
} from '../../src/briefing/watch/watch-rule.js';

const rule = (text: string): RuleNode => {
  const r = parseRule(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} at ${r.error.at}`);
  return r.rule;
};
const error = (text: string) => {
  const r = parseRule(text);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.error;
};

describe('watch rules', () => {
  it('reads fields, phrases, implicit AND, OR, exclusions and brackets', () => {
    expect(rule('actor:Iran corridor:"Middle Corridor"')).toEqual({
      kind: 'and',
      parts: [
        { kind: 'actor', name: 'Iran' },
        { kind: 'corridor', name: 'Middle Corridor' },
      ],
    });
    expect(rule('actor:Armenia OR actor:Azerbaijan')).toEqual({
      kind: 'or',
      parts: [
        { kind: 'actor', name: 'Armenia' },
        { kind: 'actor', name: 'Azerbaijan' },
      ],
    });
    expect(rule('"peace treaty" -football')).toEqual({
      kind: 'and',
      parts: [
        { kind: 'term', text: 'peace treaty', phrase: true },
        { kind: 'not', part: { kind: 'term', text: 'football', phrase: false } },
      ],
    });
    // AND binds tighter than OR; brackets say otherwise; NOT and AND may be written out.
    expect(formatRule(rule('a b OR c'))).toBe('a b OR c');
    expect(rule('a (b OR c)')).toEqual({
      kind: 'and',
      parts: [
        { kind: 'term', text: 'a', phrase: false },
        {
          kind: 'or',
          parts: [
            { kind: 'term', text: 'b', phrase: false },
            { kind: 'term', text: 'c', phrase: false },
          ],
        },
      ],
    });
    expect(rule('outlet:"OC Media" AND NOT actor:Russia')).toEqual(rule('outlet:"OC Media" -actor:Russia'));
    // A hyphen inside a word is part of it; field names are any case; curly quotes are quotes.
    expect(rule('Nagorno-Karabakh')).toEqual({ kind: 'term', text: 'Nagorno-Karabakh', phrase: false });
    expect(rule('ACTOR:“Nikol Pashinyan”')).toEqual({ kind: 'actor', name: 'Nikol Pashinyan' });
  });

  it('writes a rule back so that it reads the same', () => {
    for (const text of [
      'actor:Iran corridor:"Middle Corridor"',
      'actor:Armenia OR actor:Azerbaijan',
      '"peace treaty" -football',
      'outlet:"OC Media" (actor:Georgia OR corridor:"Middle Corridor") -(sport football)',
      'a -(b OR c) OR d',
    ])
      expect(rule(formatRule(rule(text)))).toEqual(rule(text));
  });

  it.each([
    ['', 'the rule is empty', 0],
    ['actor:', '"actor:" needs a name after it', 0],
    ['actor:Iran OR (corridor:Zangezur', 'a bracket is never closed', 14],
    ['Iran )', 'a closing bracket with no opening one', 5],
    ['"peace treaty', 'a quotation mark is never closed', 0],
    ['country:Iran', 'unknown field "country:"; use actor:, corridor:, outlet:', 0],
    ['Iran OR', '"OR" needs a term on each side', 5],
    ['OR Iran', '"OR" needs a term on each side', 0],
    ['Iran AND', '"AND" needs a term on each side', 5],
    ['Iran NOT', 'NOT needs a term after it', 5],
    ['-football', 'a rule needs something to match, not only exclusions', 0],
    ['-a OR b', 'a rule needs something to match, not only exclusions', 0],
    ['Iran ""', 'empty quotation marks', 5],
    ['Iran\u0007 Baku', 'a control character', 4],
  ])('says what is wrong with %j and where', (text, message, at) => {
    expect(error(text)).toEqual({ message, at });
  });

  it('refuses a rule too long or with too many terms, saying the limit', () => {
    expect(error('x'.repeat(MAX_RULE_LENGTH + 1)).message).toBe(
      `the rule is ${MAX_RULE_LENGTH + 1} characters long; at most ${MAX_RULE_LENGTH}`,
    );
    expect(error(Array.from({ length: MAX_RULE_ATOMS + 1 }, (_, i) => `w${i}`).join(' ')).message).toBe(
      `more than ${MAX_RULE_ATOMS} terms and names`,
    );
  });

  it('never throws, and places every mistake inside the rule', () => {
    const pieces = fc.constantFrom(
      'actor:',
      'corridor:',
      'outlet:',
      'OR',
      'AND',
      'NOT',
      '-',
      '(',
      ')',
      '"',
      '“',
      'Iran',
      'peace',
      ' ',
      ':',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const r = parseRule(text);
        if (!r.ok) {
          expect(r.error.at).toBeGreaterThanOrEqual(0);
          expect(r.error.at).toBeLessThanOrEqual(Math.max(text.trim().length, MAX_RULE_LENGTH));
        } else expect(parseRule(formatRule(r.rule))).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the name being typed at the end of a rule, for autocomplete', () => {
    expect(nameInProgress('actor:Pash')).toEqual({ field: 'actor', partial: 'Pash', at: 0 });
    expect(nameInProgress('"peace" corridor:"Middle Co')).toEqual({ field: 'corridor', partial: 'Middle Co', at: 8 });
    expect(nameInProgress('actor:Iran OR (actor:Az')).toEqual({ field: 'actor', partial: 'Az', at: 15 });
    expect(nameInProgress('-actor:')).toEqual({ field: 'actor', partial: '', at: 1 });
    expect(nameInProgress('actor:Iran ')).toBeNull();
    expect(nameInProgress('outlet:OC')).toBeNull();
    expect(nameInProgress('reactor:Zap')).toBeNull();
  });
});
