// A digest: what reached the corpus in a period. The articles first seen in
// (start, end], their key quotes by topic, and the dated events they report
// from the month before publication onward (older background dates are left
// to /timeline). Pure: the caller says when each article was first seen.
import type { Corpus } from '../corpus/corpus.js';
import type { ArticleRef, Quote, TimelineEvent } from './answer-types.js';
import { spread } from './brief.js';
import type { Topic } from './digest-topics.js';
import { articleRef, quotesFor } from './quotes.js';
import { toEvent } from './timeline.js';

export const DIGEST_QUOTES_PER_TOPIC = 3;
export const DIGEST_AUTO_TOPICS = 4;
export const DIGEST_EVENTS = 6;
const RECENT_DAYS = 31;

export interface DigestSection {
  topic: Topic;
  /** Quotes on the topic in the new articles (all of them, for the count). */
  total: number;
  quotes: Quote[];
}

export interface DigestAnswer {
  ok: true;
  command: 'digest';
  /** ISO times: the digest covers articles first seen after start, up to end. */
  period: { start: string; end: string };
  /** The topics asked for; empty when the digest follows whatever is new. */
  topics: Topic[];
  articles: ArticleRef[];
  sections: DigestSection[];
  /** Oldest first. */
  events: TimelineEvent[];
}

export interface DigestQuery {
  topics: Topic[];
  start: Date;
  end: Date;
  /** Article id -> ISO time it first reached the corpus. */
  firstSeen: ReadonlyMap<string, string>;
}

function passagesOf(corpus: Corpus, t: Topic): readonly string[] {
  return (t.type === 'actor' ? corpus.data.actors[t.id]?.passages : corpus.data.corridors[t.id]?.passages) ?? [];
}

/** The topics most quoted in the new articles, when the subscription names none. */
function busiestTopics(corpus: Corpus, isNew: (articleId: string) => boolean): Topic[] {
  const count = (ids: readonly string[]) => ids.filter((id) => isNew(corpus.passage(id)?.articleId ?? '')).length;
  const all: (Topic & { n: number })[] = [
    ...corpus.gazetteer.actors.map((a) => ({ type: 'actor' as const, id: a.id, name: a.name, n: count(corpus.data.actors[a.id]?.passages ?? []) })),
    ...corpus.gazetteer.corridors.map((c) => ({ type: 'corridor' as const, id: c.id, name: c.name, n: count(corpus.data.corridors[c.id]?.passages ?? []) })),
  ];
  return all.filter((t) => t.n > 0).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)).slice(0, DIGEST_AUTO_TOPICS).map(({ n: _n, ...t }) => t);
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function digest(corpus: Corpus, q: DigestQuery): DigestAnswer {
  const start = q.start.toISOString();
  const end = q.end.toISOString();
  const fresh = new Set(corpus.data.articles.filter((a) => {
    const seen = q.firstSeen.get(a.id);
    return seen !== undefined && seen > start && seen <= end;
  }).map((a) => a.id));
  const isNew = (id: string) => fresh.has(id);
  const articles = corpus.data.articles.filter((a) => fresh.has(a.id)).map(articleRef)
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));
  const topics = q.topics.length ? q.topics : busiestTopics(corpus, isNew);
  const sections = topics.map((topic) => {
    const ids = passagesOf(corpus, topic).filter((id) => isNew(corpus.passage(id)?.articleId ?? ''));
    return { topic, total: ids.length, quotes: spread(quotesFor(corpus, ids), DIGEST_QUOTES_PER_TOPIC) };
  }).filter((s) => q.topics.length > 0 || s.total > 0);
  const about = (tags: { id: string }[], type: Topic['type']) => tags.some((t) => q.topics.some((x) => x.type === type && x.id === t.id));
  const recentFrom = (articleId: string) => daysBefore(corpus.article(articleId)?.published ?? end.slice(0, 10), RECENT_DAYS);
  const events = corpus.events()
    .filter((e) => isNew(e.passage.articleId) && e.last >= recentFrom(e.passage.articleId))
    .filter((e) => q.topics.length === 0 || about(e.passage.actors, 'actor') || about(e.passage.corridors, 'corridor'))
    .slice(-DIGEST_EVENTS)
    .map((e) => toEvent(corpus, e));
  return { ok: true, command: 'digest', period: { start, end }, topics: q.topics, articles, sections, events };
}
