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

/** "the Civil Contract party (CC)", "the Baku–Tbilisi–Kars railway (BTK)": a name, at most two lower-case words, an abbreviation. */
const DEFINED = /^(?:\s+[a-z]+){0,2}\s*\(([A-Z][A-Za-z0-9&]{1,7})\)/;

/**
 * Abbreviations an article defines for a gazetteer entity count as that entity
 * everywhere in the article (and only there: "CC" is a party in one article
 * and a carbon credit in another).
 */
function withDefinedAbbreviations(texts: string[], found: Mention[][]): Mention[][] {
  const defined = new Map<string, Mention>();
  texts.forEach((text, i) => {
    for (const m of found[i]!) {
      const abbr = DEFINED.exec(text.slice(m.end))?.[1];
      // At least two capitals: "(CC)", "(BTK)", "(EaP)", not "(Reuters)".
      if (abbr && (abbr.match(/[A-Z]/g)?.length ?? 0) >= 2 && !defined.has(abbr)) defined.set(abbr, m);
    }
  });
  if (defined.size === 0) return found;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${[...defined.keys()].join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return texts.map((text, i) => {
    const own = found[i]!;
    const extra: Mention[] = [];
    for (const hit of text.matchAll(re)) {
      const start = hit.index;
      const end = start + hit[0].length;
      // The definition's own brackets are not a second mention.
      if (text[start - 1] === '(' && text[end] === ')') continue;
      if (own.some((m) => m.start < end && start < m.end)) continue;
      const m = defined.get(hit[1]!)!;
      extra.push({ type: m.type, id: m.id, start, end, weight: m.weight });
    }
    return extra.length ? [...own, ...extra].sort((a, b) => a.start - b.start) : own;
  });
}

export function tagPassages(passages: TaggablePassage[], matcher: GazetteerMatcher): Tagged[] {
  const found = withDefinedAbbreviations(
    passages.map((p) => p.text),
    passages.map((p) => matcher.find(p.text)),
  );
  const tagged = passages.map((p, i) => {
    const mentions = found[i]!;
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
