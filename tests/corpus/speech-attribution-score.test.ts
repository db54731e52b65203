// Who said what, scored on hand-labelled news passages (tests/fixtures/speech/labelled-news.json): every passage is
// labelled speech or not, with its kind, speaker and actor. A speaker counts as right when its last word (the head:
// "Peskov", "ministry", "official") is the gold speaker's. Floors are the targets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../../src/corpus/extract/gazetteer-matcher.js';
import { attributeSpeech } from '../../src/corpus/extract/speech/attribute-speech.js';
import type { PassageSpeech } from '../../src/corpus/records.js';
import { gazetteerSchema } from '../../src/corpus/schema.js';
import { foldKey } from '../../src/text/normalize.js';
import { REPO } from '../helpers/temp-data.js';

interface Gold {
  kind: PassageSpeech['kind'];
  speaker: string;
  actor: string | null;
  carried?: 'pronoun' | 'continuation';
}
interface Labelled {
  /** blind: labelled from the text alone, before the extractor was run on it. */
  articles: { source: string; blind?: boolean; passages: { text: string; gold: Gold | null }[] }[];
}

const gazetteer = gazetteerSchema.parse(JSON.parse(readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8')));
const matcher = compileGazetteer(gazetteer);
const kinds = new Map(gazetteer.actors.map((a) => [a.id, a.kind]));
const labelled = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/speech/labelled-news.json'), 'utf8')) as Labelled;

const head = (name: string) => foldKey(name).split(' ').at(-1)?.replace(/s$/, '') ?? '';

function score(articles = labelled.articles) {
  const n = { predicted: 0, right: 0, direct: 0, directFound: 0, indirect: 0, indirectFound: 0, carried: 0, carriedRight: 0 };
  const misattributed: string[] = [];
  for (const article of articles) {
    const passages = article.passages.map((p) => ({ text: p.text, kind: 'body' as const }));
    const found = attributeSpeech(
      passages,
      passages.map((p) => matcher.find(p.text)),
      (id) => kinds.get(id),
    );
    article.passages.forEach(({ text, gold }, i) => {
      const got = found[i];
      const right = !!got && !!gold && head(got.speaker.name) === head(gold.speaker);
      if (got) n.predicted++;
      if (right) n.right++;
      if (gold?.kind === 'direct') {
        n.direct++;
        if (right) n.directFound++;
      } else if (gold) {
        n.indirect++;
        if (right) n.indirectFound++;
      }
      if (gold?.carried) {
        n.carried++;
        if (right) n.carriedRight++;
      }
      // A statement given to an actor that did not make it: the actor is only mentioned.
      if (got?.speaker.actor && got.speaker.actor !== gold?.actor) misattributed.push(`${got.speaker.actor}: ${text}`);
    });
  }
  return {
    precision: n.right / n.predicted,
    directRecall: n.directFound / n.direct,
    indirectRecall: n.indirectFound / n.indirect,
    carried: n.carriedRight / n.carried,
    misattributed,
    counts: n,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (s: ReturnType<typeof score>) =>
  `speaker precision ${pct(s.precision)} (${s.counts.right}/${s.counts.predicted}), ` +
  `direct recall ${pct(s.directRecall)} (${s.counts.directFound}/${s.counts.direct}), ` +
  `indirect recall ${pct(s.indirectRecall)} (${s.counts.indirectFound}/${s.counts.indirect}), ` +
  `carried right ${pct(s.carried)} (${s.counts.carriedRight}/${s.counts.carried})`;

describe('speech attribution on labelled news passages', () => {
  const s = score();
  it('prints its scores, on all the passages and on those labelled blind', () => {
    console.log(`speech attribution, all: ${line(s)}`);
    console.log(`speech attribution, blind: ${line(score(labelled.articles.filter((a) => a.blind)))}`);
    expect(s.counts.predicted).toBeGreaterThan(50);
  });
  it('gives the speaker right at least 90% of the time', () => expect(s.precision).toBeGreaterThanOrEqual(0.9));
  it('finds at least 80% of direct quotes and 60% of indirect speech', () => {
    expect(s.directRecall).toBeGreaterThanOrEqual(0.8);
    expect(s.indirectRecall).toBeGreaterThanOrEqual(0.6);
  });
  it('carries a speaker (pronoun, continued quotation) right at least 75% of the time', () =>
    expect(s.carried).toBeGreaterThanOrEqual(0.75));
  it('never gives a statement to an actor that is only mentioned', () => expect(s.misattributed).toEqual([]));
});
