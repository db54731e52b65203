// /timeline: the dated events of the corpus in chronological order, filtered
// by actor, corridor and period (the filters combine). Each event is one date
// stated in one passage; the same event told by two articles stays two events.
import type { Article, EntityTag } from '../corpus/records.js';
import type { Corpus, DatedPassage, EventQuery } from '../corpus/corpus.js';
import type { NamedRef, ProblemAnswer, TimelineAnswer, TimelineEvent } from './answer-types.js';
import { readDayRange } from './date-range.js';
import { closestNames, findActor, findCorridor } from './entity-names.js';
import { articlesCited, toQuote } from './quotes.js';
import { MAX_NAME_LENGTH, readOption } from './user-input.js';
import { clampOffset, windowOf, type Window } from './window.js';

export interface TimelineQuery {
  actor?: string | undefined;
  corridor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only the actor's own statements, as events ("Iran warned …", dated). */
  said?: boolean | undefined;
}

type Resolved = { ref: NamedRef | null } | { problem: ProblemAnswer['problem'] };

function resolveEntity(corpus: Corpus, type: 'actor' | 'corridor', raw: string | undefined): Resolved {
  if (raw === undefined) return { ref: null };
  const read = readOption(type, raw, MAX_NAME_LENGTH);
  if ('problem' in read) return read;
  const entry = type === 'actor' ? findActor(corpus.names, read.value) : findCorridor(corpus.names, read.value);
  if (entry) return { ref: { id: entry.id, name: entry.name } };
  const suggestions = closestNames(corpus.names, read.value);
  return {
    problem:
      type === 'actor'
        ? { code: 'unknown-actor', name: read.value, suggestions }
        : { code: 'unknown-corridor', name: read.value, suggestions },
  };
}

function named(corpus: Corpus, tags: EntityTag[], type: 'actor' | 'corridor'): NamedRef[] {
  return tags.map((t) => ({ id: t.id, name: (type === 'actor' ? corpus.actor(t.id) : corpus.corridor(t.id))?.name ?? t.id }));
}

export function toEvent(corpus: Corpus, articleOf: (id: string) => Article, e: DatedPassage): TimelineEvent {
  const quote = toQuote(articleOf, e.passage, undefined, (id) => corpus.actor(id)?.name);
  const { start, end, precision, approximate, text } = e.date;
  return {
    date: { start, end, precision, approximate },
    phrase: text,
    quote,
    actors: named(corpus, e.passage.actors, 'actor'),
    corridors: named(corpus, e.passage.corridors, 'corridor'),
    article: quote.article,
  };
}

export async function toEvents(corpus: Corpus, events: DatedPassage[]): Promise<TimelineEvent[]> {
  const articleOf = await articlesCited(
    corpus,
    events.map((e) => e.passage),
  );
  return events.map((e) => toEvent(corpus, articleOf, e));
}

/** `window`: which events to return (the first MAX_WINDOW when not given); `total` counts them all. */
export async function timeline(corpus: Corpus, q: TimelineQuery, window?: Partial<Window>): Promise<TimelineAnswer | ProblemAnswer> {
  const fail = (problem: ProblemAnswer['problem']): ProblemAnswer => ({ ok: false, command: 'timeline', problem });
  const actor = resolveEntity(corpus, 'actor', q.actor);
  if ('problem' in actor) return fail(actor.problem);
  const corridor = resolveEntity(corpus, 'corridor', q.corridor);
  if ('problem' in corridor) return fail(corridor.problem);
  const range = readDayRange(q.from, q.to);
  if ('problem' in range) return fail(range.problem);
  if (q.said && !actor.ref) return fail({ code: 'said-needs-actor' });
  const eq: EventQuery = {
    actor: actor.ref?.id ?? null,
    corridor: corridor.ref?.id ?? null,
    first: range.first,
    last: range.last,
    ...(q.said ? { said: true } : {}),
  };
  const total = await corpus.countEvents(eq);
  const w = windowOf(window);
  const offset = clampOffset(w, total);
  const events = await toEvents(corpus, await corpus.events(eq, offset, w.limit));
  return {
    ok: true,
    command: 'timeline',
    filters: { actor: actor.ref, corridor: corridor.ref, from: range.from, to: range.to, ...(q.said ? { said: true as const } : {}) },
    events,
    total,
    offset,
  };
}
