// The corpus tables on PostgreSQL: the ones answers read, as the SQLite
// corpus has them (corpus-schema.ts), with the same column names and row
// numbers, so one row mapper serves both. What differs:
// - full text is a `tsvector` column on passages with a GIN index, built from
//   the same stemmed terms FTS5 indexes (positions kept, for phrases and
//   ts_rank_cd), and a terms table counting each term's passages;
// - text that is sorted or compared by range sorts by code point (COLLATE "C"),
//   as SQLite does, so pages and ties come out in the same order;
// - the few columns SQLite sorts NULL last in descending order say so.
// Ingest bookkeeping (files, copies, sentence keys) stays with the SQLite
// database the ingest runs on; this holds what it published.

/** Raised whenever these tables change: the publisher drops and fills them again. */
export const PG_CORPUS_SCHEMA_VERSION = 4;

/** The schema the corpus tables live in, beside the state store's tables. */
export const DEFAULT_CORPUS_SCHEMA = 'briefing_corpus';

const C = 'TEXT COLLATE "C"';

const PG_CORPUS_DDL = `
CREATE TABLE meta (key ${C} PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id ${C} NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_key ${C} NOT NULL,
  outlet TEXT,
  author TEXT,
  published ${C},
  published_approximate INTEGER NOT NULL,
  published_text TEXT,
  published_at TEXT,
  modified TEXT,
  url TEXT,
  tags TEXT NOT NULL,
  file ${C} NOT NULL,
  pos INTEGER NOT NULL,
  format TEXT NOT NULL,
  retrieved TEXT NOT NULL,
  retrieved_from TEXT NOT NULL,
  passages INTEGER NOT NULL,
  ord ${C} NOT NULL
);
CREATE INDEX articles_newest ON articles (published DESC NULLS LAST, title_key, id);
CREATE INDEX articles_file ON articles (file, pos);

CREATE TABLE passages (
  rowid INTEGER PRIMARY KEY,
  id ${C} NOT NULL UNIQUE,
  article INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  credit TEXT,
  actors TEXT NOT NULL,
  corridors TEXT NOT NULL,
  dates TEXT NOT NULL,
  speech TEXT,
  tsv tsvector NOT NULL
);
CREATE INDEX passages_article ON passages (article, seq);
-- No pending list: a search right after a publish reads the index as it is, not a backlog beside it.
CREATE INDEX passages_tsv ON passages USING GIN (tsv) WITH (fastupdate = off);

CREATE TABLE tags (
  type ${C} NOT NULL,
  entity ${C} NOT NULL,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  effective DOUBLE PRECISION NOT NULL,
  definition DOUBLE PRECISION NOT NULL,
  ord ${C} NOT NULL
);
CREATE INDEX tags_ranked ON tags (type, entity, effective DESC, score DESC, ord);
CREATE INDEX tags_definition ON tags (type, entity, definition DESC, ord) WHERE definition > 0;
CREATE INDEX tags_article ON tags (article);

CREATE TABLE entity_counts (
  type ${C} NOT NULL,
  entity ${C} NOT NULL,
  passages INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  events INTEGER NOT NULL,
  statements INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (type, entity)
);

CREATE TABLE statements (
  actor ${C} NOT NULL,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  day ${C} NOT NULL,
  ord ${C} NOT NULL
);
CREATE INDEX statements_newest ON statements (actor, day DESC, ord);
CREATE INDEX statements_article ON statements (article);

CREATE TABLE stances (
  corridor ${C} NOT NULL,
  actor ${C} NOT NULL,
  stance ${C} NOT NULL,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  ord ${C} NOT NULL,
  own INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stances_corridor ON stances (corridor, actor, stance, ord);
CREATE INDEX stances_article ON stances (article);

CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  n INTEGER NOT NULL,
  first ${C} NOT NULL,
  last ${C} NOT NULL,
  article_id ${C} NOT NULL,
  seq INTEGER NOT NULL,
  long INTEGER NOT NULL
);
CREATE INDEX events_order ON events (first, last, article_id, seq, n);
CREATE INDEX events_long ON events (last, first) WHERE long = 1;
CREATE INDEX events_article ON events (article);

CREATE TABLE event_tags (
  type ${C} NOT NULL,
  entity ${C} NOT NULL,
  event INTEGER NOT NULL,
  article INTEGER NOT NULL,
  first ${C} NOT NULL,
  last ${C} NOT NULL,
  article_id ${C} NOT NULL,
  seq INTEGER NOT NULL,
  n INTEGER NOT NULL,
  long INTEGER NOT NULL
);
CREATE INDEX event_tags_order ON event_tags (type, entity, first, last, article_id, seq, n);
CREATE INDEX event_tags_long ON event_tags (type, entity, last, first) WHERE long = 1;
CREATE INDEX event_tags_article ON event_tags (article);

CREATE TABLE names (name ${C} PRIMARY KEY, count INTEGER NOT NULL);
CREATE INDEX names_count ON names (count DESC, name);

-- Each index term and how many passages hold it: what FTS5's vocabulary table gives SQLite.
CREATE TABLE terms (term ${C} PRIMARY KEY, doc INTEGER NOT NULL);
`;

const statements = PG_CORPUS_DDL.split(/;\s*\n/)
  .map((x) => x.trim())
  .filter(Boolean);
const isIndex = (x: string) => /^(--[^\n]*\n)*CREATE INDEX/.test(x);
/** The tables, with their keys: a whole publish fills them first... */
export const PG_CORPUS_TABLES = `${statements.filter((x) => !isIndex(x)).join(';\n')};`;
/** ...and makes the other indexes at the end, once, which is faster than keeping them up to date row by row. */
export const PG_CORPUS_INDEXES = `${statements.filter(isIndex).join(';\n')};`;

/** The tables an article's rows are in, each with the column naming the article's row number. */
export const ARTICLE_TABLES = [
  ['articles', 'rowid'],
  ['passages', 'article'],
  ['tags', 'article'],
  ['stances', 'article'],
  ['statements', 'article'],
  ['events', 'article'],
  ['event_tags', 'article'],
] as const;
