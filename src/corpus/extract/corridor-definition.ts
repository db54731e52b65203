// The passage that says what a corridor is:
//   "Azerbaijan's notion of a 'Zangezur Corridor' refers to its demand for ..."
//   "The Azerbaijan-Iran Aras Corridor is an infrastructure project ..."
//   "... the Lachin corridor, a strip of land connecting Armenia and Nagorno-Karabakh."
import { wordCount } from '../../text/normalize.js';

// A bracketed aside may stand between the name and what it is: "The Middle Corridor (also known as the
// Trans-Caspian International Transport Route), is a US and EU sponsored project …".
const AFTER_NAME = new RegExp(
  String.raw`^['’"”)]*\s*(?:(?:initiative|project|corridor|route|plan|framework)['’"”]?(?=[\s,(]))?\s*` +
    String.raw`(?:\([^()]{1,120}\)\s*)?` +
    String.raw`(?:(,\s+(?:a|an)\s+\w+)|,?\s*(refers to|is an?|is the|was an?|means|describes|would (?:connect|link|run|pass)|` +
    String.raw`connects|links|runs|passes|aims to|envisions|envisages|is (?:designed|intended|planned|meant|expected) to))\b`,
  'i',
);

/** A score for `text` as the definition of the corridor mentioned at [start, end), or 0. */
export function definitionScore(text: string, start: number, end: number, kind: 'body' | 'caption'): number {
  if (kind !== 'body') return 0;
  const m = AFTER_NAME.exec(text.slice(end));
  if (!m) return 0;
  const early = wordCount(text.slice(0, start)) <= 8 ? 1 : 0.5;
  const verb = m[2] && /refers|means|describes|is an?|is the/i.test(m[2]) ? 1.5 : 1;
  return early * verb;
}
