// A digest's topics: actors and corridors, typed as a comma-separated list and
// kept as gazetteer entries. Unknown names are refused with suggestions.
import type { Corpus } from '../corpus/corpus.js';
import { cleanInput } from '../text/normalize.js';
import { closestNames, findActor, findCorridor } from './entity-names.js';
import type { Result, Suggestion } from './problems.js';

export const MAX_TOPICS = 5;

export interface Topic {
  type: 'actor' | 'corridor';
  id: string;
  name: string;
}

export function findTopic(corpus: Corpus, name: string): Topic | null {
  const a = findActor(corpus.names, name);
  if (a) return { type: 'actor', id: a.id, name: a.name };
  const c = findCorridor(corpus.names, name);
  return c ? { type: 'corridor', id: c.id, name: c.name } : null;
}

export function parseTopics(corpus: Corpus, raw: string | undefined): Result<{ topics: Topic[] }> {
  const parts = cleanInput(raw ?? '')
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_TOPICS) return { ok: false, problem: { code: 'too-many-topics', count: parts.length, max: MAX_TOPICS } };
  const topics: Topic[] = [];
  for (const part of parts) {
    const t = findTopic(corpus, part.slice(0, 100));
    if (!t) {
      const suggestions: Suggestion[] = closestNames(corpus.names, part.slice(0, 100));
      return { ok: false, problem: { code: 'unknown-topic', name: part, suggestions } };
    }
    if (!topics.some((x) => x.id === t.id)) topics.push(t);
  }
  return { ok: true, topics };
}
