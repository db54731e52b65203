// /brief: a short briefing on a topic, for posting in a channel. The topic may
// be an actor, a corridor or free text; the briefing takes the top quotes (one
// per story first, so it reads as several sources, each naming the other
// outlets that told the same story) and the latest dated events on the topic.
import type { Corpus } from '../corpus/corpus.js';
import type { ArticleRef, BriefAnswer, ProblemAnswer, Quote } from './answer-types.js';
import { actor } from './actor.js';
import { corridor } from './corridor.js';
import { closestNames, findActor, findCorridor } from './entity-names.js';
import { articleRef } from './quotes.js';
import { search } from './search.js';
import { groupStories } from './story.js';
import { timeline } from './timeline.js';
import { MAX_QUERY_LENGTH, readOption } from './user-input.js';

export const BRIEF_QUOTES = 5;
export const BRIEF_EVENTS = 5;

/**
 * The first quote of each article (of each story, when `storyOf` says which articles tell one), then the rest, so
 * the top few come from several sources.
 */
export function spread(quotes: Quote[], n: number, storyOf: (articleId: string) => string = (id) => id): Quote[] {
  const seen = new Set<string>();
  const firsts = quotes.filter((q) => !seen.has(storyOf(q.article.id)) && seen.add(storyOf(q.article.id)));
  return [...new Set([...firsts, ...quotes])].slice(0, n);
}

/** How many of the quoted articles are read to group them into stories: the quotes' first articles, best first. */
const STORY_ARTICLES = 30;

/** The cited articles as stories: each article -> its story's first article, and each story's other articles. */
async function storiesOf(corpus: Corpus, quotes: readonly Quote[]) {
  const ids = [...new Set(quotes.map((q) => q.article.id))].slice(0, STORY_ARTICLES);
  const articles = ids.length ? await corpus.articles(0, ids.length, ids) : [];
  const told = await Promise.all(articles.map(async (article) => ({ article, passages: await corpus.passagesOf(article.id) })));
  const storyOf = new Map<string, string>();
  const others = new Map<string, ArticleRef[]>();
  for (const story of groupStories(told)) {
    for (const t of story) storyOf.set(t.article.id, story[0]!.article.id);
    for (const t of story)
      others.set(
        t.article.id,
        story.filter((x) => x !== t).map((x) => articleRef(x.article)),
      );
  }
  return { storyOf: (id: string) => storyOf.get(id) ?? id, others: (id: string) => others.get(id) ?? [] };
}

export async function brief(corpus: Corpus, rawTopic: string): Promise<BriefAnswer | ProblemAnswer> {
  const read = readOption('topic', rawTopic, MAX_QUERY_LENGTH);
  if ('problem' in read) return { ok: false, command: 'brief', problem: read.problem };
  const topic = read.value;
  const a = findActor(corpus.names, topic);
  const c = a ? null : findCorridor(corpus.names, topic);
  const entity = a ? await actor(corpus, topic) : c ? await corridor(corpus, topic) : null;
  const found = entity ?? (await search(corpus, topic));
  if (!found.ok) return { ...found, command: 'brief' };
  const quotes = found.quotes;
  if (quotes.length === 0)
    return {
      ok: false,
      command: 'brief',
      problem: { code: 'nothing-on-topic', topic, suggestions: closestNames(corpus.names, topic) },
    };
  // The latest events: count them, then read only the last few.
  const scope = a ? { actor: a.id } : c ? { corridor: c.id } : null;
  const count = scope ? await timeline(corpus, scope, { limit: 0 }) : null;
  const events =
    scope && count?.ok ? await timeline(corpus, scope, { offset: Math.max(0, count.total - BRIEF_EVENTS), limit: BRIEF_EVENTS }) : null;
  const articles = new Set(quotes.map((q) => q.article.id)).size;
  // A wire story in three outlets is one source, not three: one quote a story first, naming the others.
  const stories = await storiesOf(corpus, quotes);
  const chosen = spread(quotes, BRIEF_QUOTES, stories.storyOf);
  return {
    ok: true,
    command: 'brief',
    topic: a
      ? { type: 'actor', id: a.id, name: a.name }
      : c
        ? { type: 'corridor', id: c.id, name: c.name }
        : { type: 'text', id: null, name: topic },
    summary: `${quotes.length} quote(s) from ${articles} article(s)${events?.ok ? `, ${events.total} dated event(s)` : ''}.`,
    quotes: chosen,
    also: Object.fromEntries(
      chosen.flatMap((q) => {
        const refs = stories.others(q.article.id);
        return refs.length ? [[q.id, refs] as const] : [];
      }),
    ),
    // Newest first: "latest" is what a reader looks for at the top.
    events: events?.ok ? [...events.events].reverse() : [],
  };
}
