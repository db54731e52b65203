// The loaded corpus that answers read from: the build data with lookups, the
// gazetteer, and the search index, loaded on first use because only /search
// and the mention fallback need it.
import type { Article, CorpusData, Passage } from './build-schema.js';
import type { ActorEntry, CorridorEntry, Gazetteer } from './schema.js';
import type { SearchIndex } from './search-index.js';

export interface Corpus {
  data: CorpusData;
  gazetteer: Gazetteer;
  article(id: string): Article | undefined;
  passage(id: string): Passage | undefined;
  actor(id: string): ActorEntry | undefined;
  corridor(id: string): CorridorEntry | undefined;
  index(): SearchIndex;
}

export function makeCorpus(data: CorpusData, gazetteer: Gazetteer, loadIndex: () => SearchIndex): Corpus {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const passages = new Map(data.passages.map((p) => [p.id, p]));
  const actors = new Map(gazetteer.actors.map((a) => [a.id, a]));
  const corridors = new Map(gazetteer.corridors.map((c) => [c.id, c]));
  let index: SearchIndex | null = null;
  return {
    data,
    gazetteer,
    article: (id) => articles.get(id),
    passage: (id) => passages.get(id),
    actor: (id) => actors.get(id),
    corridor: (id) => corridors.get(id),
    index: () => (index ??= loadIndex()),
  };
}
