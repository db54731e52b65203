// Answers as plain data. The same object is rendered as Discord embeds, as
// terminal text and as JSON; nothing here knows which.
import type { ActorKind } from '../corpus/schema.js';
import type { Problem } from './problems.js';

export interface ArticleRef {
  id: string;
  title: string;
  outlet: string | null;
  /** One display string: "A", "A and B", "A, B and C". */
  author: string | null;
  /** The same authors one by one (empty when unknown). */
  authors: string[];
  /** YYYY-MM-DD, or null when the page gives no date. */
  published: string | null;
  /** True when the date was resolved from a relative one ("6 days ago"). */
  published_approximate: boolean;
  /** The exact moment with its time zone when the page declared it, else null. */
  published_at: string | null;
  /** Where the article was published, when known. */
  url: string | null;
}

export interface Span {
  start: number;
  length: number;
}

export interface Quote {
  id: string;
  text: string;
  kind: 'body' | 'caption';
  credit?: string;
  article: ArticleRef;
  /** Matched query terms, as offsets into `text` (search answers only). */
  matches?: Span[];
  /** Whose words the quote reports, when it reports anyone's (see docs/speech.md). */
  speech: QuoteSpeech | null;
}

export interface QuoteSpeech {
  kind: 'direct' | 'indirect' | 'mixed';
  /** The reporting words as written: "said", "warned", "according to". */
  cue: string;
  speaker: { name: string; actor: NamedRef | null; anonymous: boolean };
  /** Someone the speaker reports in turn ("X said that Y had called it …"); null when none. Never the speaker. */
  about: { name: string; actor: NamedRef | null } | null;
}

export interface ActorCard {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  /** How many articles mention the actor. */
  articles: number;
  /** How many quotes mention it. */
  mentions: number;
  /** How many quotes are its own statements (it is the speaker). */
  statements: number;
}

export interface StanceEvidence {
  actor: { id: string; name: string };
  stance: 'backs' | 'opposes';
  quote: Quote;
  /** The quote is the actor's own statement, not a sentence about it. */
  said: boolean;
}

export interface CorridorCard {
  id: string;
  name: string;
  aliases: string[];
  articles: number;
  mentions: number;
  /** The quote that says what the corridor is, if the corpus has one. */
  definition: Quote | null;
  stances: StanceEvidence[];
}

export interface ActorAnswer {
  ok: true;
  command: 'actor';
  actor: ActorCard | null;
  /** Set when the name is not in the gazetteer and the quotes come from a full-text mention search. */
  fallback?: { kind: 'mentions'; name: string; note: string };
  /** True when the quotes are the actor's own statements, newest first (said:true). */
  said?: boolean;
  quotes: Quote[];
  /** Set when the answer holds one page of its quotes (Discord asked for one): see QuotePage. */
  page?: QuotePage;
}

/** One page of an answer's quotes: where `quotes` start among the answer's, and how many the answer has in all. */
export interface QuotePage {
  offset: number;
  total: number;
}

/** /says: what one actor said, optionally about another actor or a corridor, in a period; newest first. */
export interface SaysAnswer {
  ok: true;
  command: 'says';
  actor: NamedRef;
  about: (NamedRef & { type: 'actor' | 'corridor' }) | null;
  from: string | null;
  to: string | null;
  /** Statements in the scope in all; `quotes` holds the newest of them. */
  total: number;
  quotes: Quote[];
  /** Set when the answer holds one page of its quotes (Discord asked for one). */
  page?: QuotePage;
}

export interface CorridorAnswer {
  ok: true;
  command: 'corridor';
  corridor: CorridorCard | null;
  fallback?: { kind: 'mentions'; name: string; note: string };
  quotes: Quote[];
  /** Set when the answer holds one page of its quotes (Discord asked for one). */
  page?: QuotePage;
}

export interface SearchAnswer {
  ok: true;
  command: 'search';
  query: string;
  /** The normalised terms that were searched. */
  terms: string[];
  /** all: every term matched; any: at least one did; fuzzy: near spellings; prefix: words completed ("Armen"). */
  match: 'all' | 'any' | 'fuzzy' | 'prefix' | 'none';
  /** How many passages matched; `quotes` holds the best of them (at most 100). */
  total: number;
  quotes: Quote[];
  /** Set when the answer holds one page of its quotes (Discord asked for one). */
  page?: QuotePage;
}

export interface SourceEntry extends ArticleRef {
  published_text: string | null;
  passages: number;
  tags: string[];
}

export interface SourcesAnswer {
  ok: true;
  command: 'sources';
  /** Newest first: the window from `offset` (the whole list when it fits). */
  articles: SourceEntry[];
  /** Articles in the corpus. */
  total: number;
  offset: number;
}

export interface EventDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD, cut to the precision. */
  start: string;
  end: string | null;
  precision: 'year' | 'month' | 'day';
  /** Resolved from a relative phrase ("two months later", "last week"). */
  approximate: boolean;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface TimelineEvent {
  date: EventDate;
  /** The words that state the date. */
  phrase: string;
  quote: Quote;
  actors: NamedRef[];
  corridors: NamedRef[];
  article: ArticleRef;
}

export interface TimelineAnswer {
  ok: true;
  command: 'timeline';
  /** said: only the actor's own statements (absent otherwise). */
  filters: { actor: NamedRef | null; corridor: NamedRef | null; from: string | null; to: string | null; said?: true };
  /** Chronological; a range sorts by its start. The window from `offset` (every event when they fit). */
  events: TimelineEvent[];
  /** Events in the scope in all. */
  total: number;
  offset: number;
}

export interface BriefAnswer {
  ok: true;
  command: 'brief';
  /** What the topic resolved to: a gazetteer entry, or free text searched in full. */
  topic: { type: 'actor' | 'corridor' | 'text'; id: string | null; name: string };
  /** One line saying how much the corpus holds on the topic. */
  summary: string;
  /** The most central quotes, at most one per story first. */
  quotes: Quote[];
  /** By quote id: the other articles that tell the same story (a wire copy, a rewrite), when there are any. */
  also: Record<string, ArticleRef[]>;
  /** The most recent dated events on the topic, newest last. */
  events: TimelineEvent[];
}

export interface QuoteAnswer {
  ok: true;
  command: 'quote';
  quote: Quote;
  /** The passages just before and after it in the article, for context. */
  before: string[];
  after: string[];
}

/** An article added by its URL (/add): what became of it and its citation card. */
export interface AddedAnswer {
  ok: true;
  command: 'add';
  /** new: added; changed: the page had changed and replaced the saved copy; unchanged: already there as it is;
   *  duplicate: the same text is already in the corpus under another URL. */
  outcome: 'new' | 'changed' | 'unchanged' | 'duplicate';
  url: string;
  articles: SourceEntry[];
  /** Quotable passages of those articles. */
  quotes: number;
}

export interface ProblemAnswer {
  ok: false;
  command: string;
  problem: Problem;
}

export type Answer =
  | ActorAnswer
  | SaysAnswer
  | CorridorAnswer
  | SearchAnswer
  | SourcesAnswer
  | AddedAnswer
  | TimelineAnswer
  | BriefAnswer
  | QuoteAnswer
  | ProblemAnswer;
