// One passage -> the attribution it states, if any: a reporting verb outside
// quotation marks with the speaker's phrase before it ("Iran said …",
// "…," Lavrov said.) or after it ("…," said the ministry; according to
// officials). The first attribution in reading order wins, so in "X said
// that Y had called it …" the passage is X's.
import { quotedRanges } from '../../../text/quote-marks.js';
import { participleAttribution } from './participle-attribution.js';
import { CUE_WORD, cueClass, reportsSpeech } from './speech-cues.js';
import { type SpeakerPhrase, speakerAfter, speakerBefore } from './speaker-phrase.js';

export type SpeechKind = 'direct' | 'indirect' | 'mixed';

export interface Attribution {
  kind: SpeechKind;
  /** The reporting words as written, lower case: "said", "warned", "according to". */
  cue: string;
  phrase: SpeakerPhrase;
  /** Someone the speaker reports in turn ("X said that Y had called it …"): kept apart, never swapped in. */
  inner: SpeakerPhrase | null;
}

// Between the speaker and the verb: "also", "later", "has", "on Monday", "repeatedly" …
const ADVERB_WORDS = `also|later|again|previously|recently|earlier|repeatedly|publicly|reportedly|has|have|had|will|would`;
const ADVERB_TIMES = String.raw`once|then|now|already|today|yesterday|on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;
const ADVERB_MORE = String.raw`last\s+(?:week|month|year|night)|[a-z]{3,}ly`;
const ADVERBS = new RegExp(String.raw`(?:\s+(?:${ADVERB_WORDS}|${ADVERB_TIMES}|${ADVERB_MORE}))+$`, 'u');
const NEGATED = /\b(?:not|never|n['’]t|neither|nor|no\s+longer)\s*$/i;
// An apposition or aside between the speaker and the verb: "Sergei Lavrov, Russia's foreign minister, said".
const ASIDE = /,\s[^,"“”]{1,100},$/u;
const TWO_ASIDES = /,\s[^,"“”]{1,60},\s[^,"“”]{1,100},$/u;
// After the verb of an attribution that follows what was said: at most a short tail ("told reporters on Monday.").
const TAIL = /^[^.!?;"“”]{0,50}(?:[.!?;]|$)/u;
// Whom "told" was told, before what: "told reporters (that)", "told the BBC", "told Reuters on Monday".
const AUDIENCES = String.raw`reporters|journalists|lawmakers|parliament|state\s+media|state\s+television`;
const NAMED = String.raw`(?:the|a|an)\s+[\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]*)*|[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)*`;
const TOLD_WHOM = new RegExp(String.raw`^\s+(?:${AUDIENCES}|${NAMED})(?:\s+on\s+\p{Lu}\p{Ll}+day)?`, 'u');

function inside(ranges: [number, number][], at: number): boolean {
  return ranges.some(([s, e]) => at > s && at < e);
}

function wordsIn(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * direct: what is reported is (almost) all quoted; mixed: a quoted fragment of two words or more; else indirect. The
 * attribution itself, [from, to), is not what is reported.
 */
function speechKind(text: string, ranges: [number, number][], from: number, to: number): SpeechKind {
  const quoted = ranges.reduce((n, [s, e]) => n + wordsIn(text.slice(s, e)), 0);
  const reported = wordsIn(text) - wordsIn(text.slice(from, to));
  if (quoted > 0 && quoted >= 0.8 * reported) return 'direct';
  return ranges.some(([s, e]) => wordsIn(text.slice(s, e)) >= 2) ? 'mixed' : 'indirect';
}

/** A question asked in the passage's own voice is not a statement ("Did Iran say it would retaliate?"). */
function asksQuestion(text: string, ranges: [number, number][]): boolean {
  const last = text.replace(/\s+$/, '');
  return last.endsWith('?') && !inside(ranges, last.length - 1) && !ranges.some(([, e]) => e === last.length);
}

// A name in apposition: "Israel's chief military spokesperson, Rear Admiral Daniel Hagari, said" is Hagari speaking.
const NAME_ASIDE = /,\s((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}\p{Lu}[\p{L}'’-]+),$/u;

/** The speaker phrase ending before a verb at `at`, stepping back over adverbs, an acronym and an aside; null when negated. */
function phraseBefore(text: string, at: number): SpeakerPhrase | null {
  let before = text.slice(0, at).replace(/\s+$/, '');
  before = before.replace(ADVERBS, '').replace(/\s*\([\p{Lu}\d]{2,8}\)$/u, '');
  if (NEGATED.test(before)) return null;
  const own = speakerBefore(text, before.length);
  if (own || !ASIDE.test(before)) return own;
  const name = NAME_ASIDE.exec(before);
  if (name) {
    const start = before.length - name[0].length + 2;
    const named = speakerBefore(text, start + name[1]!.length);
    if (named?.start === start) return named;
  }
  // One aside, or two in a row: "Jo Watson, from Johannesburg, who has written dozens of books, admitted …".
  const once = before.replace(ASIDE, '');
  const twice = TWO_ASIDES.exec(before);
  return speakerBefore(text, once.length) ?? (twice ? speakerBefore(text, twice.index) : null);
}

/** Where the sentence holding `from` ends: the next full stop, question or exclamation mark outside quotations. */
function sentenceEnd(text: string, from: number, ranges: [number, number][]): number {
  for (let i = from; i < text.length; i++)
    if (/[.!?]/.test(text[i]!) && !inside(ranges, i) && /^(?:\s|$)/.test(text.slice(i + 1, i + 2))) return i + 1;
  return text.length;
}

/** `said the agency's chief economist, Jane Doe.`: the name after a role is who spoke. */
function nameInApposition(text: string, role: SpeakerPhrase): SpeakerPhrase | null {
  if (role.named || role.pronoun) return null;
  const m = /^,\s((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}\p{Lu}[\p{L}'’-]+)(?=[.,;]|$)/u.exec(text.slice(role.end));
  if (!m) return null;
  const named = speakerAfter(text, role.end + 1);
  return named?.named ? named : null;
}

// Verbs that report someone else inside what the speaker says: the reporting verbs, and naming ones.
const INNER_CUE = new RegExp(`${CUE_WORD.source}|(?<![\\p{L}])(?:called|described|branded|labelled|labeled)(?![\\p{L}])`, 'gu');

/** The first speaker named, with a verb of saying, inside [from, to): not a pronoun, not the speaker itself. */
function innerSpeaker(text: string, from: number, to: number, outer: SpeakerPhrase): SpeakerPhrase | null {
  // What is said starts a clause of its own, after "that" if there is one: "said that Pashinyan had called …".
  const cut = from + (/^\s*(?:that\b)?\s*/.exec(text.slice(from))?.[0].length ?? 0);
  const said = text.slice(cut, to);
  for (const m of said.matchAll(INNER_CUE)) {
    const p = phraseBefore(said, m.index);
    if (p && !p.pronoun && p.text !== outer.text) return { ...p, start: p.start + cut, end: p.end + cut };
  }
  return null;
}

export function findAttribution(text: string): Attribution | null {
  const found = firstAttribution(text);
  if (!found) return null;
  const { said, ...attribution } = found;
  return { ...attribution, inner: innerSpeaker(text, said[0], said[1], found.phrase) };
}

/** The first attribution, and where what is said lies in the text. */
function firstAttribution(text: string): (Omit<Attribution, 'inner'> & { said: [number, number] }) | null {
  const ranges = quotedRanges(text);
  if (asksQuestion(text, ranges)) return null;
  for (const m of text.matchAll(CUE_WORD)) {
    const cueStart = m.index;
    if (inside(ranges, cueStart)) continue;
    const cue = m[0].toLowerCase().replace(/\s+/g, ' ');
    const cueEnd = cueStart + m[0].length;
    const cls = cueClass(cue);
    const before = text.slice(0, cueStart);
    if (cls === 'according') {
      if (!/(?:^|[,;(—–]\s*|[.!?]['’"”]?\s+)$/u.test(before)) continue;
      const phrase = speakerAfter(text, cueEnd);
      if (!phrase || phrase.pronoun) continue;
      // "According to X, …" says it after; "…, according to X." before.
      const said: [number, number] = /\S/.test(before) ? [0, cueStart] : [phrase.end, text.length];
      return { kind: speechKind(text, ranges, cueStart, phrase.end), cue, phrase, said };
    }
    let after = text.slice(cueEnd);
    if (/^told/.test(cue)) after = after.replace(TOLD_WHOM, '');
    const phrase = phraseBefore(text, cueStart);
    if (phrase) {
      // What was said comes first (a quotation, or a clause of a few words and a comma, not "In 2025, …") and only a
      // short tail follows the verb: "…, the ministry added."
      const lead = text.slice(0, phrase.start);
      const afterQuote = /["”’]\s*$/.test(lead) || (/,\s*$/.test(lead) && wordsIn(lead) >= 4);
      const follows = afterQuote && TAIL.test(after);
      // What was said comes before: the rest of the sentence after the verb is how and where it was said.
      const end = afterQuote ? sentenceEnd(text, cueEnd, ranges) : cueEnd;
      const said: [number, number] = afterQuote ? [0, phrase.start] : [cueEnd, text.length];
      if (reportsSpeech(cls, after) || follows) return { kind: speechKind(text, ranges, phrase.start, end), cue, phrase, said };
      continue;
    }
    // Verb first, after what was said: `"…," said Dmitry Peskov, the Kremlin spokesman.`
    // Not "told": what follows it is who was told ("…, told the court on Monday").
    if (!/^tell|^told/.test(cue) && /[,"”’]\s*$/.test(before) && /\S/.test(before)) {
      const inverted = speakerAfter(text, cueEnd);
      if (inverted) {
        const named = nameInApposition(text, inverted);
        const kind = speechKind(text, ranges, cueStart, sentenceEnd(text, cueEnd, ranges));
        return { kind, cue, phrase: named ?? inverted, said: [0, cueStart] };
      }
    }
  }
  const late = participleAttribution(text);
  if (!late) return null;
  return { kind: speechKind(text, ranges, 0, late.cueEnd), cue: late.cue, phrase: late.phrase, said: [late.cueEnd, text.length] };
}
