// Tags every passage with the actors and corridors it is about, scored by
// centrality. Corridors may also be tagged by reference ("the project").
import type { EntityTag } from '../records.js';
import { centrality } from './centrality.js';
import { resolveCorridorReferences } from './corridor-references.js';
import type { GazetteerMatcher, Mention } from './gazetteer-matcher.js';

export interface TaggablePassage {
  articleId: string;
  text: string;
  kind: 'body' | 'caption';
}

export interface Tagged {
  mentions: Mention[];
  actors: EntityTag[];
  corridors: EntityTag[];
}

/** A corridor known only by reference counts for less than one named outright. */
const REFERENCE_WEIGHT = 0.6;

function tagsOf(p: TaggablePassage, mentions: Mention[], type: 'actor' | 'corridor'): EntityTag[] {
  const byId = new Map<string, Mention[]>();
  for (const m of mentions) if (m.type === type) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);
  return [...byId.entries()]
    .map(([id, ms]) => ({ id, score: centrality({ text: p.text, kind: p.kind, mentions: ms, distinct: byId.size }), via: 'name' as const }))
    .sort((a, b) => b.score - a.score);
}

export function tagPassages(passages: TaggablePassage[], matcher: GazetteerMatcher): Tagged[] {
  const tagged = passages.map((p) => {
    const mentions = matcher.find(p.text);
    return { mentions, actors: tagsOf(p, mentions, 'actor'), corridors: tagsOf(p, mentions, 'corridor') };
  });
  const refs = resolveCorridorReferences(
    passages.map((p, i) => ({ articleId: p.articleId, text: p.text, named: tagged[i]!.corridors.map((c) => c.id) })),
  );
  refs.forEach((id, i) => {
    if (!id) return;
    const t = tagged[i]!;
    const base = centrality({
      text: passages[i]!.text,
      kind: passages[i]!.kind,
      mentions: [{ type: 'corridor', id, start: 0, end: 0, weight: 1 }],
      distinct: 1,
    });
    t.corridors.push({ id, score: Math.round(base * REFERENCE_WEIGHT * 1000) / 1000, via: 'reference' });
  });
  return tagged;
}
