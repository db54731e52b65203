// The records the corpus holds: articles, and the passages quoted from them
// with their entity tags and stated dates. Ingest makes them; the corpus
// database stores and returns them (db/rows.ts).

export type SourceFormat = 'aggregator-page' | 'text' | 'markdown' | 'json' | 'jsonl' | 'html';

export interface Article {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD or null when the page gives no date. */
  published: string | null;
  publishedApproximate: boolean;
  /** The page's own wording for a relative date ("5 hours ago"). */
  publishedText: string | null;
  /** The exact moment with its time zone, when the page declares it (JSON-LD, article:published_time, a feed). */
  publishedAt: string | null;
  /**
   * YYYY-MM-DD the page says it was last changed, when that is a different day from its publication: a page
   * updated long after it first appeared is read, and its relative dates resolved, as the version it is.
   */
  modified: string | null;
  url: string | null;
  tags: string[];
  source: {
    file: string;
    format: SourceFormat;
    retrieved: string;
    retrievedFrom: 'sidecar' | 'file-mtime';
  };
  passages: number;
}

export interface EntityTag {
  id: string;
  score: number;
  via: 'name' | 'reference';
}

/** A date a passage states; see extract/dates/date-value.ts. YYYY, YYYY-MM or YYYY-MM-DD. */
export interface PassageDate {
  start: string;
  end: string | null;
  precision: 'year' | 'month' | 'day';
  approximate: boolean;
  text: string;
}

export interface Passage {
  id: string;
  articleId: string;
  seq: number;
  kind: 'body' | 'caption';
  text: string;
  credit?: string;
  actors: EntityTag[];
  corridors: EntityTag[];
  dates: PassageDate[];
}

export interface StanceRecord {
  actor: string;
  stance: 'backs' | 'opposes';
  /** The passage id that states it. */
  passage: string;
}
