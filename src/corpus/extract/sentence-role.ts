// What a sentence does with a name, read from its shape rather than from a list
// of verbs: a busy reader wants "Iran opposes the corridor" before "Iran is an
// Islamic state" and both before "given Armenia's proximity to Iran".
//
// - 'acts': the name opens the main clause and a verb follows it (a decision, a claim, an action);
// - 'described': the name opens the main clause and is defined ("X is a …", "X remains the …");
// - 'opens': the name opens the main clause without a verb after it (a possessive, a list);
// - 'mentioned': anything else.
export type SentenceRole = 'acts' | 'described' | 'opens' | 'mentioned';

const wordSet = (words: string) => new Set(words.split(' '));

// A label such as "ANALYSIS:" or "Photo:" before the sentence proper.
const LABEL = /^[^:]{0,40}:\s/;
// An opening phrase closed by a comma ("In contrast,", "As regional powers compete over …,"): the main clause starts after it.
const OPENING_PHRASE = /^[^,;:]{1,200},\s*/u;
// Words that put the name inside a phrase rather than at the head of the clause.
const PREPOSITIONS = wordSet(
  'to of in into with from for by on at than about against between among over under through toward towards like unlike as via near ' +
    'beyond given despite including',
);
// Before the name in a clause it opens: determiners, titles and other names ("the", "President", "Armenia and").
const HEAD = /^(?:(?:the|both|and|[\p{Lu}][\p{L}'’.-]*)\s+)*$/u;

// After the name: an apposition or aside ("Iran, on the other hand,", "Aliyev, Azerbaijan's president,"),
// a bracket, or a second name joined by "and".
const ASIDE = /^\s*(?:\([^)]{0,80}\)|,[^,.;:]{1,60},|\s+and\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)*)/u;
const POSSESSIVE = /^['’]s?\b/;
const DEFINITION = /^\s+(?:is|was|are|were|remains|remained|became|has\s+been|had\s+been)\s+(?:a|an|the|one|not\s+a|also\s+a|still\s+a)\s/i;
// A finite verb: an auxiliary or modal, a verb in -s or -ed, or one of the common irregular past forms,
// after at most one adverb in -ly.
const AUXILIARY = wordSet(
  'has have had is are was were will would shall should can could may might must does did do also already still now then never ' +
    'reportedly again once alone itself too',
);
const IRREGULAR_PAST = wordSet(
  'said made took gave sent saw told won lost kept held left met led paid sought brought built began became chose drew drove fell ' +
    'felt fought found got grew hit knew laid let meant put ran rose set shot sold spent stood struck swore thought threw ' +
    'understood went wrote spoke',
);
const VERB_ENDING = /^[a-z]+(?:s|ed)$/;

// After two names joined by "and" the verb has no -s ("Armenia and Iran share …"): any plain lower-case word but these.
const NOT_A_VERB = /^(?:the|a|an|of|in|on|at|to|for|with|and|or|but|as|by|from|that|which|who|whose|its|their)$/i;

function startsWithVerb(after: string, plural: boolean): boolean {
  const words = after.match(/^\s+([\p{L}'’-]+)(?:\s+([\p{L}'’-]+))?/u);
  if (!words) return false;
  let [, first = '', second = ''] = words;
  if (/ly$/i.test(first) && second) first = second;
  // A lower-case word is needed ("Iran Air" is a name); "-ss", "-ous", "-us", "-is" words are not verbs in -s.
  if (first[0] !== first[0]?.toLowerCase()) return false;
  if (AUXILIARY.has(first.toLowerCase()) || IRREGULAR_PAST.has(first.toLowerCase())) return true;
  if (plural) return /^[a-z]+$/.test(first) && !NOT_A_VERB.test(first);
  return VERB_ENDING.test(first) && !/(?:ss|ous|us|is)$/.test(first);
}

/** The role of the name at [start, end) in text. */
export function sentenceRole(text: string, start: number, end: number): SentenceRole {
  let before = text.slice(0, start).replace(LABEL, '');
  // Only the last opening phrase matters: "In 2024, after the talks, Iran said …".
  for (let guard = 0; guard < 3; guard++) {
    const m = OPENING_PHRASE.exec(before);
    if (!m) break;
    before = before.slice(m[0].length);
  }
  if (
    !HEAD.test(before) ||
    before
      .toLowerCase()
      .split(/\s+/)
      .some((w) => PREPOSITIONS.has(w))
  )
    return 'mentioned';
  let after = text.slice(end);
  if (POSSESSIVE.test(after)) return 'opens';
  let plural = /\band\s+$/.test(before);
  for (let guard = 0; guard < 2; guard++) {
    const m = ASIDE.exec(after);
    if (!m) break;
    plural ||= /^\s+and\s/.test(m[0]);
    after = after.slice(m[0].length);
  }
  if (DEFINITION.test(after)) return 'described';
  return startsWithVerb(after, plural) ? 'acts' : 'opens';
}
