// /says and /actor said:true: what an actor itself said or wrote, newest first, as the
// speaker the ingest found for each passage (see corpus/extract/speech). Optionally only
// statements about another actor or a corridor, and only in a period of publication.
import type { Corpus } from '../corpus/corpus.js';
import type { ProblemAnswer, SaysAnswer } from './answer-types.js';
import { readDayRange } from './date-range.js';
import { closestNames, findActor, findCorridor } from './entity-names.js';
import { MAX_QUOTES, quotesFor, quoteWindow } from './quotes.js';
import type { Window } from './window.js';
import { MAX_NAME_LENGTH, readOption } from './user-input.js';

export interface SaysOptions {
  actor: string;
  about?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** window: the page of the statements to read (Discord's), else the newest MAX_QUOTES. */
export async function says(corpus: Corpus, o: SaysOptions, window?: Partial<Window>): Promise<SaysAnswer | ProblemAnswer> {
  const problem = (p: ProblemAnswer['problem']): ProblemAnswer => ({ ok: false, command: 'says', problem: p });
  const read = readOption('actor', o.actor, MAX_NAME_LENGTH);
  if ('problem' in read) return problem(read.problem);
  const entry = findActor(corpus.names, read.value);
  if (!entry) return problem({ code: 'unknown-actor', name: read.value, suggestions: closestNames(corpus.names, read.value) });
  let about: SaysAnswer['about'] = null;
  if (o.about !== undefined) {
    const topic = readOption('about', o.about, MAX_NAME_LENGTH);
    if ('problem' in topic) return problem(topic.problem);
    const a = findActor(corpus.names, topic.value);
    const c = a ? null : findCorridor(corpus.names, topic.value);
    if (!a && !c) return problem({ code: 'unknown-topic', name: topic.value, suggestions: closestNames(corpus.names, topic.value) });
    about = a ? { type: 'actor', id: a.id, name: a.name } : { type: 'corridor', id: c!.id, name: c!.name };
  }
  const range = readDayRange(o.from, o.to);
  if ('problem' in range) return problem(range.problem);
  const w = quoteWindow(window);
  const found = await corpus.statements(
    { actor: entry.id, about, first: range.from ? range.first : null, last: range.to ? range.last : null },
    w.offset,
    w.limit,
  );
  return {
    ok: true,
    command: 'says',
    actor: { id: entry.id, name: entry.name },
    about,
    from: range.from,
    to: range.to,
    total: found.total,
    quotes: await quotesFor(corpus, found.passages),
    ...(w.paged ? { page: { offset: w.offset, total: Math.min(MAX_QUOTES, found.total) } } : {}),
  };
}
