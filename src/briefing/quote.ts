// /quote: one quote by its stable id, with the passages around it in the
// article, so a team can point at exact evidence and read it in context.
import type { Corpus } from '../corpus/corpus.js';
import type { ProblemAnswer, QuoteAnswer } from './answer-types.js';
import { quotesFor } from './quotes.js';
import { readOption } from './user-input.js';

const CONTEXT = 1;
const MAX_ID_LENGTH = 40;

export async function quoteById(corpus: Corpus, rawId: string): Promise<QuoteAnswer | ProblemAnswer> {
  const read = readOption('id', rawId, MAX_ID_LENGTH);
  if ('problem' in read) return { ok: false, command: 'quote', problem: read.problem };
  // Ids are shown in brackets; a pasted "[97dcd70d.f53feb]" works too.
  const id = read.value.replace(/^\[|\]$/g, '').toLowerCase();
  const passage = await corpus.passage(id);
  if (!passage) return { ok: false, command: 'quote', problem: { code: 'unknown-quote', id: read.value } };
  const [{ before, after }, [quote]] = await Promise.all([corpus.around(passage, CONTEXT), quotesFor(corpus, [passage])]);
  return {
    ok: true,
    command: 'quote',
    quote: quote!,
    before: before.map((p) => p.text),
    after: after.map((p) => p.text),
  };
}
