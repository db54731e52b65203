// The lines a text scrape or a Markdown file prints between its headline and
// its first paragraph: a byline ("By Jane Doe"), a date ("Published on Feb 27,
// 2026", "27.02.2026"), or both on one line ("Jane Doe | 27.02.2026"). They
// are the article's credits: read as its author and date, never quoted.
import { bylineNames, personName } from './page-credits.js';
import { parsePublished } from './published-date.js';

export interface HeaderCredits {
  authors: string[];
  /** As printed, when it reads as an absolute date. */
  published: string | null;
  /** The paragraphs with the credit lines taken out. */
  rest: string[];
}

/** How far into the text credit lines are looked for. */
const HEADER_PARAGRAPHS = 6;
const LABEL = /^(?:published|posted|updated|last updated|date|dated)(?:\s+on)?\s*:?\s*/i;

/** A part of a credit line that is a date, without its label ("Published on Feb 27, 2026" -> "Feb 27, 2026"). */
function dateOf(part: string): string | null {
  const s = part
    .replace(LABEL, '')
    .replace(/\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$/i, '')
    .trim();
  return parsePublished(s) ? s : null;
}

/** One line read as credits, or null when it is not only credits. */
function creditLine(line: string): { authors: string[]; published: string | null } | null {
  const s = line.trim();
  if (!s || s.length > 160 || /[.!?]["”]?$/.test(s.replace(/\b(?:[A-Z]|Jr|Sr|St|Dr)\.$/, ''))) return null;
  const parts = s.split(/\s+[|·•–—]\s+|\s+-\s+/).filter(Boolean);
  let published: string | null = null;
  const authors: string[] = [];
  for (const part of parts) {
    const date = dateOf(part);
    if (date) {
      published ??= date;
      continue;
    }
    const byline = /^by\s+/i.test(part);
    const names = bylineNames(part);
    // Names count only when the part is nothing but names: "By …", or a name beside a date on the same line.
    if (names.length && (byline || parts.length > 1) && names.join(' ').length >= part.replace(/^by\s+/i, '').length - 6) {
      authors.push(...names.map(personName));
      continue;
    }
    return null;
  }
  return authors.length || published ? { authors, published } : null;
}

export function headerCredits(paragraphs: readonly string[]): HeaderCredits {
  const rest: string[] = [];
  let authors: string[] = [];
  let published: string | null = null;
  for (const [i, p] of paragraphs.entries()) {
    const credit = i < HEADER_PARAGRAPHS ? creditLine(p) : null;
    if (!credit) {
      rest.push(p);
      continue;
    }
    if (!authors.length) authors = credit.authors;
    published ??= credit.published;
  }
  return { authors, published, rest };
}
