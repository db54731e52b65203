// The author's biography that closes many analysis pieces:
//   "Sossi Tatikyan holds a Master of Public Administration degree from ..."
// It names the author and is not a quote.

const BIO_VERBS = `(?:${[
  'holds',
  'is',
  'was',
  'has',
  'teaches',
  'works',
  'writes',
  'serves',
  'received',
  'earned',
  'graduated',
  'specialises',
  'specializes',
  'researches',
  'covers',
  'joined',
  'reports',
  'studied',
  'lectures',
].join('|')})`;
const BIO_START = new RegExp(String.raw`^((?:\p{Lu}[\p{L}'’.-]+\s){1,3}?\p{Lu}[\p{L}'’-]+)\s+${BIO_VERBS}\b`, 'u');
const BIO_WORDS = new RegExp(
  String.raw`\b(degree|MA|BA|MSc|MPhil|PhD|Ph\.D|Master|Bachelor|University|College|School|Institute|fellow|Fellow|researcher|` +
    'Researcher|journalist|analyst|editor|professor|Professor|lecturer|author of|based in|correspondent|graduate|' +
    'producer|reporter|writer|columnist|contributor|freelance|' +
    String.raw`alumnus|alumna|doctoral|candidate)\b`,
);
/** A career told in years rather than titles: "X has lived and worked for over a decade in ...", "X has spent a decade reporting
 * from ...". */
const CAREER = /\bhas (?:lived|worked|spent|reported|written|covered|been (?:writing|reporting|working))\b.{0,80}\b(?:years?|decades?)\b/;
/** Later sentences of a bio may only mention the research: "Her main research topics are ...". */
const BIO_MORE_WORDS = new RegExp(`${BIO_WORDS.source}|\\b(research|studies|interests|focuses)\\b`);

/** The author's name when `sentence` opens a biography, else null. */
export function bioSubject(sentence: string, knownAuthor: string | null): string | null {
  const m = BIO_START.exec(sentence.replace(/^About the authors?:?\s*/i, ''));
  if (!m) return null;
  // A title is not part of the name: "Dr. Jane Roe is ..." names Jane Roe.
  const name = m[1]!.replace(/^(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+/, '');
  if (knownAuthor && sameName(name, knownAuthor)) return name;
  return BIO_WORDS.test(sentence) || CAREER.test(sentence) ? name : null;
}

/**
 * A sentence that continues a biography: "She writes about ports.", "Her main research topics are ...",
 * "Callum is particularly interested in ...", "In 2024, she founded ..." (a bio's dates are not events).
 */
export function continuesBio(sentence: string, author: string): boolean {
  const names = author.split(/\s+/);
  const who = ['He', 'She', 'They', 'His', 'Her', 'Their', names[0]!, names.at(-1)!].map(escapeRe).join('|');
  return (
    new RegExp(String.raw`^(?:(?:In|By|Since|From|Until|After|Before)\s[^,]{1,30},\s+)?(?:${who})\b`, 'iu').test(sentence) ||
    BIO_MORE_WORDS.test(sentence)
  );
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
