import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../../src/corpus/extract/gazetteer-matcher.js';
import { tagPassages } from '../../src/corpus/extract/tag-passages.js';
import { gazetteerSchema } from '../../src/corpus/schema.js';
import { REPO } from '../helpers/temp-data.js';

const gazetteer = gazetteerSchema.parse(JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8')));
const matcher = compileGazetteer(gazetteer);
const ids = (text: string) => matcher.find(text).map((m) => m.id);

describe('gazetteer matching', () => {
  it('matches transliteration variants of names, without short words colliding', () => {
    expect(ids('President Aliev said so')).toEqual(['ilham-aliyev']);
    expect(ids('Əliyev and Pashinian met')).toEqual(['ilham-aliyev', 'nikol-pashinyan']);
    expect(ids('the Zangazur route')).toEqual(['zangezur']);
    // "Hi" folds like "Xi" would; variants need four letters and a capital.
    expect(ids('Hi there, said the aliev clerk')).toEqual([]);
  });

  it('counts an abbreviation an article defines as its entity, in that article only', () => {
    const g = gazetteerSchema.parse({
      version: 1,
      actors: [{ id: 'civil-contract', name: 'Civil Contract', kind: 'organisation' }],
      corridors: [],
    });
    const m = compileGazetteer(g);
    const passage = (text: string) => ({ articleId: 'a', text, kind: 'body' as const });
    const article = ['The ruling Civil Contract party (CC) won the vote.', 'The CC leader said the result was clear.', 'Nobody else did.'];
    const tagged = tagPassages(article.map(passage), m);
    expect(tagged.map((t) => t.actors.map((a) => a.id))).toEqual([['civil-contract'], ['civil-contract'], []]);
    // The definition's own brackets are not a second mention.
    expect(tagged[0]!.mentions).toHaveLength(1);
    // Another article that never defines CC does not get it.
    expect(tagPassages([passage('The CC leader said the result was clear.')], m)[0]!.actors).toEqual([]);
  });

  it('covers inflections, metonyms and spellings', () => {
    expect(ids('The Iranian envoy left Tehran')).toEqual(['iran', 'iran']);
    expect(ids('The Kremlin and Moscow')).toEqual(['russia', 'russia']);
    expect(ids('Erdogan met Erdoğan')).toEqual(['recep-tayyip-erdogan', 'recep-tayyip-erdogan']);
    expect(ids("Baku's offices")).toEqual(['azerbaijan']);
  });

  it('prefers the longest name and ignores phrases that only look like one', () => {
    expect(ids('Heydar Aliyev and his son Ilham Aliyev')).toEqual(['heydar-aliyev', 'ilham-aliyev']);
    expect(ids('the Middle (Trans-Caspian) Corridor')).toEqual(['middle-corridor']);
    expect(ids('it cost 500,000 US dollars')).toEqual([]);
  });

  it('respects case where it carries meaning', () => {
    expect(ids('give us a turkey')).toEqual([]);
    expect(ids('the US and Turkey')).toEqual(['united-states', 'turkey']);
    expect(ids('the Lachin corridor')).toEqual(['lachin-corridor']);
  });

  it('matches an acronym of four letters or more written as a word ("Nato"), never inside another word or in lower case', () => {
    expect(ids('Nato allies met on Tuesday')).toEqual(['nato']);
    expect(ids('NATO allies met')).toEqual(['nato']);
    expect(ids('the nato summit, natoprotest')).toEqual([]);
    expect(ids('Us and them')).toEqual([]);
  });

  it('rejects a gazetteer with a name claimed by two entries, naming the place', () => {
    const bad = {
      ...gazetteer,
      actors: [...gazetteer.actors, { id: 'persia-2', name: 'Persia', kind: 'country', aliases: [], adjectives: [] }],
    };
    const r = gazetteerSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('already names "iran"');
  });
});
