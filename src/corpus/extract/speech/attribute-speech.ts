// An article's passages -> who says what in each. A passage's own attribution
// names its speaker; a pronoun ("he said") takes the nearest speaker named
// before it, and a quotation that goes on into the next paragraph keeps its
// speaker. The speaker is a gazetteer actor only when the phrase that names
// who spoke is that actor, one of its names ("the Kremlin", "Tehran") or a
// role of it ("Iran's foreign ministry", "a senior EU official"): a name
// anywhere else in the sentence is only mentioned.
import type { PassageSpeech } from '../../records.js';
import type { ActorEntry } from '../../schema.js';
import { quoteBalance, quotedRanges } from '../../../text/quote-marks.js';
import type { Mention } from '../gazetteer-matcher.js';
import { findAttribution } from './find-attribution.js';
import { sentenceRole } from '../sentence-role.js';
import { openingName, type SpeakerPhrase } from './speaker-phrase.js';

export interface SpeechInput {
  text: string;
  kind: 'body' | 'caption';
}

const lastWord = (name: string) =>
  name
    .split(/\s+/)
    .at(-1)!
    .toLowerCase()
    .replace(/['’]s?$/, '');

/** How far back (in passages) a pronoun may look for the one it stands for. */
const PRONOUN_REACH = 4;

type ActorKind = (id: string) => ActorEntry['kind'] | undefined;

interface Said {
  at: number;
  speech: PassageSpeech;
  person: boolean;
  plural: boolean;
  /** The pronoun the text has used for this person, once it has: "she said" never goes to a "he". */
  gender?: 'he' | 'she';
}

/** The actor that is the speaker phrase: its head, or for a role ("Iran's foreign ministry") who it serves. */
function speakerActor(p: SpeakerPhrase, mentions: Mention[], kindOf: ActorKind): string | null {
  // "Iran and Russia said": a joint statement is no one actor's.
  if (/\band\b/.test(p.text)) return null;
  const within = mentions.filter((m) => m.type === 'actor' && m.start >= p.start && m.end <= p.end);
  const head = within.find((m) => m.end === p.end);
  if (head) return head.weight >= 1 ? head.id : null; // "Armenians said" is people, not the state
  if (p.named) return null; // an unknown person: their affiliation is not who spoke
  return roleOf(p, within, kindOf);
}

/**
 * A role's affiliation: one country, organisation or bloc that the role is of ("Iran's foreign ministry", "a senior
 * EU official", "the head of Iran's atomic agency"), never a person's possessive ("Putin's spokesman") nor a name
 * inside another body's name ("Chartered Professional Accountants of Canada's chief economist").
 */
function roleOf(p: SpeakerPhrase, within: Mention[], kindOf: ActorKind): string | null {
  const fits = within.filter(
    (m) => kindOf(m.id) !== 'person' && !/\p{Lu}/u.test(p.text.slice(0, m.start - p.start).replace(/^(?:The|A|An)\s/, '')),
  );
  const ids = new Set(fits.map((m) => m.id));
  return ids.size === 1 && fits.length === within.length ? [...ids][0]! : null;
}

function isPerson(p: SpeakerPhrase, actor: string | null, kindOf: ActorKind): boolean {
  if (actor) return kindOf(actor) === 'person';
  return p.named && !p.plural;
}

/** Whether a passage other than the speaker's names a person who could also be "he". */
function otherPerson(mentions: Mention[], speaker: string | null, kindOf: ActorKind): boolean {
  return mentions.some((m) => m.type === 'actor' && m.weight >= 1 && kindOf(m.id) === 'person' && m.id !== speaker);
}

/** A name of two words or more, other than the speaker's and not a place or body the gazetteer knows, before `upTo`. */
/**
 * Whether a passage opens on someone other than the speaker (its subject, or a subject named in apposition): "he" in
 * the next passage may then be them. Names elsewhere (an object, a book's title, inside a quotation) are not.
 */
function otherName(text: string, mentions: Mention[], speaker: string, kindOf: ActorKind): boolean {
  const n = openingName(text);
  if (!n || lastWord(n.text) === lastWord(speaker)) return false;
  return !mentions.some((m) => m.type === 'actor' && kindOf(m.id) !== 'person' && m.start <= n.start && m.end >= n.end);
}

function antecedent(pron: SpeakerPhrase, at: number, said: Said[], texts: string[], mentions: Mention[][], kindOf: ActorKind): Said | null {
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
function continues(text: string, prevText: string, prev: PassageSpeech | null): boolean {
  if (!prev || !/^\s*['‘"“]/.test(text)) return false;
  if (quoteBalance(prevText) > 0) return true;
  // All quotation, or a quotation that goes on into the next paragraph.
  const ranges = quotedRanges(text);
  return ranges.length === 1 && ranges[0]![0] <= 1 && ranges[0]![1] >= text.replace(/\s+$/, '').length - 1;
}

/**
 * The person a passage without attribution opens on, as a possible "he" for what follows: an earlier speaker of the
 * same surname ("Al Saud" after "Abu Anas Al Saud"), a person the gazetteer knows, or an unknown name; never a
 * country or an organisation ("Israel has characterized …").
 */
function openingPerson(text: string, mentions: Mention[], said: Said[], kindOf: ActorKind): Pick<PassageSpeech, 'speaker'> | null {
  const name = openingName(text);
  if (!name) return null;
  const role = name.apposition ? 'acts' : sentenceRole(text, name.start, name.end);
  if (role !== 'acts' && role !== 'described') return null;
  const covering = mentions.filter((m) => m.type === 'actor' && m.start < name.end && m.end > name.start);
  if (covering.some((m) => kindOf(m.id) !== 'person')) return null;
  const earlier = said.findLast((x) => x.person && lastWord(x.speech.speaker.name) === lastWord(name.text));
  if (earlier) return { speaker: earlier.speech.speaker };
  // One word alone ("Transnet said …") may be a company as well as a surname: a person only if the gazetteer says so.
  if (!/\s/.test(name.text) && !covering.length) return null;
  return { speaker: { name: name.text, actor: covering[0]?.id ?? null, anonymous: false } };
}

export function attributeSpeech(passages: SpeechInput[], mentions: Mention[][], kindOf: ActorKind): (PassageSpeech | null)[] {
  const out: (PassageSpeech | null)[] = [];
  const said: Said[] = [];
  const texts = passages.map((p) => p.text);
  passages.forEach((p, i) => {
    const prev = out[i - 1] ?? null;
    const found = p.kind === 'body' ? findAttribution(p.text) : null;
    let speech: PassageSpeech | null = null;
    if (found?.phrase.pronoun) {
      const a = antecedent(found.phrase, i, said, texts, mentions, kindOf);
      if (a && found.phrase.pronoun !== 'they') a.gender = found.phrase.pronoun as 'he' | 'she';
      if (a)
        speech = {
          kind: found.kind,
          cue: found.cue,
          speaker: a.speech.speaker,
          span: [found.phrase.start, found.phrase.end],
          carried: 'pronoun',
        };
    } else if (found) {
      const actor = speakerActor(found.phrase, mentions[i] ?? [], kindOf);
      speech = {
        kind: found.kind,
        cue: found.cue,
        speaker: { name: found.phrase.text, actor, anonymous: found.phrase.anonymous },
        span: [found.phrase.start, found.phrase.end],
        carried: null,
      };
      said.push({ at: i, speech, person: isPerson(found.phrase, actor, kindOf), plural: found.phrase.plural });
    } else if (p.kind === 'body' && continues(p.text, passages[i - 1]?.text ?? '', prev)) {
      speech = { kind: 'direct', cue: prev!.cue, speaker: prev!.speaker, span: null, carried: 'continuation' };
    }
    if (speech && speech.carried && said.length) said.push({ ...said.at(-1)!, at: i });
    else if (!speech && p.kind === 'body') {
      // "He then took her …" right after a person is named tells which pronoun stands for them.
      const subject = /^(He|She)\s/.exec(p.text)?.[1]?.toLowerCase() as 'he' | 'she' | undefined;
      const last = said.at(-1);
      if (subject && last?.person && !last.gender && i - last.at <= 1) last.gender = subject;
      const opener = openingPerson(p.text, mentions[i] ?? [], said, kindOf);
      if (opener)
        said.push({ at: i, speech: { ...opener, kind: 'indirect', cue: '', span: null, carried: null }, person: true, plural: false });
    }
    out.push(speech);
  });
  return out;
}
