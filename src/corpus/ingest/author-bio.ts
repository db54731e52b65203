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
const BIO_WORDS =
  /\b(degree|MA|BA|MSc|MPhil|PhD|Ph\.D|Master|Bachelor|University|College|School|Institute|fellow|Fellow|researcher|Researcher|journalist|analyst|editor|professor|Professor|lecturer|author of|based in|correspondent|graduate|alumnus|alumna|doctoral|candidate)\b/;
/** Later sentences of a bio may only mention the research: "Her main research topics are ...". */
const BIO_MORE_WORDS = new RegExp(`${BIO_WORDS.source}|\\b(research|studies|interests|focuses)\\b`);

/** The author's name when `sentence` opens a biography, else null. */
export function bioSubject(sentence: string, knownAuthor: string | null): string | null {
  const m = BIO_START.exec(sentence.replace(/^About the authors?:?\s*/i, ''));
  if (!m) return null;
  const name = m[1]!;
  if (knownAuthor && sameName(name, knownAuthor)) return name;
  return BIO_WORDS.test(sentence) ? name : null;
}

/** A sentence that continues a biography: "She writes about ports.", "Her main research topics are ...". */
export function continuesBio(sentence: string, author: string): boolean {
  const surname = author.split(/\s+/).at(-1) ?? author;
  return new RegExp(String.raw`^(He|She|They|His|Her|Their|${escapeRe(surname)})\b`, 'u').test(sentence) || BIO_MORE_WORDS.test(sentence);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
