// The corpus database: every table the answers read, each with the index that
// serves one answer's query. Plain SQL, but for the full-text table (FTS5).
//
// Ranking is decided at ingest and stored (tags.effective), so /actor and
// /corridor read a ready-ordered index range with a LIMIT. `ord` is a text key
// (source file, position in it, passage number) that breaks ties the way a
// full build reads its input: files in order, then articles, then passages.

/** Raised whenever these tables or what ingest writes into them change: an older file is rebuilt from raw/. */
export const CORPUS_SCHEMA_VERSION = 8;

/** A date spanning more days than this is a "long" event (see the events table). */
export const LONG_EVENT_DAYS = 400;

export const CORPUS_DDL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per raw file: how it looked when ingested, and what ingest said of it.
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  -- size and modification time of the file and its sidecar: unchanged means not read again
  stat TEXT NOT NULL,
  -- sha-256 of the file and its sidecar: a touched file with the same content is not ingested again
  fingerprint TEXT NOT NULL,
  report TEXT NOT NULL
);

-- Every copy of an article found in any file; the richest copy is the one in articles.
CREATE TABLE copies (
  article_id TEXT NOT NULL,
  file TEXT NOT NULL,
  pos INTEGER NOT NULL,
  richness INTEGER NOT NULL,
  PRIMARY KEY (article_id, file, pos)
);
CREATE INDEX copies_file ON copies (file);

-- AUTOINCREMENT: a row number is never reused, so "articles after row N" finds every new one.
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  outlet TEXT,
  author TEXT,
  published TEXT,
  published_approximate INTEGER NOT NULL,
  published_text TEXT,
  published_at TEXT,
  modified TEXT,
  -- the wire dateline, JSON (records.ts ArticleDateline), or NULL
  dateline TEXT,
  url TEXT,
  tags TEXT NOT NULL,
  file TEXT NOT NULL,
  pos INTEGER NOT NULL,
  format TEXT NOT NULL,
  retrieved TEXT NOT NULL,
  retrieved_from TEXT NOT NULL,
  passages INTEGER NOT NULL,
  ord TEXT NOT NULL
);
CREATE INDEX articles_newest ON articles (published DESC, title_key, id);
CREATE INDEX articles_file ON articles (file);

CREATE TABLE passages (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  article INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  credit TEXT,
  actors TEXT NOT NULL,
  corridors TEXT NOT NULL,
  dates TEXT NOT NULL,
  -- who the passage reports as speaking (JSON, see records.ts PassageSpeech), or NULL
  speech TEXT
);
CREATE INDEX passages_article ON passages (article, seq);

-- What each actor said: one row per passage whose speaker is the actor, newest article first
-- (day is the article's publication day, '' when it has none, so it sorts last in both databases).
CREATE TABLE statements (
  actor TEXT NOT NULL,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  day TEXT NOT NULL,
  ord TEXT NOT NULL
);
CREATE INDEX statements_newest ON statements (actor, day DESC, ord);
CREATE INDEX statements_article ON statements (article);

-- Entity -> passage, with the rank decided at ingest (score spread across articles).
CREATE TABLE tags (
  type TEXT NOT NULL,
  entity TEXT NOT NULL,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  score REAL NOT NULL,
  effective REAL NOT NULL,
  definition REAL NOT NULL,
  ord TEXT NOT NULL
);
CREATE INDEX tags_ranked ON tags (type, entity, effective DESC, score DESC, ord);
CREATE INDEX tags_definition ON tags (type, entity, definition DESC, ord) WHERE definition > 0;
CREATE INDEX tags_passage ON tags (passage, type, entity);
CREATE INDEX tags_article ON tags (article);

-- Counts shown on cards, kept up to date by ingest so a card never counts rows.
CREATE TABLE entity_counts (
  type TEXT NOT NULL,
  entity TEXT NOT NULL,
  passages INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  events INTEGER NOT NULL,
  statements INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (type, entity)
);

CREATE TABLE stances (
  corridor TEXT NOT NULL,
  actor TEXT NOT NULL,
  stance TEXT NOT NULL,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  ord TEXT NOT NULL,
  -- 1 when the passage is the actor's own statement: preferred as the evidence of its stance
  own INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stances_corridor ON stances (corridor, actor, stance, ord);
CREATE INDEX stances_article ON stances (article);

-- One row per date a passage states, in timeline order. \`long\` marks the few dates that span
-- over LONG_EVENT_DAYS (ranges, decades): a period query finds those that reach into it by their
-- end, so the main index is read from just before the period instead of from the start.
CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  passage INTEGER NOT NULL,
  article INTEGER NOT NULL,
  n INTEGER NOT NULL,
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  article_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  long INTEGER NOT NULL
);
CREATE INDEX events_order ON events (first, last, article_id, seq, n);
CREATE INDEX events_long ON events (last, first) WHERE long = 1;
CREATE INDEX events_article ON events (article);

-- The same events again under each entity their passage is tagged with, for filtered timelines.
CREATE TABLE event_tags (
  type TEXT NOT NULL,
  entity TEXT NOT NULL,
  event INTEGER NOT NULL,
  article INTEGER NOT NULL,
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  article_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  n INTEGER NOT NULL,
  long INTEGER NOT NULL
);
CREATE INDEX event_tags_order ON event_tags (type, entity, first, last, article_id, seq, n);
CREATE INDEX event_tags_long ON event_tags (type, entity, last, first) WHERE long = 1;
CREATE INDEX event_tags_article ON event_tags (article);

-- Every body passage of every article by key, shown or hidden as the outlet's template text
-- (a passage in two articles of one outlet with different titles; see template-sentences.ts).
CREATE TABLE sentence_keys (
  outlet TEXT NOT NULL,
  key TEXT NOT NULL,
  article INTEGER NOT NULL,
  title_key TEXT NOT NULL,
  shown INTEGER NOT NULL
);
CREATE INDEX sentence_keys_key ON sentence_keys (outlet, key, shown);
CREATE INDEX sentence_keys_article ON sentence_keys (article);

-- Capitalised names the gazetteer does not know, counted per article and in all.
CREATE TABLE article_names (article INTEGER NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL);
CREATE INDEX article_names_article ON article_names (article);
CREATE TABLE names (name TEXT PRIMARY KEY, count INTEGER NOT NULL);
CREATE INDEX names_count ON names (count DESC, name);

-- Full text over the search tokens of each passage (folded, stemmed, joined by
-- spaces), so the index, the query and the marks all use one tokenizer.
CREATE VIRTUAL TABLE passages_fts USING fts5 (
  terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab (passages_fts, row);
-- Every index term ever seen, for near spellings: the vocabulary table above counts each term's
-- documents as it lists it, far too slow to scan. Terms are never removed; a stale one matches nothing.
CREATE TABLE terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
`;
