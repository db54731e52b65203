// /corridor: the corridor card and its quotes. The quote that defines the
// corridor comes first, then the quotes that show who backs or opposes it,
// then the rest by centrality.
import type { Corpus } from '../corpus/corpus.js';
import type { CorridorAnswer, ProblemAnswer, StanceEvidence } from './answer-types.js';
import { closestNames, findCorridor } from './entity-names.js';
import { mentionFallback } from './mentions.js';
import { quotesFor } from './quotes.js';
import { MAX_NAME_LENGTH, readOption } from './user-input.js';

export function corridor(corpus: Corpus, rawName: string): CorridorAnswer | ProblemAnswer {
  const read = readOption('name', rawName, MAX_NAME_LENGTH);
  if ('problem' in read) return { ok: false, command: 'corridor', problem: read.problem };
  const name = read.value;
  const entry = findCorridor(corpus.gazetteer, name);
  if (!entry) {
    const mentioned = mentionFallback(corpus, name, 'corridor');
    if (mentioned) return { ok: true, command: 'corridor', corridor: null, ...mentioned };
    return { ok: false, command: 'corridor', problem: { code: 'unknown-corridor', name, suggestions: closestNames(corpus.gazetteer, name) } };
  }
  const profile = corpus.data.corridors[entry.id] ?? { passages: [], articles: 0, definition: null, stances: [] };
  const [definition = null] = profile.definition ? quotesFor(corpus, [profile.definition]) : [];
  const stances: StanceEvidence[] = [];
  for (const s of profile.stances) {
    const [quote] = quotesFor(corpus, [s.passage]);
    const who = corpus.actor(s.actor);
    if (quote && who) stances.push({ actor: { id: who.id, name: who.name }, stance: s.stance, quote });
  }
  const leading = [...(profile.definition ? [profile.definition] : []), ...profile.stances.map((s) => s.passage)];
  const order = [...new Set([...leading, ...profile.passages])];
  return {
    ok: true,
    command: 'corridor',
    corridor: { id: entry.id, name: entry.name, aliases: entry.aliases, articles: profile.articles, mentions: profile.passages.length, definition, stances },
    quotes: quotesFor(corpus, order),
  };
}
