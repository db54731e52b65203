// An article's passages -> who says what in each. A passage's own attribution
// names its speaker; a pronoun ("he said") takes the nearest speaker named
// before it, and a quotation that goes on into the next paragraph keeps its
// speaker. The speaker is a gazetteer actor only when the phrase that names
// who spoke is that actor, one of its names ("the Kremlin", "Tehran") or a
// role of it ("Iran's foreign ministry", "a senior EU official"): a name
// anywhere else in the sentence is only mentioned.
import type { PassageSpeech } from '../../records.js';
import type { Mention } from '../gazetteer-matcher.js';
import { type ActorKind, antecedent, continues, openingPerson, type Said } from './carried-speaker.js';
import { type Attribution, findAttribution } from './find-attribution.js';
import type { SpeakerPhrase } from './speaker-phrase.js';

export interface SpeechInput {
  text: string;
  kind: 'body' | 'caption';
}

/** The actor that is the speaker phrase: its head, or for a role ("Iran's foreign ministry") who it serves. */
function speakerActor(p: SpeakerPhrase, mentions: Mention[], kindOf: ActorKind): string | null {
  // "Iran and Russia said": a joint statement is no one actor's.
  if (/\band\b/.test(p.text)) return null;
  const within = mentions.filter((m) => m.type === 'actor' && m.start >= p.start && m.end <= p.end);
  // The last name is the head unless a role comes before it with "of"/"for": "a lawyer for the Accountants of Canada".
  const head = within.find((m) => m.end === p.end && !/\b(?:of|for)\b/.test(p.text.slice(0, m.start - p.start)));
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

/** The speaker's own source, when the passage names one ("X said that Y had called it …"): Y, kept as `about`. */
function aboutOf(found: Attribution, mentions: Mention[], kindOf: ActorKind): Pick<PassageSpeech, 'about'> {
  const inner = found.inner;
  return inner ? { about: { name: inner.text, actor: speakerActor(inner, mentions, kindOf) } } : {};
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
          ...aboutOf(found, mentions[i] ?? [], kindOf),
          span: [found.phrase.start, found.phrase.end],
          carried: 'pronoun',
        };
    } else if (found) {
      const actor = speakerActor(found.phrase, mentions[i] ?? [], kindOf);
      speech = {
        kind: found.kind,
        cue: found.cue,
        speaker: { name: found.phrase.text, actor, anonymous: found.phrase.anonymous },
        ...aboutOf(found, mentions[i] ?? [], kindOf),
        span: [found.phrase.start, found.phrase.end],
        carried: null,
      };
      said.push({ at: i, speech, person: isPerson(found.phrase, actor, kindOf), plural: found.phrase.plural });
    } else if (p.kind === 'body' && continues(p.text, passages[i - 1]?.text ?? '', prev)) {
      speech = { kind: 'direct', cue: prev!.cue, speaker: prev!.speaker, span: null, carried: 'continuation' };
    }
    if (speech?.carried && said.length) said.push({ ...said.at(-1)!, at: i });
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
