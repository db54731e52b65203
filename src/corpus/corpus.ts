// The loaded corpus that answers read from: the build data with lookups, the
// gazetteer, and the search index, loaded on first use because only /search
// and the mention fallback need it.
import type { Article, CorpusData, Passage, PassageDate } from './build-schema.js';
import { firstDay, lastDay } from './extract/dates/date-value.js';
import type { ActorEntry, CorridorEntry, Gazetteer } from './schema.js';
import type { SearchIndex } from './search-index.js';

export interface Corpus {
  data: CorpusData;
  gazetteer: Gazetteer;
  article(id: string): Article | undefined;
  passage(id: string): Passage | undefined;
  /** An article's passages in reading order. */
  passagesOf(articleId: string): readonly Passage[];
  actor(id: string): ActorEntry | undefined;
  corridor(id: string): CorridorEntry | undefined;
  index(): SearchIndex;
  /** Every date every passage states, in chronological order (sorted once, on first use). */
  events(): readonly DatedPassage[];
}

export interface DatedPassage {
  passage: Passage;
  date: PassageDate;
  /** YYYY-MM-DD bounds of the date, for sorting and filtering without re-parsing. */
  first: string;
  last: string;
}

function sortedEvents(passages: Passage[]): DatedPassage[] {
  const all = passages.flatMap((passage) => passage.dates.map((date) => ({ passage, date, first: firstDay(date.start), last: lastDay(date.end ?? date.start) })));
  return all.sort((a, b) => a.first.localeCompare(b.first) || a.last.localeCompare(b.last) || a.passage.articleId.localeCompare(b.passage.articleId) || a.passage.seq - b.passage.seq);
}

export function makeCorpus(data: CorpusData, gazetteer: Gazetteer, loadIndex: () => SearchIndex): Corpus {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const passages = new Map(data.passages.map((p) => [p.id, p]));
  const byArticle = new Map<string, Passage[]>();
  for (const p of data.passages) {
    const list = byArticle.get(p.articleId);
    if (list) list.push(p);
    else byArticle.set(p.articleId, [p]);
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.seq - b.seq);
  const actors = new Map(gazetteer.actors.map((a) => [a.id, a]));
  const corridors = new Map(gazetteer.corridors.map((c) => [c.id, c]));
  let index: SearchIndex | null = null;
  let events: DatedPassage[] | null = null;
  return {
    data,
    gazetteer,
    article: (id) => articles.get(id),
    passage: (id) => passages.get(id),
    passagesOf: (id) => byArticle.get(id) ?? [],
    actor: (id) => actors.get(id),
    corridor: (id) => corridors.get(id),
    index: () => (index ??= loadIndex()),
    events: () => (events ??= sortedEvents(data.passages)),
  };
}
