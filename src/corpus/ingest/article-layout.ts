// Turns an article's paragraphs into classified sentences: body or caption,
// with boilerplate, sub-headings, tag lines and the author's bio taken out.
// The same steps serve every input format; `runIn` is set for scraped bodies
// whose paragraphs, headings and captions were flattened onto one line.
import { authorDisplay } from '../../text/author-list.js';
import { bioSubject, continuesBio } from './author-bio.js';
import { isBoilerplateSentence, isInterfaceLine, outletNamedByAppeal, tagLineItems } from './boilerplate.js';
import { extractCaptions } from './captions.js';
import { isTitleCaseLine, splitLeadingHeading, splitTitleCaseHeading, type Lexicon } from './layout-cues.js';
import type { LayoutItem } from './layout-item.js';
import { type Dateline, splitDateline } from './dateline.js';
import { splitSentences } from './sentences.js';

export interface DropCounts {
  boilerplate: number;
  headings: number;
  bios: number;
}

export interface LaidOut {
  items: LayoutItem[];
  author: string | null;
  tags: string[];
  /** An outlet named by an appeal or disclaimer in the text. */
  outletHint: string | null;
  /** The wire dateline the text opened with, taken out of it. */
  dateline: Dateline | null;
  dropped: DropCounts;
}

export interface LayoutOptions {
  runIn: boolean;
  /**
   * Keep short lines and sub-headings as the article's text: a web page marks its headings up, and what is left as
   * short paragraphs (a results table, a price list, a menu) is content; a scrape or a file cannot say which is which.
   */
  keepShortLines?: boolean;
  author: string | null;
  lex: Lexicon;
  /** Paragraphs (by index) the source marks as photo captions, with the credit each names: a web page's <figcaption>. */
  captionAt?: ReadonlyMap<number, string | null>;
}

/**
 * Photo agencies as credits print them, at the very start of a sentence and followed by a capital:
 * "Getty Images", "Anadolu via Getty Images", "AFP via Getty Images", "EPA-EFE", "Reuters/Yves Herman",
 * "AP Photo/Name". A bare "Reuters" or "AFP" is left alone: "Reuters reported …" is a sentence.
 */
const AGENCY = '(?:Getty Images|Shutterstock|Alamy|iStock|EPA-EFE|AP Photo|Anadolu Agency)';
const LEADING_CREDIT = new RegExp(
  String.raw`^((?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)? via )?${AGENCY}(?:\s*\/\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})?` +
    String.raw`|(?:Reuters|AFP|EPA|AP|TASS|Sputnik|Xinhua|Anadolu)\s*\/\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})\s+(?=[A-Z"“'‘])`,
);

/** Trailing boilerplate: an appeal in the last stretch of an article takes the rest of its paragraph with it. */
const TAIL_SHARE = 0.3;
const BIO_SHARE = 0.4;

