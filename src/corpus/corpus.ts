// The corpus as answers see it: lookups that each cost one indexed query with
// a limit, whatever the corpus's size. The gazetteer is held in memory; every
// lookup is asynchronous, so the corpus may be served off the event loop or
// from another store one day. The SQLite database (db/sqlite-corpus.ts)
// answers synchronously and is wrapped once (async-corpus.ts); nothing
// outside src/corpus knows it is SQLite.
import type { Async } from '../async.js';
import type { NameIndex } from './name-index.js';
import type { Article, Passage, PassageDate, StanceRecord } from './records.js';
import type { ActorEntry, CorridorEntry, Gazetteer } from './schema.js';

export type EntityType = 'actor' | 'corridor';

export interface EntityStats {
  /** Articles that mention the entity. */
  articles: number;
  /** Passages tagged with it. */
  passages: number;
  /** Passages in which it is the speaker (actors only). */
  statements: number;
}

/** What one actor said, optionally about another entity, in a period of publication days. */
export interface StatementQuery {
  actor: string;
  about: { type: EntityType; id: string } | null;
  /** YYYY-MM-DD bounds on the article's publication day; an undated article is outside any period. */
  first: string | null;
  last: string | null;
}

export interface DatedPassage {
  passage: Passage;
  date: PassageDate;
  /** YYYY-MM-DD bounds of the date, for sorting and filtering without re-parsing. */
  first: string;
  last: string;
}

export interface EventQuery {
  actor: string | null;
  corridor: string | null;
  /** YYYY-MM-DD bounds: an event counts when it overlaps them. */
  first: string;
  last: string;
  /** Only events of these articles (a digest's new articles). */
  articles?: readonly string[];
  /** Only events stated in the actor's own statements (it is the speaker); needs `actor`. */
  said?: boolean;
}

/** all: every term; any: at least one; each term may also be a list of spellings, any of which counts. */
export interface TextQuery {
  terms: (string | string[])[];
  mode: 'all' | 'any';
  /** Only passages holding each of these word lists in order (index terms): quoted phrases, a name the gazetteer lacks. */
  phrases?: string[][];
  /** best: by relevance, with `total` counted (the default); newest: the most recently added first, `total` not counted. */
  order?: 'best' | 'newest';
}

/** Which of an entity's ranked passages to read. */
export interface RankedQuery {
  limit: number;
  /** How many of the best to pass over (a later page). */
  offset?: number;
  /** Only passages of these articles. */
  articles?: readonly string[];
  /** Passages (by id) left out of the ranking, as if they were not tagged: an answer that shows them first. */
  except?: readonly string[];
}

export interface TextHit {
  passage: Passage;
  /** Higher is better. */
  score: number;
}

/** What every corpus holds in memory: the gazetteer it was tagged with. */
export interface CorpusGazetteer {
  gazetteer: Gazetteer;
  /** The gazetteer's names folded for lookups and autocomplete; rebuilt with the gazetteer. */
  names: NameIndex;
  actor(id: string): ActorEntry | undefined;
  corridor(id: string): CorridorEntry | undefined;
}

/** The corpus's lookups, each one indexed query, in the synchronous form the embedded database answers them. */
export interface CorpusLookups {
  size(): { articles: number; passages: number };
  article(id: string): Article | undefined;
  passage(id: string): Passage | undefined;
  /** An article's passages in reading order (an article is small; the corpus is not). */
  passagesOf(articleId: string): Passage[];
  /** Up to n passages before and after this one in its article, in reading order. */
  around(passage: Passage, n: number): { before: Passage[]; after: Passage[] };
  entity(type: EntityType, id: string): EntityStats;
  /** An entity's passages, best first as ranked at ingest: see RankedQuery. */
  ranked(type: EntityType, id: string, q: RankedQuery): Passage[];
  /** An actor's statements, newest article first, and how many there are in all. */
  statements(q: StatementQuery, offset: number, limit: number): { passages: Passage[]; total: number };
  /** The passage that best says what a corridor is. */
  definition(corridorId: string): Passage | undefined;
  /** Who backs or opposes a corridor, first evidence of each in reading order. */
  stances(corridorId: string): StanceRecord[];
  /** Dated events in chronological order (a range sorts by its start). */
  events(q: EventQuery, offset: number, limit: number): DatedPassage[];
  countEvents(q: EventQuery): number;
  /** Articles newest first, undated last; only `ids` when given. */
  articles(offset: number, limit: number, ids?: readonly string[]): Article[];
  /** The articles served from one raw file (path under raw/), in the file's order. */
  articlesInFile(file: string): Article[];
  /** How many passages hold an index term; 0 when none does. */
  termFrequency(term: string): number;
  /** Vocabulary terms one edit away from `term` (near spellings). */
  nearTerms(term: string): string[];
  /** Index terms that start with `prefix` and are longer than it, in order, at most `limit`. */
  termsWithPrefix(prefix: string, limit: number): string[];
  /**
   * Best hits first, at most `limit`, and how many passages match in all. When very many match, the best of the most recently
   * added (see RANK_CAP).
   */
  match(q: TextQuery, limit: number, offset?: number): { hits: TextHit[]; total: number };
  /** Per entity (by type, then id), how many passages of these articles are tagged with it. */
  topicCounts(articles: readonly string[]): { type: EntityType; id: string; passages: number }[];
  /** Articles added to the corpus after `cursor` (0 at first), and the cursor to ask from next time. */
  articlesAddedSince(cursor: number): { ids: string[]; cursor: number };
  /** Capitalised names the gazetteer does not know, most frequent first. */
  unknownNames(limit: number): { name: string; count: number }[];
}

/** The embedded database's corpus: every lookup answered before it returns. */
export interface SyncCorpus extends CorpusGazetteer, CorpusLookups {
  close(): void;
}

/** The corpus as answers use it, whichever database holds it. */
export interface Corpus extends CorpusGazetteer, Async<CorpusLookups> {
  close(): Promise<void>;
}
