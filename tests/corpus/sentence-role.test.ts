// The role a sentence gives a name decides how early /actor and /corridor show it.
import { describe, expect, it } from 'vitest';
import { centrality } from '../../src/corpus/extract/centrality.js';
import { sentenceRole } from '../../src/corpus/extract/sentence-role.js';

const roleOf = (text: string, name = 'Iran') => {
  const start = text.indexOf(name);
  return sentenceRole(text, start, start + name.length);
};

describe('the role of a name in its sentence', () => {
  it.each([
    ['Iran opposes the so-called Zangezur corridor.'],
    ['Iran, on the other hand, has shown little enthusiasm for the project.'],
    ['As regional powers compete over the future of connectivity, Iran has emerged as a key actor.'],
    ['In 2024, after the talks, Iran said it would reopen the border.'],
    ['ANALYSIS: Iran quietly signed the deal.'],
    ['Armenia and Iran share certain regional interests.'],
    ['Iran spent only 30,000 dollars on the plot.'],
  ])('acts: %s', (text) => expect(roleOf(text)).toBe('acts'));

  it.each([
    ['In contrast, Iran is an Islamic authoritarian state.'],
    ['Iran remains the main obstacle.'],
    ['Iran has been a partner for decades.'],
  ])('described: %s', (text) => expect(roleOf(text)).toBe('described'));

  it.each([["Iran's regional posture is shaped by isolation."], ['Iran Air flights were cancelled.']])('opens: %s', (text) =>
    expect(roleOf(text)).toBe('opens'),
  );

  it.each([
    ["Given Armenia's proximity to Iran and its small size, the risk grows."],
    ['This is likely much cheaper than Iran organizing its own logistics.'],
    ['According to the charges, the plot originated with Iran.'],
    ['Armenia, which borders Iran, is exposed.'],
  ])('mentioned: %s', (text) => expect(roleOf(text)).toBe('mentioned'));
});

describe('centrality', () => {
  const score = (text: string, kind: 'body' | 'caption' = 'body', distinct = 1) => {
    const start = text.indexOf('Iran');
    return centrality({ text, kind, distinct, mentions: [{ type: 'actor', id: 'iran', start, end: start + 4, weight: 1 }] });
  };

  it('puts a sentence where the entity acts before one that describes it, and both before a passing mention', () => {
    const acts = score('Iran opposes the corridor through the south of the country.');
    const described = score('Iran is an Islamic state with a long history in the region.');
    const mentioned = score('Given the proximity to Iran, the risk to the country grows.');
    expect(acts).toBeGreaterThan(described);
    expect(described).toBeGreaterThan(mentioned);
  });

  it('lets a caption come after the same sentence in the body', () => {
    const text = 'Iran opposes the corridor through the south of the country.';
    expect(score(text, 'caption')).toBeLessThan(score(text));
  });

  it('dilutes an acting subject less than a mention when other names share the sentence', () => {
    const acts = 'Iran opposes the corridor through the south of the country.';
    const described = 'Iran is an Islamic state with a long history in the region.';
    expect(score(acts, 'body', 4) / score(acts)).toBeGreaterThan(score(described, 'body', 4) / score(described));
  });
});
