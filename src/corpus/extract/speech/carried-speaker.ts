// Speakers carried from one passage to the next: the one a pronoun ("he
// said") stands for, and the one whose quotation a paragraph goes on with.
// Every rule here prefers no speaker to a guess: another person named in
// between, a pronoun that does not fit, or a name that may be a company
// leaves the passage unattributed.
import type { PassageSpeech } from '../../records.js';
import type { ActorEntry } from '../../schema.js';
import { quoteBalance, quotedRanges } from '../../../text/quote-marks.js';
import type { Mention } from '../gazetteer-matcher.js';
import { sentenceRole } from '../sentence-role.js';
import { openingName } from './opening-name.js';
import type { SpeakerPhrase } from './speaker-phrase.js';

export type ActorKind = (id: string) => ActorEntry['kind'] | undefined;

const lastWord = (name: string) =>
  name
    .split(/\s+/)
    .at(-1)!
    .toLowerCase()
    .replace(/['’]s?$/, '');

/** How far back (in passages) a pronoun may look for the one it stands for. */
const PRONOUN_REACH = 4;

export interface Said {
  at: number;
  speech: PassageSpeech;
  person: boolean;
  plural: boolean;
  /** The pronoun the text has used for this person, once it has: "she said" never goes to a "he". */
  gender?: 'he' | 'she';
}

/** Whether a passage other than the speaker's names a person who could also be "he". */
function otherPerson(mentions: Mention[], speaker: string | null, kindOf: ActorKind): boolean {
  return mentions.some((m) => m.type === 'actor' && m.weight >= 1 && kindOf(m.id) === 'person' && m.id !== speaker);
}

/**
 * Whether a passage opens on someone other than the speaker (its subject, or a subject named in apposition): "he" in
 * the next passage may then be them. Names elsewhere (an object, a book's title, inside a quotation) are not.
 */
function otherName(text: string, mentions: Mention[], speaker: string, kindOf: ActorKind): boolean {
  const n = openingName(text);
  if (!n || lastWord(n.text) === lastWord(speaker)) return false;
  return !mentions.some((m) => m.type === 'actor' && kindOf(m.id) !== 'person' && m.start <= n.start && m.end >= n.end);
}

export function antecedent(
  pron: SpeakerPhrase,
  at: number,
  said: Said[],
  texts: string[],
  mentions: Mention[][],
  kindOf: ActorKind,
): Said | null {
  const last = said.at(-1);
  if (!last || at - last.at > PRONOUN_REACH) return null;
  const fits = pron.pronoun === 'they' ? last.plural : last.person && (!last.gender || last.gender === pron.pronoun);
  if (!fits) return null;
  // Another person named since, or in the pronoun's own passage, could be the one meant: no guess.
  for (let i = last.at + 1; i <= at; i++) {
    const named = (mentions[i] ?? []).filter((m) => i < at || m.start < pron.start);
    if (otherPerson(named, last.speech.speaker.actor, kindOf)) return null;
    if (i < at && otherName(texts[i] ?? '', mentions[i] ?? [], last.speech.speaker.name, kindOf)) return null;
  }
  return last;
}

/** A paragraph that goes on with the quotation the one before left open, or is all quotation after a quoted speaker. */
export function continues(text: string, prevText: string, prev: PassageSpeech | null): boolean {
  if (!prev || !/^\s*['‘"“]/.test(text)) return false;
  if (quoteBalance(prevText) > 0) return true;
  // A new quotation keeps the speaker only after their own quoted words: after "X said the talks would go on", the
  // next quotation may be someone's introduced after it.
  if (prev.kind === 'indirect') return false;
  // All quotation, or a quotation that goes on into the next paragraph.
  if (quoteBalance(text) > 0) return true;
  const ranges = quotedRanges(text);
  return ranges.length === 1 && ranges[0]![0] <= 1 && ranges[0]![1] >= text.replace(/\s+$/, '').length - 1;
}

/**
 * The person a passage without attribution opens on, as a possible "he" for what follows: an earlier speaker of the
 * same surname ("Al Saud" after "Abu Anas Al Saud"), a person the gazetteer knows, or an unknown name; never a
 * country or an organisation ("Israel has characterized …").
 */
// "Jody Gelner, who has been working at UPS for 35 years and became a member …, serves on …": an aside too long for
// the sentence-role reader, then the verb.
const LONG_ASIDE_THEN_VERB =
  /^,\s(?:who|whose|a|an|the)\s[^.;:"“”]{0,160}?,\s+(?:\p{Ll}+(?:s|ed)|is|was|has|had|will|said|told|spoke|became|remains)\b/u;

export function openingPerson(text: string, mentions: Mention[], said: Said[], kindOf: ActorKind): Pick<PassageSpeech, 'speaker'> | null {
  const name = openingName(text);
  if (!name) return null;
  const acts =
    name.apposition ||
    LONG_ASIDE_THEN_VERB.test(text.slice(name.end)) ||
    /^(?:acts|described)$/.test(sentenceRole(text, name.start, name.end));
  if (!acts) return null;
  const covering = mentions.filter((m) => m.type === 'actor' && m.start < name.end && m.end > name.start);
  if (covering.some((m) => kindOf(m.id) !== 'person')) return null;
  // "Aliyev met Erdogan …": two people, and "he" after them could be either.
  if (
    otherPerson(
      mentions.filter((m) => !covering.includes(m)),
      covering[0]?.id ?? null,
      kindOf,
    )
  )
    return null;
  const earlier = said.findLast((x) => x.person && lastWord(x.speech.speaker.name) === lastWord(name.text));
  if (earlier) return { speaker: earlier.speech.speaker };
  // One word alone ("Transnet said …") may be a company as well as a surname: a person only if the gazetteer says so.
  if (!/\s/.test(name.text) && !covering.length) return null;
  return { speaker: { name: name.text, actor: covering[0]?.id ?? null, anonymous: false } };
}
