// The lunr index over passages. User text never reaches idx.search (its query
// syntax throws on "Iran:" and matches everything on "*"); queries are built
// term by term from searchTokens() with idx.query.
import lunr from 'lunr';
import { DataFileError } from './data-file-error.js';
import { searchTokens } from './search-tokens.js';

export type SearchIndex = lunr.Index;

function tokenizer(obj: unknown, metadata?: object): lunr.Token[] {
  if (obj == null) return [];
  return searchTokens(String(obj)).map((t) => new lunr.Token(t.term, { ...metadata }));
}

export function buildSearchIndex(passages: { id: string; text: string }[]): SearchIndex {
  return lunr(function () {
    // No trimmer: our tokens are already clean, and lunr's ASCII-only trimmer
    // would eat non-Latin letters. Stop words and stemming stay.
    this.pipeline.reset();
    this.pipeline.add(lunr.stopWordFilter, lunr.stemmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(lunr.stemmer);
    this.tokenizer = tokenizer as typeof lunr.tokenizer;
    // No positions kept: they were most of the index's size and load time; marks are found per hit shown (spansOf).
    this.ref('id');
    this.field('text');
    for (const p of passages) this.add(p);
  });
}

export function loadSearchIndex(file: string, json: unknown): SearchIndex {
  try {
    return lunr.Index.load(json as object);
  } catch (e) {
    throw new DataFileError(file, `not a valid search index (${e instanceof Error ? e.message : e}); run "briefing ingest" to rebuild it`);
  }
}

/** Drops stop words the same way the index did, so a query of only "the" is known to be empty. */
export function isStopWord(term: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(term, {})) === undefined;
}
