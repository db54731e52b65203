// /corridor: the corridor card and its quotes. The quote that defines the
// corridor comes first, then the quotes that show who backs or opposes it,
// then the rest by centrality.
import type { Corpus } from '../corpus/corpus.js';
import type { CorridorAnswer, ProblemAnswer, StanceEvidence } from './answer-types.js';
import { closestNames, findCorridor } from './entity-names.js';
import { mentionFallback } from './mentions.js';
import { MAX_QUOTES, quotesFor, quoteWindow } from './quotes.js';
import { MAX_NAME_LENGTH, readOption } from './user-input.js';
import type { Window } from './window.js';

/** window: the page of the quotes to read (Discord's), else all MAX_QUOTES of them. */
export async function corridor(corpus: Corpus, rawName: string, window?: Partial<Window>): Promise<CorridorAnswer | ProblemAnswer> {
  const read = readOption('name', rawName, MAX_NAME_LENGTH);
  if ('problem' in read) return { ok: false, command: 'corridor', problem: read.problem };
  const name = read.value;
  const entry = findCorridor(corpus.names, name);
  if (!entry) {
    const mentioned = await mentionFallback(corpus, name, 'corridor', window);
    if (mentioned) return { ok: true, command: 'corridor', corridor: null, ...mentioned };
    return {
      ok: false,
      command: 'corridor',
      problem: { code: 'unknown-corridor', name, suggestions: closestNames(corpus.names, name) },
    };
  }
  const [stats, defining, records] = await Promise.all([
    corpus.entity('corridor', entry.id),
    corpus.definition(entry.id),
    corpus.stances(entry.id),
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
  // The quotes: the definition and the stance evidence lead, then the ranking without them. The page's place in that
  // ranking is exact because the leading passages are left out of it by the index, not after it.
  const leading = [
    ...new Map([...(defining ? [defining] : []), ...stancePassages.filter((p) => p !== undefined)].map((p) => [p.id, p])).values(),
  ];
  const w = quoteWindow(window);
  const fromLeading = leading.slice(w.offset, w.offset + w.limit);
  const rest = w.limit - fromLeading.length;
  const ranked =
    rest > 0
      ? await corpus.ranked('corridor', entry.id, {
          limit: rest,
          offset: Math.max(0, w.offset - leading.length),
          except: leading.map((p) => p.id),
        })
      : [];
  const tagged = leading.filter((p) => p.corridors.some((t) => t.id === entry.id)).length;
  const held = Math.min(MAX_QUOTES, leading.length + stats.passages - tagged);
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
    quotes: await quotesFor(corpus, [...fromLeading, ...ranked]),
    ...(w.paged ? { page: { offset: w.offset, total: held } } : {}),
  };
}
