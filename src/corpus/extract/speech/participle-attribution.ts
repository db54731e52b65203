// Speech reported by a participle after the main clause: "Russia struck the
// port, saying it held weapons", "Giuffre filed a lawsuit saying he had flown
// her …". The speaker is the subject the passage opens on: a name (or a name
// in apposition) or a pronoun, never a word in the middle of the clause.
import { quotedRanges } from '../../../text/quote-marks.js';
import { openingName } from './opening-name.js';
import { type SpeakerPhrase, speakerBefore } from './speaker-phrase.js';
import { ROLE } from './speaker-words.js';

const PARTICIPLE = /(?<![\p{L}'’-])(saying|adding|noting|arguing|insisting|warning|claiming|stressing|explaining)(?![\p{L}'’-])/gu;
const PRONOUN_SUBJECT = /^(?:[^,;:"“”]{1,60},\s+)?(?:(?:But|And|However,|Meanwhile,|Still,|Later,)\s+)?(He|She|They)\s+\p{Ll}/du;

/** The subject the passage opens on, as a speaker phrase, or null. */
function openingSubject(text: string): SpeakerPhrase | null {
  const pron = PRONOUN_SUBJECT.exec(text);
  if (pron) {
    const [start, end] = pron.indices![1]!;
    return speakerBefore(text, end)?.start === start ? speakerBefore(text, end) : null;
  }
  const name = openingName(text);
  if (!name) return null;
  // The roles after the name are the head of the subject: "UN officials have defended …".
  const roles = /^(?:\s+[\p{Ll}'’-]+)*/u.exec(text.slice(name.end))![0].split(/(?=\s)/);
  let end = name.end;
  for (const word of roles) {
    if (!ROLE.has(word.trim())) break;
    end += word.length;
  }
  const phrase = speakerBefore(text, end);
  return phrase && phrase.start <= name.start ? phrase : null;
}

/** The participle that reports speech after the main clause (", saying …"), with the subject that spoke. */
export function participleAttribution(text: string): { cue: string; cueStart: number; cueEnd: number; phrase: SpeakerPhrase } | null {
  const ranges = quotedRanges(text);
  for (const m of text.matchAll(PARTICIPLE)) {
    if (ranges.some(([s, e]) => m.index > s && m.index < e)) continue;
    // After the main clause: a comma, or a document it qualifies ("a lawsuit saying"), never the start of the passage.
    if (!/(?:,|\b(?:lawsuit|statement|letter|post|message|note|report|complaint|tweet|filing|video))\s*$/u.test(text.slice(0, m.index)))
      continue;
    const phrase = openingSubject(text);
    if (!phrase || phrase.end > m.index) return null;
    // A second clause with its own subject in between: the participle may be that subject's ("… and one person who
    // attended came out saying …").
    if (/\s(?:and|but|while|as|after|when)\s+(?:a|an|the|one|some|many|\p{Lu})/u.test(text.slice(phrase.end, m.index))) return null;
    return { cue: m[1]!, cueStart: m.index, cueEnd: m.index + m[0].length, phrase };
  }
  return null;
}
