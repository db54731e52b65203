// /corridor: the corridor card and its quotes. The quote that defines the
// corridor comes first, then the quotes that show who backs or opposes it,
// then the rest by centrality.
import type { Corpus } from '../corpus/corpus.js';
import type { CorridorAnswer, ProblemAnswer, StanceEvidence } from './answer-types.js';
import { closestNames, findCorridor } from './entity-names.js';
import { mentionFallback } from './mentions.js';
import { MAX_QUOTES, quotesFor } from './quotes.js';
import { MAX_NAME_LENGTH, readOption } from './user-input.js';

export async function corridor(corpus: Corpus, rawName: string): Promise<CorridorAnswer | ProblemAnswer> {
  const read = readOption('name', rawName, MAX_NAME_LENGTH);
  if ('problem' in read) return { ok: false, command: 'corridor', problem: read.problem };
  const name = read.value;
  const entry = findCorridor(corpus.names, name);
  if (!entry) {
    const mentioned = await mentionFallback(corpus, name, 'corridor');
    if (mentioned) return { ok: true, command: 'corridor', corridor: null, ...mentioned };
    return {
      ok: false,
      command: 'corridor',
      problem: { code: 'unknown-corridor', name, suggestions: closestNames(corpus.names, name) },
    };
  }
  const [stats, defining, records, ranked] = await Promise.all([
    corpus.entity('corridor', entry.id),
    corpus.definition(entry.id),
    corpus.stances(entry.id),
    corpus.ranked('corridor', entry.id, MAX_QUOTES),
  ]);
  const [definition = null] = defining ? await quotesFor(corpus, [defining]) : [];
  const stancePassages = await Promise.all(records.map((s) => corpus.passage(s.passage)));
  const stanceQuotes = await quotesFor(
    corpus,
    stancePassages.filter((p) => p !== undefined),
  );
  const stances: StanceEvidence[] = [];
  records.forEach((s, i) => {
    const p = stancePassages[i];
    const who = corpus.actor(s.actor);
    const quote = p && stanceQuotes.find((q) => q.id === p.id);
    if (quote && who) stances.push({ actor: { id: who.id, name: who.name }, stance: s.stance, quote, said: s.own });
  });
  const leading = [...(defining ? [defining] : []), ...stancePassages.filter((p) => p !== undefined)];
  const byId = new Map([...leading, ...ranked].map((p) => [p.id, p]));
  return {
    ok: true,
    command: 'corridor',
    corridor: {
      id: entry.id,
      name: entry.name,
      aliases: entry.aliases,
      articles: stats.articles,
      mentions: stats.passages,
      definition,
      stances,
    },
    quotes: await quotesFor(corpus, [...byId.values()].slice(0, MAX_QUOTES)),
  };
}
