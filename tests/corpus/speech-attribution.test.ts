// Who said what, case by case: each rule of the attribution with the sentence that shows it (the scores over whole
// pages are in speech-attribution-score.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../../src/corpus/extract/gazetteer-matcher.js';
import { attributeSpeech } from '../../src/corpus/extract/speech/attribute-speech.js';
import { gazetteerSchema } from '../../src/corpus/schema.js';
import { REPO } from '../helpers/temp-data.js';

const matcher = compileGazetteer(gazetteerSchema.parse(JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8'))));
const read = (...texts: string[]) => {
  const passages = texts.map((text) => ({ text, kind: 'body' as const }));
  return attributeSpeech(
    passages,
    passages.map((p) => matcher.find(p.text)),
    (id) => matcher.actorKind(id),
  );
};
const one = (text: string) => read(text)[0] ?? null;

describe('speech attribution', () => {
  it.each([
    ['Kremlin spokesperson Dmitry Peskov said: "We will respond to any provocation."', 'direct', 'said', 'dmitry-peskov'],
    ['"This is unacceptable," Lavrov told reporters on Monday.', 'direct', 'told', 'sergei-lavrov'],
    ["Iran's foreign ministry warned that any attack would be met with force.", 'indirect', 'warned', 'iran'],
    ['According to a senior EU official, the talks will resume next week.', 'indirect', 'according to', 'european-union'],
    ['Downing Street said the sovereignty of the islands "rests with the UK".', 'mixed', 'said', 'united-kingdom'],
    ['Azerbaijani President Ilham Aliyev vowed to open the corridor.', 'indirect', 'vowed', 'ilham-aliyev'],
    ["Putin's spokesman Dmitry Peskov said the meeting was productive.", 'indirect', 'said', 'dmitry-peskov'],
  ])('%s → %s, "%s", %s', (text, kind, cue, actor) => {
    expect(one(text)).toMatchObject({ kind, cue, speaker: { actor }, carried: null });
  });

  it.each([
    'The sanctions Russia said were illegal remain in place.',
    'An expert on Iran said the talks were doomed.',
    'Did Iran say it would retaliate?',
    'Iran has not said whether it will attend.',
    'Russia claimed the village on Tuesday.',
    'Gulf states said little about the deal.',
    'In 2025, Nato leaders agreed a defence spending target of 5% of their economic output.',
  ])('no statement: %s', (text) => expect(one(text)).toBeNull());

  it('gives an actor only when the phrase is the actor or a role of it, never one only mentioned', () => {
    expect(one('Iran and Russia said they would cooperate.')?.speaker).toMatchObject({ name: 'Iran and Russia', actor: null });
    expect(one('Armenians said they feared the worst.')?.speaker.actor).toBeNull();
    expect(one('A lawyer for the Chartered Accountants of Canada said the rules were clear.')?.speaker.actor ?? null).toBeNull();
    expect(one('Officials said the border would reopen.')?.speaker).toMatchObject({ actor: null, anonymous: true });
  });

  it('keeps the speaker over pronouns and continued quotations, and guesses none when another person comes between', () => {
    const [a, b, c] = read(
      '"It is a historic day," Pashinyan wrote on Facebook.',
      '"We have waited 30 years for this.',
      '"Now the work begins," he said.',
    );
    expect(a?.speaker.actor).toBe('nikol-pashinyan');
    expect(b).toMatchObject({ carried: 'continuation', speaker: { actor: 'nikol-pashinyan' } });
    expect(c).toMatchObject({ carried: 'pronoun', speaker: { actor: 'nikol-pashinyan' }, span: [23, 25] });
    const [, , lost] = read('Lavrov said the talks would go on.', 'Aliyev met Erdogan in Baku on Friday.', 'He said the deal was close.');
    expect(lost).toBeNull();
  });

  it('never gives "she" to someone the text called "he"', () => {
    const out = read(
      'Heidnik, a preacher, said nothing.',
      'Heidnik took her to his basement.',
      'He then chained her.',
      'She said: "I saw a hole."',
    );
    expect(out[3]).toBeNull();
  });

  it('reads a participle after the main clause as its subject speaking, unless another subject comes between', () => {
    expect(one('Russia struck the port on Friday, saying it held Western weapons.')).toMatchObject({
      cue: 'saying',
      speaker: { name: 'Russia', actor: 'russia' },
    });
    expect(one('Iranian officials have defended the deal, saying it could not be undone.')?.speaker).toMatchObject({
      name: 'Iranian officials',
      actor: 'iran',
    });
    expect(one('Aliyev opened the road and one driver who crossed it came out, saying the border was calm.')).toBeNull();
  });

  it('carries no speaker into a new quotation after an indirect statement: it may be someone introduced after it', () => {
    const [, next] = read('Lavrov said the talks would go on.', '"We are ready to talk at any time."');
    expect(next).toBeNull();
  });

  it('keeps the speaker the sentence reports, with the one they report as about, not swapped', () => {
    expect(one('Lavrov said that Pashinyan had called the deal a betrayal.')).toMatchObject({
      speaker: { name: 'Lavrov', actor: 'sergei-lavrov' },
      about: { name: 'Pashinyan', actor: 'nikol-pashinyan' },
    });
    expect(one('"Erdogan told us the corridor is coming," Aliyev said.')).toMatchObject({
      speaker: { actor: 'ilham-aliyev' },
      about: { name: 'Erdogan', actor: 'recep-tayyip-erdogan' },
    });
    expect(one('Peskov said the talks were constructive.')?.about).toBeUndefined();
  });
});