export function layoutArticle(given: string[], opts: LayoutOptions): LaidOut {
  const dropped: DropCounts = { boilerplate: 0, headings: 0, bios: 0 };
  // A wire dateline opening the text ("WASHINGTON, August 8 (Xinhua) --") is where and when it was filed, not a quote.
  const opening = given[0] !== undefined && !opts.captionAt?.has(0) ? splitDateline(given[0]) : null;
  const numbered = (opening ? [opening.rest, ...given.slice(1)] : given).map((text, at) => ({ text, at })).filter((p) => p.text.trim());
  const paragraphs = numbered.map((p) => p.text);
  let tags: string[] = [];
  let items: LayoutItem[] = [];
  paragraphs.forEach((p, paragraph) => {
    const at = numbered[paragraph]!.at;
    if (opts.captionAt?.has(at)) {
      // A caption the page marked up as one: all of it, one passage, with its credit.
      items.push({ kind: 'caption', text: p, paragraph, credit: opts.captionAt.get(at) ?? undefined });
      return;
    }
    if (isInterfaceLine(p)) {
      dropped.boilerplate++;
      return;
    }
    const asTags = tagLineItems(p);
    if (asTags && !opts.runIn) {
      tags = asTags;
      return;
    }
    // A page's short lines may be its text (a list, a one-line paragraph); a Title Case one is still a sub-heading.
    if (!opts.runIn && (opts.keepShortLines ? isTitleCaseLine(p) : isHeadingLine(p))) {
      dropped.headings++;
      return;
    }
    splitSentences(p).forEach((text, i) => {
      // A sub-heading the source glued to its paragraph ("Looking Ahead The talks …").
      const glued = i === 0 && !opts.runIn && !opts.keepShortLines ? splitTitleCaseHeading(text) : null;
      if (glued) dropped.headings++;
      items.push({ kind: 'body', text: glued ? glued.rest : text, paragraph });
    });
  });

  const last = items.at(-1);
  const trailingTags = last ? tagLineItems(last.text) : null;
  if (trailingTags) {
    tags = trailingTags;
    items.pop();
  }

  let outletHint: string | null = null;
  let cutParagraph = -1;
  const tailStart = Math.floor(items.length * (1 - TAIL_SHARE));
  items = items.filter((item, i) => {
    if (item.paragraph === cutParagraph) {
      dropped.boilerplate++;
      return false;
    }
    if (!isBoilerplateSentence(item.text)) return true;
    outletHint ??= outletNamedByAppeal(item.text);
    if (i >= tailStart) cutParagraph = item.paragraph;
    dropped.boilerplate++;
    return false;
  });

  let author = opts.author;
  const bioStart = findBio(items, author);
  if (bioStart) {
    // Two authors may each have a bio: every bio in the tail names one.
    const named = items
      .slice(bioStart.index)
      .map((it) => bioSubject(it.text, null))
      .filter((n): n is string => n !== null);
    author ??= authorDisplay([bioStart.name, ...named]);
    dropped.bios += items.length - bioStart.index;
    items = items.slice(0, bioStart.index);
  }

  items = extractCaptions(items, opts.lex).map((item, i, all) => {
    // An agency credit left at the head of a sentence ("Getty Images Armenia and …") belongs to the photo before it.
    const credit = item.kind === 'body' ? LEADING_CREDIT.exec(item.text) : null;
    if (!credit) return item;
    const prev = all[i - 1];
    if (prev?.kind === 'caption' && !prev.credit) prev.credit = credit[1]!.trim();
    return { ...item, text: item.text.slice(credit[0].length) };
  });
  if (opts.runIn) {
    for (const item of items) {
      const split =
        item.kind === 'body' ? (splitLeadingHeading(item.text, opts.lex, item.afterCredit) ?? splitTitleCaseHeading(item.text)) : null;
      if (split) {
        item.text = split.rest;
        dropped.headings++;
      }
    }
  }
  return { items, author, tags, outletHint, dateline: opening?.dateline ?? null, dropped };
}

/** A bio is the article's tail: its first sentence names the author, the rest continue it. */
function findBio(items: LayoutItem[], author: string | null): { index: number; name: string } | null {
  const from = Math.max(1, Math.floor(items.length * (1 - BIO_SHARE)));
  for (let i = from; i < items.length; i++) {
    const name = bioSubject(items[i]!.text, author);
    if (!name) continue;
    // Every later sentence continues a bio: this one, or the next author's, which starts another.
    let current = name;
    const tail = items.slice(i + 1).every((it) => {
      if (continuesBio(it.text, current)) return true;
      const next = bioSubject(it.text, null);
      if (next) current = next;
      return next !== null;
    });
    if (tail) return { index: i, name };
  }
  return null;
}

/**
 * A short line with no sentence punctuation, between paragraphs: a sub-heading.
 * So is a short question standing alone as its own paragraph ("What does this
 * mean for Russia?"): articles use those as headings, and as a quote it says nothing.
 */
function isHeadingLine(line: string): boolean {
  const s = line.trim();
  const words = s.split(/\s+/).length;
  if (/\?$/.test(s)) return words <= 12 && !/["“”«»]/.test(s) && splitSentences(s).length === 1;
  return s.length > 0 && !/[.!:;"”'’)]$/.test(s) && words <= 10 && !/Photo|Image|Credit/.test(s);
}
