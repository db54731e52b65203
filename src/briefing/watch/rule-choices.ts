// Autocomplete inside a watch rule: when the rule ends with a name being typed
// after actor: or corridor:, the rule completed with each matching name of the
// gazetteer (as /actor offers them), quoted when it holds a space.
import type { Corpus } from '../../corpus/corpus.js';
import { type Choice, nameChoices } from '../name-choices.js';
import { MAX_RULE_LENGTH, nameInProgress } from './watch-rule.js';

/** Discord's limit on a choice's name and value. */
const CHOICE_CHARS = 100;

export async function ruleChoices(corpus: Corpus, typed: string): Promise<Choice[]> {
  const text = typed.slice(0, MAX_RULE_LENGTH);
  const open = nameInProgress(text);
  if (!open) return [];
  const head = text.slice(0, open.at);
  return (await nameChoices(corpus, open.field, open.partial))
    .map((c) => `${head}${open.field}:${/\s/.test(c.value) ? `"${c.value}"` : c.value}`)
    .filter((rule) => rule.length <= CHOICE_CHARS)
    .map((rule) => ({ name: rule, value: rule }));
}
