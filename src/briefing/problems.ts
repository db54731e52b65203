// A user's mistake is an answer, not an exception. Each problem has a code;
// one table turns codes into the words a user reads.
import { clip } from '../text/clip.js';

export interface Suggestion {
  name: string;
  type: 'actor' | 'corridor';
}

export type Problem =
  | { code: 'empty-input'; option: string }
  | { code: 'input-too-long'; option: string; length: number; max: number }
  | { code: 'no-search-terms'; query: string }
  | { code: 'unknown-actor'; name: string; suggestions: Suggestion[] }
  | { code: 'unknown-corridor'; name: string; suggestions: Suggestion[] }
  | { code: 'bad-date'; option: string; value: string }
  | { code: 'reversed-range'; from: string; to: string }
  | { code: 'unknown-quote'; id: string }
  | { code: 'nothing-on-topic'; topic: string; suggestions: Suggestion[] };

function suggest(list: Suggestion[]): string {
  if (list.length === 0) return '';
  const parts = list.map((s) => `${s.name}${s.type === 'corridor' ? ' (use /corridor)' : ''}`);
  return ` Did you mean: ${parts.join(', ')}?`;
}

/** What a user typed, shown back in a message: long pastes are cut. */
const shownBack = (text: string) => clip(text, 60);

export function describeProblem(p: Problem): string {
  switch (p.code) {
    case 'empty-input':
      return `The ${p.option} option is empty. Type a name or some words to look for.`;
    case 'input-too-long':
      return `The ${p.option} option is ${p.length} characters long; the limit is ${p.max}. Shorten it to the words that matter.`;
    case 'no-search-terms':
      return (
        `"${shownBack(p.query)}" has no words to search for (only punctuation, symbols or very common words). Try names or ` +
        `phrases, e.g. nuclear deal.`
      );
    case 'unknown-actor':
      return `No actor called "${shownBack(p.name)}" in the gazetteer, and no article mentions it.${suggest(p.suggestions)}`;
    case 'unknown-corridor':
      return `No corridor called "${shownBack(p.name)}" in the gazetteer, and no article mentions it.${suggest(p.suggestions)}`;
    case 'bad-date':
      return (
        `${p.option} "${shownBack(p.value)}" is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, e.g. ${p.option}:2020 or ` +
        `${p.option}:2024-07.`
      );
    case 'unknown-quote':
      return `No quote has the id "${shownBack(p.id)}". Ids look like 97dcd70d.f53feb and are shown under every quote.`;
    case 'nothing-on-topic':
      return `Nothing in the corpus on "${shownBack(p.topic)}".${suggest(p.suggestions)}`;
    case 'reversed-range':
      return `from ${p.from} is after to ${p.to}. Swap them, or leave one out for an open range.`;
  }
}
