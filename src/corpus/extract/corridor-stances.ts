// Who backs or opposes a corridor, read from the sentence that says so:
//   "The project is backed by both Russia and Turkey"      -> Russia, Turkey back it
//   "Iran opposes the so-called Zangezur corridor"         -> Iran opposes it
//   "Armenia's project 'Crossroads for Peace' envisions"   -> Armenia backs it
//   "TRIPP is a US and EU sponsored project"               -> the US and the EU back it
// Each stance keeps the passage that states it, as evidence.
import type { Mention } from './gazetteer-matcher.js';

export type Stance = 'backs' | 'opposes';

export interface StanceInput {
  text: string;
  mentions: Mention[];
  /** The corridor this passage is about, and whether it names it or refers to it. */
  corridor: string;
}

const BACK =
  `support(?:s|ed)?|back(?:s|ed)?|endorse[sd]?|champion(?:s|ed)?|promote[sd]?|favou?r(?:s|ed)?|advocate[sd]?(?: ` +
  `for)?|push(?:es|ed)? for|envision(?:s|ed)?|envisage[sd]?|demand(?:s|ed)?|propose[sd]?|insist(?:s|ed)? on`;
const OPPOSE =
  `oppose[sd]?|reject(?:s|ed)?|resist(?:s|ed)?|object(?:s|ed)? ` +
  `to|criticise[sd]?|criticize[sd]?|condemn(?:s|ed)?|dismiss(?:es|ed)?|(?:has |have )?shown little enthusiasm for|(?:its |a )?red line on`;
const ACTIVE = new RegExp(String.raw`\b(?:(${BACK})|(${OPPOSE}))\b`, 'gi');
const PASSIVE = new RegExp(
  String.raw`\b(?:(backed|supported|endorsed|championed|promoted|favou?red)|` +
    String.raw`(opposed|rejected|resisted|blocked|criticised|criticized|condemned))\s+by\s+`,
  'gi',
);
/** A participle used as an adjective after its backers: "a US and EU sponsored project", "an EU-funded corridor". */
const ADJECTIVE_BACKING = /[\s\-–](?:sponsored|backed|funded|financed|supported|led|championed|brokered)\b/gi;
/** What may stand between two backers of one adjective: "US and EU", "US-, EU- and Japan-". */
const BACKER_JOIN = /^[\s,\-–&/]*(?:and|or)?[\s,\-–&/]*$/;
/** The noun the adjective qualifies must be the corridor or a word for it, within a few words. */
const QUALIFIED = /^\s*(?:\S+\s+){0,2}?(?:corridor|project|route|initiative|link|railway|pipeline|road)\b/i;
const OWN_PLAN = /^\s+(?:\w+\s+){0,2}?(?:demand|notion|project|plan|proposal|vision|initiative|push|idea)\b/i;
const POSSESSIVE = /['’]s?$/;
const CORRIDOR_WORDS = /\b(?:corridor|project|route|initiative|link|it)\b/i;
/** The object of a stance verb is its next few words: "opposes the so-called Zangezur corridor". */
const OBJECT = /^\s*(?:\S+\s+){0,5}\S+/;
const CLAUSE_BREAK = /[.;:!?]/;
const WINDOW = 70;

export function findStances(input: StanceInput): { actor: string; stance: Stance }[] {
  const { text, mentions, corridor } = input;
  const actors = mentions.filter((m) => m.type === 'actor');
  const corridorAt = mentions.filter((m) => m.type === 'corridor' && m.id === corridor);
  const out: { actor: string; stance: Stance }[] = [];
  const objectFollows = (from: number): boolean => {
    const span = text.slice(from, from + WINDOW);
    const cut = span.search(CLAUSE_BREAK);
    const clause = cut < 0 ? span : span.slice(0, cut);
    const object = OBJECT.exec(clause)?.[0] ?? '';
    return corridorAt.some((m) => m.start >= from && m.start < from + object.length) || CORRIDOR_WORDS.test(object);
  };

  for (const m of text.matchAll(PASSIVE)) {
    const stance: Stance = m[1] ? 'backs' : 'opposes';
    const from = (m.index ?? 0) + m[0].length;
    const tail = text.slice(from, from + WINDOW);
    const end = from + (tail.search(/[.;:!?,](?!\s*(?:and|as well as)\b)/) + 1 || tail.length + 1) - 1;
    if (!CORRIDOR_WORDS.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0)) && !corridorAt.length) continue;
    for (const a of actors) if (a.start >= from && a.start < end) out.push({ actor: a.id, stance });
  }
  for (const m of text.matchAll(ACTIVE)) {
    const stance: Stance = m[1] ? 'backs' : 'opposes';
    const at = m.index ?? 0;
    const subject = actors.filter((a) => a.end <= at && at - a.end < 45 && !CLAUSE_BREAK.test(text.slice(a.end, at))).at(-1);
    if (subject && objectFollows(at + m[0].length)) out.push({ actor: subject.id, stance });
  }
  // "Azerbaijan's demand for ... corridor", "Armenia's project 'Crossroads for Peace'"
  for (const a of actors) {
    if (!POSSESSIVE.test(text.slice(a.start, a.end)) || !OWN_PLAN.test(text.slice(a.end, a.end + 40))) continue;
    if (corridorAt.some((c) => c.start > a.end && c.start - a.end < 80)) out.push({ actor: a.id, stance: 'backs' });
  }
  for (const m of text.matchAll(ADJECTIVE_BACKING)) {
    const at = m.index ?? 0;
    const after = at + m[0].length;
    const named = corridorAt.some((c) => c.start >= after && c.start - after < 40);
    if (!named && !QUALIFIED.test(text.slice(after, after + 50))) continue;
    // Walk back over the chain of backers joined by "and", commas or hyphens.
    let cursor = at + 1;
    for (const a of [...actors].sort((x, y) => y.start - x.start)) {
      if (a.end > cursor || !BACKER_JOIN.test(text.slice(a.end, cursor))) continue;
      out.push({ actor: a.id, stance: 'backs' });
      cursor = a.start;
    }
  }
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.actor + s.stance) && seen.add(s.actor + s.stance));
}
