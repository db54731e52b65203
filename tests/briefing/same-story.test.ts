// One story told twice: a wire copy in another outlet, a lightly edited
// rewrite, an update at the same address; two stories on one topic are not.
import { describe, expect, it } from 'vitest';
import { groupStories, sameStory } from '../../src/briefing/story.js';
import type { Article, Passage } from '../../src/corpus/records.js';

const article = (id: string, url: string | null): Article =>
  ({ id, title: id, outlet: 'X', author: null, published: '2026-12-06', url }) as unknown as Article;
const passages = (texts: string[]): Passage[] =>
  texts.map((text, seq) => ({ id: `p${seq}`, articleId: 'a', seq, kind: 'body', text, actors: [], corridors: [], dates: [] }));

const WIRE = [
  'Georgia said on Monday it would double the capacity of its Black Sea ports for the Middle Corridor by 2028.',
  'Officials in Tbilisi said the new terminals at Poti and Anaklia would take container trains from Baku.',
  'The European Union has promised to help pay for the works, the transport ministry said.',
];

describe('the same story', () => {
  it('is a copy, or a rewrite that keeps most sentences, or the same address', () => {
    const a = { article: article('a', 'https://one.example/a'), passages: passages(WIRE) };
    expect(
      sameStory(a, { article: article('b', null), passages: passages([...WIRE, 'A paragraph of its own, added by the second outlet.']) }),
    ).toBe(true);
    expect(
      sameStory(a, { article: article('c', null), passages: passages([WIRE[0]!.toUpperCase(), WIRE[1]!, 'A sentence of its own here.']) }),
    ).toBe(true);
    expect(
      sameStory(a, { article: article('d', 'https://one.example/a'), passages: passages(['An update with new text entirely.']) }),
    ).toBe(true);
  });

  it('is not another article on the same topic, nor two articles with nothing long enough to compare', () => {
    const a = { article: article('a', null), passages: passages(WIRE) };
    const other = ['Georgia and Kazakhstan agreed new ferries for the Middle Corridor across the Caspian, officials said on Friday.'];
    expect(sameStory(a, { article: article('b', null), passages: passages(other) })).toBe(false);
    expect(
      sameStory(
        { article: article('c', null), passages: passages(['Short.']) },
        { article: article('d', null), passages: passages(['Short.']) },
      ),
    ).toBe(false);
  });

  it('groups a period of articles into stories, the first of each first, as the pairwise test would', () => {
    const wireCopy = { article: article('b', null), passages: passages([...WIRE, 'Its own paragraph, long enough to count here.']) };
    const update = {
      article: article('d', 'https://one.example/a'),
      passages: passages(['An update with new text entirely, long enough.']),
    };
    const other = {
      article: article('c', null),
      passages: passages(['Georgia and Kazakhstan agreed new ferries for the corridor, officials said.']),
    };
    const first = { article: article('a', 'https://one.example/a'), passages: passages(WIRE) };
    expect(groupStories([first, other, wireCopy, update]).map((g) => g.map((t) => t.article.id))).toEqual([['a', 'b', 'd'], ['c']]);
    expect(groupStories([])).toEqual([]);
  });
});
