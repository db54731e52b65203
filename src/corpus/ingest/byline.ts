// Bylines that a scrape runs into the first line of the body:
//   "July 15, 2025 - Alexander Neuman - Articles and Commentary Lower Manhattan, ..."
//   "By Jane Doe, Reuters ..."
//   "... relations. Anna Matveeva Visiting Senior Research Fellow, King's College London When ..."
import { parsePublished, type PublishedDate } from './published-date.js';
import { startsSentence, type Lexicon } from './layout-cues.js';

export interface Byline {
  author: string;
  published: PublishedDate | null;
  /** The body with the byline removed. */
  body: string;
}

const NAME = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){1,3}`;
/** One author or several, as bylines list them: "A and B", "A, B and C", "A & B". */
const NAMES = String.raw`${NAME}(?:(?:,\s+|\s+(?:and|&)\s+)${NAME})*`;
const SECTION_WORDS = new Set(
  (
    'Articles Article Commentary Comment Comments Opinion Opinions Analysis News Feature Features Interview Interviews ' +
    'Report Reports Review Reviews Essay Essays Blog Podcast Podcasts Editorial Column Columns Politics Economy Society ' +
    'World Region Culture Investigation Investigations Explainer Long Read Reads Reportage Briefing Insight Insights and &'
  ).split(' '),
);
const ROLE_MODIFIERS = new Set(
  (
    'Visiting Senior Associate Assistant Adjunct Principal Honorary Emeritus Distinguished Research Teaching Postdoctoral ' +
    'Doctoral Lead Chief Deputy Executive Managing Contributing Non-Resident Nonresident Resident Junior Full'
  ).split(' '),
);
const ROLE_HEADS = new RegExp(
  '^(Professor|Fellow|Lecturer|Researcher|Reader|Director|Scholar|Analyst|Editor|Correspondent|Candidate|Associate|' +
    'Chair|Head|Journalist|Writer|Economist|Expert|Adviser|Advisor|Dean|Instructor|Student|Consultant|Historian|Lawyer)s?,?$',
);
const ORG_WORDS = new RegExp(
  String.raw`\b(University|College|Institute|School|Centre|Center|Academy|Foundation|Council|Department|Faculty|` +
    String.raw`Programme|Program|Forum|Initiative|Tank)\b`,
);

/** "DATE - NAME - SECTION" or "By NAME" at the very start of the body. */
function leadingByline(body: string): Byline | null {
  const m = new RegExp(String.raw`^(.{6,25}?)\s+[-–—|]\s+(${NAMES})\s+[-–—|]\s+`, 'u').exec(body);
  if (m) {
    const published = parsePublished(m[1]!);
    if (published) {
      const rest = body.slice(m[0].length).split(/\s+/);
      let i = 0;
      while (i < rest.length && SECTION_WORDS.has(rest[i]!)) i++;
      return { author: m[2]!, published, body: rest.slice(i).join(' ') };
    }
  }
  return null;
}

/** "By Jane Doe The port ..." : the name ends where a sentence starts. */
function byLine(body: string, lex: Lexicon): Byline | null {
  const ws = body.split(/\s+/);
  if (ws[0] !== 'By') return null;
  let i = 1;
  while (i < ws.length && i <= 4 && /^\p{Lu}[\p{L}'’.-]+,?$/u.test(ws[i]!) && !startsSentence(ws[i]!, ws[i + 1], lex)) {
    i++;
    if (ws[i - 1]!.endsWith(',')) break;
  }
  if (i < 3) return null;
  return { author: ws.slice(1, i).join(' ').replace(/,$/, ''), published: null, body: ws.slice(i).join(' ') };
}

/** "Name Role, Affiliation, Affiliation" run into the text near the start (The Conversation's style). */
function affiliationByline(body: string, lex: Lexicon): Byline | null {
  const limit = Math.min(body.length, 1200);
  for (const m of body.slice(0, limit).matchAll(/(^|[.!?]['’"”]?\s+)(?=\p{Lu})/gu)) {
    const start = (m.index ?? 0) + m[1]!.length;
    const ws = body.slice(start).split(/\s+/);
    for (const nameLength of [2, 3]) {
      const name = ws.slice(0, nameLength);
      if (!name.every((w) => /^\p{Lu}[\p{L}'’.-]+$/u.test(w) && !ROLE_MODIFIERS.has(w) && !ROLE_HEADS.test(w))) continue;
      const end = roleAndAffiliationEnd(ws, nameLength, lex);
      if (end === null) continue;
      const before = body.slice(0, start).trimEnd();
      return { author: name.join(' '), published: null, body: `${before} ${ws.slice(end).join(' ')}`.trim() };
    }
  }
  return null;
}

/** Index of the first word after "Role, Affiliation, ...", or null if the words are not a byline. */
function roleAndAffiliationEnd(ws: string[], from: number, lex: Lexicon): number | null {
  let i = from;
  while (i < ws.length && ROLE_MODIFIERS.has(ws[i]!)) i++;
  if (i >= ws.length || !ROLE_HEADS.test(ws[i]!)) return null;
  // The role may carry a department ("Lecturer in Politics,") before the first comma.
  const roleEnd = ws.findIndex((w, j) => j >= i && w.endsWith(','));
  if (roleEnd < 0 || roleEnd - i > 5) return null;
  i = roleEnd + 1;
  const affStart = i;
  while (i < ws.length && !startsSentence(ws[i]!, ws[i + 1], lex) && (/^\p{Lu}/u.test(ws[i]!) || /^(of|for|the|and|&|in|at)$/.test(ws[i]!)))
    i++;
  return ORG_WORDS.test(ws.slice(affStart, i).join(' ')) ? i : null;
}

/** Job titles a byline gives after the name: "Jane Doe, Caucasus correspondent", "A. Writer, Moscow bureau chief". */
const BYLINE_ROLE = new RegExp(
  String.raw`^((?:[\p{Lu}\p{Ll}][\p{L}'’-]*\s){0,3}` +
    String.raw`(?:correspondent|editor|reporter|writer|producer|journalist|analyst|bureau chief|columnist))\s+(?=\p{Lu}|["“])`,
  'iu',
);

/** "NAMES, role" at the very start of the body (broadcasters' style). */
function roleByline(body: string): Byline | null {
  const m = new RegExp(String.raw`^(${NAMES}),\s+`, 'u').exec(body);
  if (!m) return null;
  const role = BYLINE_ROLE.exec(body.slice(m[0].length));
  return role ? { author: m[1]!, published: null, body: body.slice(m[0].length + role[0].length) } : null;
}

export function extractByline(body: string, lex: Lexicon): Byline | null {
  return leadingByline(body) ?? byLine(body, lex) ?? roleByline(body) ?? affiliationByline(body, lex);
}
