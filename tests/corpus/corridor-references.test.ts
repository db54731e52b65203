// "The project" belongs to a corridor only when the text just before is about
// that corridor and no other project came up in between.
import { describe, expect, it } from 'vitest';
import { resolveCorridorReferences } from '../../src/corpus/extract/corridor-references.js';

const passages = (...texts: [string, string[]][]) => texts.map(([text, named]) => ({ articleId: 'a', text, named }));

describe('corridor references', () => {
  it('gives "the project" the corridor named in the passage before', () => {
    const refs = resolveCorridorReferences(
      passages(
        ['Azerbaijan demands the Zangezur corridor through Syunik.', ['zangezur']],
        ['The project is backed by both Russia and Turkey.', []],
      ),
    );
    expect(refs).toEqual([null, 'zangezur']);
  });

  it('reaches back over a passage about nothing in particular', () => {
    const refs = resolveCorridorReferences(
      passages(
        ['Azerbaijan demands the Zangezur corridor through Syunik.', ['zangezur']],
        ['Talks on it resumed in the spring.', []],
        ['The project is backed by both Russia and Turkey.', []],
      ),
    );
    expect(refs[2]).toBe('zangezur');
  });

  it('does not pass over a passage about another project: "the project" is that one', () => {
    const refs = resolveCorridorReferences(
      passages(
        ['Azerbaijan demands the Zangezur corridor through Syunik.', ['zangezur']],
        ['Georgia, meanwhile, is laying a gas pipeline to the Black Sea coast.', []],
        ['The project will cost two billion dollars.', []],
      ),
    );
    expect(refs[2]).toBeNull();
  });

  it('does not give the corridor to a reference to what the passage itself just named', () => {
    const refs = resolveCorridorReferences(
      passages(
        ['Azerbaijan demands the Zangezur corridor through Syunik.', ['zangezur']],
        ['Georgia is laying a new railway to Kars, and the project will cost two billion dollars.', []],
      ),
    );
    expect(refs[1]).toBeNull();
  });

  it('gives nothing when the passage before names two corridors', () => {
    const refs = resolveCorridorReferences(
      passages(['The Zangezur corridor competes with the Middle Corridor.', ['zangezur', 'middle']], ['The project is stalled.', []]),
    );
    expect(refs[1]).toBeNull();
  });
});
