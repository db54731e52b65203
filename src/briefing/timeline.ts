// /timeline: the dated events of the corpus in chronological order, filtered
// by actor, corridor and period (the filters combine). Each event is one date
// stated in one passage; the same event told by two articles stays two events.
import type { Corpus, DatedPassage } from '../corpus/corpus.js';
import type { EntityTag } from '../corpus/build-schema.js';
import type { NamedRef, ProblemAnswer, TimelineAnswer, TimelineEvent } from './answer-types.js';
import { readDayRange } from './date-range.js';
import { closestNames, findActor, findCorridor } from './entity-names.js';
import { articleRef, toQuote } from './quotes.js';
import { MAX_NAME_LENGTH, readOption } from './user-input.js';

export interface TimelineQuery {
  actor?: string | undefined;
  corridor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type Resolved = { ref: NamedRef | null } | { problem: ProblemAnswer['problem'] };

function resolveEntity(corpus: Corpus, type: 'actor' | 'corridor', raw: string | undefined): Resolved {
  if (raw === undefined) return { ref: null };
  const read = readOption(type, raw, MAX_NAME_LENGTH);
  if ('problem' in read) return read;
  const entry = type === 'actor' ? findActor(corpus.gazetteer, read.value) : findCorridor(corpus.gazetteer, read.value);
  if (entry) return { ref: { id: entry.id, name: entry.name } };
  const suggestions = closestNames(corpus.gazetteer, read.value);
  return { problem: type === 'actor' ? { code: 'unknown-actor', name: read.value, suggestions } : { code: 'unknown-corridor', name: read.value, suggestions } };
}

function named(corpus: Corpus, tags: EntityTag[], type: 'actor' | 'corridor'): NamedRef[] {
  return tags.map((t) => ({ id: t.id, name: (type === 'actor' ? corpus.actor(t.id) : corpus.corridor(t.id))?.name ?? t.id }));
}

export function toEvent(corpus: Corpus, e: DatedPassage): TimelineEvent {
  const quote = toQuote(corpus, e.passage);
  const { start, end, precision, approximate, text } = e.date;
  return {
    date: { start, end, precision, approximate },
    phrase: text,
    quote,
    actors: named(corpus, e.passage.actors, 'actor'),
    corridors: named(corpus, e.passage.corridors, 'corridor'),
    article: articleRef(corpus.article(e.passage.articleId)!),
  };
}

// Answers are read-only data, so an event is built once per corpus and shared by every answer that
// holds it: an unfiltered timeline at 1,000 articles rebuilt ~15,000 events per request.
const built = new WeakMap<Corpus, (TimelineEvent | undefined)[]>();
function madeEvents(corpus: Corpus): (TimelineEvent | undefined)[] {
  let list = built.get(corpus);
  if (!list) built.set(corpus, (list = new Array<TimelineEvent | undefined>(corpus.events().length)));
  return list;
}

export function timeline(corpus: Corpus, q: TimelineQuery): TimelineAnswer | ProblemAnswer {
  const fail = (problem: ProblemAnswer['problem']): ProblemAnswer => ({ ok: false, command: 'timeline', problem });
  const actor = resolveEntity(corpus, 'actor', q.actor);
  if ('problem' in actor) return fail(actor.problem);
  const corridor = resolveEntity(corpus, 'corridor', q.corridor);
  if ('problem' in corridor) return fail(corridor.problem);
  const range = readDayRange(q.from, q.to);
  if ('problem' in range) return fail(range.problem);
  const all = corpus.events();
  const made = madeEvents(corpus);
  const events: TimelineEvent[] = [];
  all.forEach((e, i) => {
    if (e.first > range.last || e.last < range.first) return;
    if (actor.ref && !e.passage.actors.some((t) => t.id === actor.ref!.id)) return;
    if (corridor.ref && !e.passage.corridors.some((t) => t.id === corridor.ref!.id)) return;
    events.push((made[i] ??= toEvent(corpus, e)));
  });
  return { ok: true, command: 'timeline', filters: { actor: actor.ref, corridor: corridor.ref, from: range.from, to: range.to }, events };
}
