// Entity -> passages maps kept in the build, so /actor and /corridor answer
// from a lookup instead of a full-text search. Ranking, the defining quote and
// stances are all worked out here, once, at ingest.
import type { CorpusData, EntityTag, Passage, StanceRecord } from '../build-schema.js';
import { diversify } from './centrality.js';
import { definitionScore } from './corridor-definition.js';
import { findStances } from './corridor-stances.js';
import type { Mention } from './gazetteer-matcher.js';

interface Hit { passage: Passage; tag: EntityTag; score: number; articleId: string; mentions: Mention[] }

function hitsBy(passages: Passage[], mentions: Mention[][], pick: (p: Passage) => EntityTag[]): Map<string, Hit[]> {
  const map = new Map<string, Hit[]>();
  passages.forEach((passage, i) => {
    for (const tag of pick(passage)) {
      const list = map.get(tag.id) ?? [];
      list.push({ passage, tag, score: tag.score, articleId: passage.articleId, mentions: mentions[i]! });
      map.set(tag.id, list);
    }
  });
  return map;
}

export function buildProfiles(passages: Passage[], mentions: Mention[][]): Pick<CorpusData, 'actors' | 'corridors'> {
  const actors: CorpusData['actors'] = {};
  for (const [id, hits] of hitsBy(passages, mentions, (p) => p.actors)) {
    actors[id] = { passages: diversify(hits).map((h) => h.passage.id), articles: new Set(hits.map((h) => h.articleId)).size };
  }
  const corridors: CorpusData['corridors'] = {};
  for (const [id, hits] of hitsBy(passages, mentions, (p) => p.corridors)) {
    let definition: { id: string; score: number } | null = null;
    const stances: StanceRecord[] = [];
    for (const h of hits) {
      for (const m of h.mentions) {
        if (m.type !== 'corridor' || m.id !== id) continue;
        const s = definitionScore(h.passage.text, m.start, m.end, h.passage.kind);
        if (s > (definition?.score ?? 0)) definition = { id: h.passage.id, score: s };
      }
      for (const s of findStances({ text: h.passage.text, mentions: h.mentions, corridor: id })) {
        if (!stances.some((x) => x.actor === s.actor && x.stance === s.stance)) stances.push({ ...s, passage: h.passage.id });
      }
    }
    corridors[id] = {
      passages: diversify(hits).map((h) => h.passage.id),
      articles: new Set(hits.map((h) => h.articleId)).size,
      definition: definition?.id ?? null,
      stances,
    };
  }
  return { actors, corridors };
}
