import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../../src/corpus/extract/gazetteer-matcher.js';
import { gazetteerSchema } from '../../src/corpus/schema.js';
import { REPO } from '../helpers/temp-data.js';

const gazetteer = gazetteerSchema.parse(JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8')));
const matcher = compileGazetteer(gazetteer);
const ids = (text: string) => matcher.find(text).map((m) => m.id);

describe('gazetteer matching', () => {
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
