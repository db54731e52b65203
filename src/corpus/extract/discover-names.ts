// Names the gazetteer does not know yet, most frequent first, so a curator
// can see what to add ("Pokrovsk (9), Chasiv Yar (7)").
import { foldKey } from '../../text/normalize.js';
import { words, isCapitalised } from '../../text/words.js';
import type { Mention } from './gazetteer-matcher.js';

const SKIP = new Set(
  (
    'The A An In On At When While After Before Since As But And However According Despite Although Though If For With This These ' +
    'Those That It He She They We I You There Here Its His Her Their Our Many Some Most One Two Three Both Each Every During Over ' +
    'Under Last Next Earlier Later Meanwhile Yet So Still Even Such What Why How Who Where By From To Of Instead Indeed Already Now ' +
    'Then Once Unlike Like Amid Following Between Among Across Against Without Within Only Another Other Several Few No Not Or ' +
    'Prime Minister President Secretary State Mr Ms Dr General January February March April May June July August September October ' +
    'November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Photo First Second Third'
  ).split(' '),
);
const CONNECTORS = new Set(['of', 'de', 'von', 'der', 'al']);

/** How often each unknown name occurs. `known`: folded gazetteer names and ignored phrases, which are not news to the curator. */
export function countNames(passages: { text: string; mentions: Mention[] }[], known: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text, mentions } of passages) {
    const ws = words(text);
    const mentioned = (start: number): boolean => mentions.some((m) => start >= m.start && start < m.end);
    for (let i = 0; i < ws.length; i++) {
      if (!isCapitalised(ws[i]!.raw) || mentioned(ws[i]!.start) || SKIP.has(ws[i]!.raw)) continue;
      let j = i + 1;
      while (
        j < ws.length &&
        !mentioned(ws[j]!.start) &&
        (isCapitalised(ws[j]!.raw) || (CONNECTORS.has(ws[j]!.raw) && isCapitalised(ws[j + 1]?.raw ?? '')))
      )
        j++;
      // A single capitalised word opening a sentence is usually just a word.
      const atSentenceStart = i === 0 || /[.!?:]['’"”]?\s+$/.test(text.slice(Math.max(0, ws[i]!.start - 4), ws[i]!.start));
      const name = text.slice(ws[i]!.start, ws[j - 1]!.end).replace(/['’]s$/, '');
      const tooShort = j - i === 1 && name.length < 3;
      if (!(atSentenceStart && j - i === 1) && !tooShort && !known.has(foldKey(name))) counts.set(name, (counts.get(name) ?? 0) + 1);
      i = j - 1;
    }
  }
  return counts;
}

/** The most frequent names seen at least twice. */
export function topNames(counts: Iterable<[string, number]>, limit = 20): { name: string; count: number }[] {
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, count]) => ({ name, count }));
}
