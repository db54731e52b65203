// The person a passage opens on, as the subject of its first clause ("Abu
// Amer, 44, agreed."; "But Al Saud is aware …") or named in apposition before
// its verb: the nearest "he" or "she" after it may be them even though no verb
// of saying named them, and another "he" cannot reach past them.
import { NOT_NAMES } from './speaker-words.js';

const LEAD = String.raw`(?:[^,;:"“”]{1,60},\s+)?(?:(?:But|And|However,|Meanwhile,|Still,|Yet|Instead,)\s+)?`;
const SUBJECT = new RegExp(String.raw`^${LEAD}((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)(?=,|\s+\p{Ll})`, 'du');
// The subject named in apposition before its verb: "In 2009, one of Epstein's victims, Virginia Giuffre, filed …".
const APPOSITION = /^[^"“”.;]{0,80}?,\s((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+),\s+(?=\p{Ll})()/du;

/** The name a passage opens on, with where it is; apposition: named between commas before its verb. */
export function openingName(text: string): { start: number; end: number; text: string; apposition: boolean } | null {
  // The caller checks that a verb follows a subject name (sentenceRole 'acts'): "Royal Bank of Canada …" opens on no one.
  const m = SUBJECT.exec(text) ?? APPOSITION.exec(text);
  if (!m) return null;
  const name = m[1]!;
  const first = name.split(/\s+/)[0]!;
  if (NOT_NAMES.has(first) || /^(?:The|A|An)$/.test(first) || /['’]s$/.test(name)) return null;
  const [start, end] = m.indices![1]!;
  return { start, end, text: name, apposition: m.length > 2 };
}
