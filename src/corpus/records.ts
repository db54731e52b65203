// The records the corpus holds: articles, and the passages quoted from them
// with their entity tags and stated dates. Ingest makes them; the corpus
// database stores and returns them (db/rows.ts).

export type SourceFormat = 'aggregator-page' | 'text' | 'markdown' | 'json' | 'jsonl' | 'html';

/** Where and when a wire report was filed, as its dateline says. */
export interface ArticleDateline {
  place: string;
  agency: string | null;
  /** The date as printed ("August 8"), when the dateline has one. */
  text: string | null;
  /** That date as YYYY-MM-DD: the latest such day on or before the article's date when the year is not printed. */
  date: string | null;
}

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
  /** The wire dateline the report opened with ("WASHINGTON, August 8 (Xinhua) --"), taken out of its text. */
  dateline: ArticleDateline | null;
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

/** Who a passage reports as speaking or writing it; see extract/speech/attribute-speech.ts. */
export interface PassageSpeech {
  /** direct: quoted words; indirect: "X said that …", "according to X"; mixed: reported with a quoted fragment. */
  kind: 'direct' | 'indirect' | 'mixed';
  /** The reporting words as written, lower case: "said", "warned", "according to". */
  cue: string;
  speaker: {
    /** As written where it was named: "Dmitry Peskov", "Iran's foreign ministry", "a senior EU official". */
    name: string;
    /** The gazetteer actor the speaker is, or null (an unknown name, a role of no known actor, an unnamed source). */
    actor: string | null;
    anonymous: boolean;
  };
  /** Someone the speaker reports in turn ("X said that Y had called it …"): named, never the speaker. */
  about?: { name: string; actor: string | null } | null;
  /** The words in the passage that name the speaker ("he" when carried by a pronoun); null when the quotation continues. */
  span: [number, number] | null;
  /** pronoun: "he said", named earlier; continuation: a quotation going on from the passage before. */
  carried: 'pronoun' | 'continuation' | null;
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
  /** Null or absent when the passage reports no one's words. */
  speech?: PassageSpeech | null;
}

export interface StanceRecord {
  actor: string;
  stance: 'backs' | 'opposes';
  /** The passage id that states it. */
  passage: string;
  /** The passage is the actor's own statement (it is the speaker), which is preferred as evidence. */
  own: boolean;
}
