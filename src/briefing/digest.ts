// A digest: what reached the corpus in a period. The articles first seen in
// (start, end], their key quotes by topic, what the actors among the topics
// said themselves, and the dated events they report
// from the month before publication onward (older background dates are left
// to /timeline). Pure: the caller says when each article was first seen.
import type { Corpus } from '../corpus/corpus.js';

type TopicCount = Awaited<ReturnType<Corpus['topicCounts']>>[number];
import type { ArticleRef, Quote, TimelineEvent } from './answer-types.js';
import { spread } from './brief.js';
import type { Topic } from './digest-topics.js';
import { groupStories } from './story.js';
import { articleRef, MAX_QUOTES, quotesFor } from './quotes.js';
import { toEvents } from './timeline.js';

export const DIGEST_QUOTES_PER_TOPIC = 3;
export const DIGEST_AUTO_TOPICS = 4;
export const DIGEST_EVENTS = 6;
export const DIGEST_STATEMENTS = 5;
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
  /**
   * The same articles as stories: a wire copy in another outlet, a lightly edited rewrite or an update is one story,
   * listed once with the outlets that also reported it. Newest first, as `articles`.
   */
  stories: { article: ArticleRef; also: ArticleRef[] }[];
  sections: DigestSection[];
  /** What the actors among the topics themselves said in the new articles, newest article first (at most DIGEST_STATEMENTS). */
  statements: Quote[];
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

/** The topics most quoted in the new articles, when the subscription names none. */
function busiestTopics(corpus: Corpus, topicCounts: TopicCount[]): Topic[] {
  const counts = new Map(topicCounts.map((c) => [`${c.type}:${c.id}`, c.passages]));
  const all: (Topic & { n: number })[] = [
    ...corpus.gazetteer.actors.map((a) => ({ type: 'actor' as const, id: a.id, name: a.name, n: counts.get(`actor:${a.id}`) ?? 0 })),
    ...corpus.gazetteer.corridors.map((c) => ({
      type: 'corridor' as const,
      id: c.id,
      name: c.name,
      n: counts.get(`corridor:${c.id}`) ?? 0,
    })),
  ];
  return all
    .filter((t) => t.n > 0)
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, DIGEST_AUTO_TOPICS)
    .map(({ n: _n, ...t }) => t);
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export async function digest(corpus: Corpus, q: DigestQuery): Promise<DigestAnswer> {
  const start = q.start.toISOString();
  const end = q.end.toISOString();
  const seenIds = [...q.firstSeen].filter(([, seen]) => seen > start && seen <= end).map(([id]) => id);
  // Newest first, and only the ids the corpus still holds.
  const found = seenIds.length ? await corpus.articles(0, seenIds.length, seenIds) : [];
  const fresh = found.map((a) => a.id);
  const articles = found.map(articleRef);
  const told = await Promise.all(found.map(async (article) => ({ article, passages: await corpus.passagesOf(article.id) })));
  const stories = groupStories(told).map(([first, ...also]) => ({
    article: articleRef(first!.article),
    also: also.map((t) => articleRef(t.article)),
  }));
  const topicCounts = fresh.length ? await corpus.topicCounts(fresh) : [];
  const topics = q.topics.length ? q.topics : busiestTopics(corpus, topicCounts);
  const all = await Promise.all(
    topics.map(async (topic) => {
      const ranked = fresh.length ? await corpus.ranked(topic.type, topic.id, { limit: MAX_QUOTES, articles: fresh }) : [];
      const total = topicCounts.find((c) => c.type === topic.type && c.id === topic.id)?.passages ?? 0;
      return { topic, total, quotes: spread(await quotesFor(corpus, ranked), DIGEST_QUOTES_PER_TOPIC) };
    }),
  );
  const sections = all.filter((s) => q.topics.length > 0 || s.total > 0);
  const speakers = new Set(topics.filter((t) => t.type === 'actor').map((t) => t.id));
  const said = told.flatMap((t) => t.passages.filter((p) => speakers.has(p.speech?.speaker.actor ?? ''))).slice(0, DIGEST_STATEMENTS);
  const about = (tags: { id: string }[], type: Topic['type']) => tags.some((t) => q.topics.some((x) => x.type === type && x.id === t.id));
  const published = new Map(found.map((a) => [a.id, a.published]));
  const recentFrom = (articleId: string) => daysBefore(published.get(articleId) ?? end.slice(0, 10), RECENT_DAYS);
  const dated = fresh.length
    ? await corpus.events(
        { actor: null, corridor: null, first: '0000-01-01', last: '9999-12-31', articles: fresh },
        0,
        Number.MAX_SAFE_INTEGER,
      )
    : [];
  const events = dated
    .filter((e) => e.last >= recentFrom(e.passage.articleId))
    .filter((e) => q.topics.length === 0 || about(e.passage.actors, 'actor') || about(e.passage.corridors, 'corridor'))
    .slice(-DIGEST_EVENTS);
  return {
    ok: true,
    command: 'digest',
    period: { start, end },
    topics: q.topics,
    articles,
    stories,
    sections,
    statements: await quotesFor(corpus, said),
    events: await toEvents(corpus, events),
  };
}
