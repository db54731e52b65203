// The passage that says what a corridor is: scored so the card leads with it.
import { describe, expect, it } from 'vitest';
import { definitionScore } from '../../src/corpus/extract/corridor-definition.js';

const score = (text: string, name: string) => {
  const start = text.indexOf(name);
  return definitionScore(text, start, start + name.length, 'body');
};

describe('corridor definitions', () => {
  it.each([
    ["Azerbaijan's notion of a 'Zangezur Corridor' refers to its demand for a route through Syunik.", 'Zangezur Corridor'],
    ['The Aras Corridor is an infrastructure project under construction along the Aras River.', 'Aras Corridor'],
    [
      'The Middle Corridor (also known as the Trans-Caspian route), is a US and EU sponsored project linking Asia and Europe.',
      'Middle Corridor',
    ],
    ['Moscow deployed peacekeepers along the Lachin corridor, a strip of land connecting Armenia and Karabakh.', 'Lachin corridor'],
  ])('reads a definition: %s', (text, name) => {
    expect(score(text, name)).toBeGreaterThan(0);
  });

  it.each([
    ['The Middle Corridor (which Russia dislikes) saw record traffic in 2024.', 'Middle Corridor'],
    ['Trade along the Middle Corridor grew by a third last year.', 'Middle Corridor'],
  ])('reads none where the sentence only mentions it: %s', (text, name) => {
    expect(score(text, name)).toBe(0);
  });

  it('counts a definition opening the sentence for more than one late in it', () => {
    const early = score('The Aras Corridor is an infrastructure project along the river.', 'Aras Corridor');
    const late = score('Officials in Baku and Tehran said on Monday that the Aras Corridor is an infrastructure project.', 'Aras Corridor');
    expect(early).toBeGreaterThan(late);
  });
});
