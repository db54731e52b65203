// Who backs or opposes a corridor, read from the sentence that says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStances } from '../../src/corpus/extract/corridor-stances.js';
import { compileGazetteer } from '../../src/corpus/extract/gazetteer-matcher.js';
import { gazetteerSchema } from '../../src/corpus/schema.js';
import { REPO } from '../helpers/temp-data.js';

const matcher = compileGazetteer(gazetteerSchema.parse(JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8'))));
const stances = (text: string, corridor: string) =>
  findStances({ text, mentions: matcher.find(text), corridor })
    .map((s) => `${s.actor} ${s.stance}`)
    .sort();

describe('stances on a corridor', () => {
  it.each([
    ['TRIPP is a US and EU sponsored project linking Azerbaijan with Nakhchivan.', ['european-union backs', 'united-states backs']],
    ['The Trump Route, a US-backed corridor through Syunik, would open in 2028.', ['united-states backs']],
    ['The Middle Corridor is an EU-funded route across the Caspian.', ['european-union backs']],
  ])('reads backers from an adjective: %s', (text, want) => {
    const corridor = matcher.find(text).find((m) => m.type === 'corridor')!.id;
    expect(stances(text, corridor)).toEqual(want);
  });

  it('reads no backer from an adjective that qualifies something else', () => {
    const text = 'TRIPP crosses Syunik, where a US-funded school opened last year.';
    expect(stances(text, 'tripp')).toEqual([]);
  });

  it('keeps reading verbs: opposition and passive backing', () => {
    expect(stances('Iran opposes the so-called Zangezur corridor.', 'zangezur')).toEqual(['iran opposes']);
    expect(stances('The Zangezur Corridor is backed by both Russia and Turkey.', 'zangezur')).toEqual(['russia backs', 'turkey backs']);
  });
});
