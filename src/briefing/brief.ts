// /brief: a short briefing on a topic, for posting in a channel. The topic may
// be an actor, a corridor or free text; the briefing takes the top quotes (one
// per article first, so it reads as several sources) and the latest dated
// events on the same topic.
import type { Corpus } from '../corpus/corpus.js';
import type { BriefAnswer, ProblemAnswer, Quote } from './answer-types.js';
import { actor } from './actor.js';
import { corridor } from './corridor.js';
import { closestNames, findActor, findCorridor } from './entity-names.js';
import { search } from './search.js';
import { timeline } from './timeline.js';
import { MAX_QUERY_LENGTH, readOption } from './user-input.js';

export const BRIEF_QUOTES = 5;
export const BRIEF_EVENTS = 5;

/** The first quote of each article, then the rest, so the top few come from several sources. */
export function spread(quotes: Quote[], n: number): Quote[] {
  const seen = new Set<string>();
  const firsts = quotes.filter((q) => !seen.has(q.article.id) && seen.add(q.article.id));
  return [...new Set([...firsts, ...quotes])].slice(0, n);
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
  return {
    ok: true,
    command: 'brief',
    topic: a
      ? { type: 'actor', id: a.id, name: a.name }
      : c
        ? { type: 'corridor', id: c.id, name: c.name }
        : { type: 'text', id: null, name: topic },
    summary: `${quotes.length} quote(s) from ${articles} article(s)${events?.ok ? `, ${events.total} dated event(s)` : ''}.`,
    quotes: spread(quotes, BRIEF_QUOTES),
    // Newest first: "latest" is what a reader looks for at the top.
    events: events?.ok ? [...events.events].reverse() : [],
  };
}
