// /actor: the actor card and the best quotes that mention it, most central
// first and spread across articles (ranked at ingest). A name the gazetteer does not
// know falls back to a mention search; a name nothing mentions gets the
// closest names.
import type { Corpus } from '../corpus/corpus.js';
import type { ActorAnswer, ProblemAnswer } from './answer-types.js';
import { closestNames, findActor } from './entity-names.js';
import { mentionFallback } from './mentions.js';
import { MAX_QUOTES, quotesFor, quoteWindow } from './quotes.js';
import type { Window } from './window.js';
import { MAX_NAME_LENGTH, readOption } from './user-input.js';

/**
 * said: only the actor's own statements, newest first, instead of the quotes that mention it. window: the page of the
 * quotes to read (Discord's), else all MAX_QUOTES of them.
 */
export async function actor(
  corpus: Corpus,
  rawName: string,
  opts: { said?: boolean; window?: Partial<Window> | undefined } = {},
): Promise<ActorAnswer | ProblemAnswer> {
  const read = readOption('name', rawName, MAX_NAME_LENGTH);
  if ('problem' in read) return { ok: false, command: 'actor', problem: read.problem };
  const name = read.value;
  const entry = findActor(corpus.names, name);
  if (entry) {
    const w = quoteWindow(opts.window);
    const [stats, ranked] = await Promise.all([
      corpus.entity('actor', entry.id),
      opts.said
        ? corpus.statements({ actor: entry.id, about: null, first: null, last: null }, w.offset, w.limit).then((s) => s.passages)
        : corpus.ranked('actor', entry.id, { limit: w.limit, offset: w.offset }),
    ]);
    return {
      ok: true,
      command: 'actor',
      actor: {
        id: entry.id,
        name: entry.name,
        kind: entry.kind,
        aliases: [...entry.aliases, ...entry.adjectives],
        articles: stats.articles,
        mentions: stats.passages,
        statements: stats.statements,
      },
      ...(opts.said ? { said: true } : {}),
      quotes: await quotesFor(corpus, ranked),
      ...(w.paged ? { page: { offset: w.offset, total: Math.min(MAX_QUOTES, opts.said ? stats.statements : stats.passages) } } : {}),
    };
  }
  const mentioned = await mentionFallback(corpus, name, 'actor', opts.window);
  if (mentioned) return { ok: true, command: 'actor', actor: null, ...mentioned };
  return { ok: false, command: 'actor', problem: { code: 'unknown-actor', name, suggestions: closestNames(corpus.names, name) } };
}
