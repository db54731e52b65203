// The article body of an HTML page, as paragraphs in reading order. Readability
// finds the part of the page that holds the article (its recall is high: it
// rarely loses a paragraph); then the page's structure, not lists of wordings,
// takes out what Readability keeps that is not the article's text:
//   - blocks whose class or id names page furniture (related, newsletter,
//     share, comments, paywall …) or a standfirst (the summary under the
//     headline), when they are a small part of the article;
//   - blocks that are mostly link text (teasers, "more" and "watch" lists,
//     tag clouds), unless they read as a sentence of the article;
//   - video teasers led by their duration ("2:34 Russia launches …");
//   - sub-headings (h2-h6): they label the text and are never quoted; those
//     that head furniture ("Related", "More from …") take their section along;
//   - when the page declares its own articleBody (JSON-LD) and Readability's
//     text mostly agrees with it, the blocks the declaration does not hold.
// Navigation, footers, scripts and the like go before Readability reads the
// page; a <form> does not (some sites wrap the whole page in one).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { BLOCKS, CONTAINERS, type DomNode, hasBlockChild, inlineSpan } from './html-blocks.js';

/** Never the article, by tag or ARIA role. */
const NEVER_ARTICLE =
  'script, style, noscript, template, iframe, svg, nav, footer, aside, button, select, input, textarea, ' +
  '[role="navigation"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden], ' +
  '[role="dialog"], [role="alertdialog"], [aria-modal="true"]';
/**
 * A post embedded from a social network is its author's words, not the article's: quoted as the article's, they would
 * be cited to its outlet and writer ("— The White House (@WhiteHouse) February 11, 2025"). Taken out of what
 * Readability found, not before: it weighs them in choosing the article's box.
 */
const EMBEDDED_POST =
  'blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, blockquote.tiktok-embed, ' +
  'blockquote.reddit-embed-bq, blockquote.bluesky-embed, blockquote.threads-post, .fb-post, .fb-video';
/**
 * Cookie and consent banners, privacy preference centres, and what the page hides until a script shows it (sign-in
 * offers, screen-reader labels): never the article, whatever their size on the page. ("paywall" and "premium" are not
 * here: sites mark the article itself so, as the part behind the paywall.)
 */
const CONSENT = new RegExp(
  String.raw`(?:^|[\s_-])(cookies?|consent|gdpr|ccpa|onetrust|ot-sdk|cmp|privacy-(?:banner|notice|center|centre)|cookiebanner|` +
    'hidden|d-none|is-hidden|u-hidden|sr-only|visually-hidden|screen-reader-text|sign-?in|log-?in|register|' +
    String.raw`piano|tp-modal)(?:$|[\s_-])`,
  'i',
);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/**
 * Class or id words of page furniture. Not "teaser" nor "paywall" alone: sites mark the visible part of the article
 * itself so ("teaser-content", "paywall-article"); they go only when small (see prune).
 */
const FURNITURE = new RegExp(
  String.raw`(?:^|[\s_-])(related|recommended|more-stories|read-?more|newsletter|subscribe|subscription|signup|` +
    'share|sharing|social|comments?|promo|advert|ads|banner|cookie|consent|gdpr|breadcrumbs?|popular|trending|sidebar|paywall|' +
    'donate|donations?|tags|taglist|byline|author-bio|outbrain|taboola|rail|carousel|swiper|slider|recirc|recirculation|' +
    String.raw`most-read|read-next|up-next|next-up)(?:$|[\s_-])`,
  'i',
);
const HEADINGS = /^H[1-6]$/;
/** A block this much link text, or more, is a list of links, not the article's prose. */
const LINK_DENSE = 0.5;
/** "2:34 Russia launches …", "Watch 1:02:10 …": a video teaser led by its running time. */
const DURATION_LEAD = /^(?:watch|video|play)?\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?\b/i;

export interface BodyBlocks {
  paragraphs: string[];
  /** Headings left out (the headline and every sub-heading). */
  headings: number;
  /** Which of `paragraphs` are sub-headings (h2-h6), by index, until articleBody leaves them out. */
  headingAt?: Set<number>;
  /** Which of `paragraphs` are photo captions, by index, with the credit each names (null: none). */
  captionAt?: Map<number, string | null>;
  /** The byline Readability found printed on the page, if any. */
  byline?: string | null;
}

/** A paragraph on its way through the cuts, with its index among those blocksOf found. */
interface Block {
  text: string;
  at: number;
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const textLength = (n: DomNode) => squash(n.textContent).length;

function linkLength(n: DomNode): number {
  let total = 0;
  for (const a of Array.from(n.querySelectorAll?.('a') ?? [])) total += textLength(a);
  return total;
}

/** Reads as a sentence of the article: enough words, lower-case ones among them, and an end. */
function readsAsSentence(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 12 && /[.!?…"”»)]$/.test(text) && /\s[a-z\p{Ll}]{3,}\s/u.test(text);
}

/** Class or id words of a photo's caption or credit. */
const CAPTION_CLASS =
  /(?:^|[\s_-])(caption|captions|credit|credits|figcaption|legend|photo-?credit|image-?credit|wp-caption-text)(?:$|[\s_-])/i;
/** Short text beside a picture and nothing else in its box: that picture's caption. */
const CAPTION_MAX_CHARS = 400;

/**
 * An element's text with a space where one of its elements ends and the next begins: a caption and its credit are
 * often two spans ("…broke out.</span><span>Credit: …"), which textContent runs together.
 */
function spacedText(el: DomNode): string {
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(el);
  return squash(
    parts.reduce((text, part) => (/[\s]$/.test(text) || /^[\s.,;:!?)]/.test(part) || !text ? text + part : `${text} ${part}`), ''),
  );
}

/** The same words as the last part of a camel-case name: "imageEmbedCaption", "photoCredit". */
const CAPTION_CAMEL = /[a-z](?:Caption|Credit)s?(?:$|[\s_-])/;

const isCaptionBox = (el: DomNode) => {
  const names = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`;
  const len = textLength(el);
  return (el.tagName === 'FIGCAPTION' || CAPTION_CLASS.test(names) || CAPTION_CAMEL.test(names)) && len > 0 && len < CAPTION_MAX_CHARS;
};

/**
 * The texts of the page's captions and credits, read before Readability: it turns a <div> holding only text into a
 * new <p> without the div's class, so after it a caption is known by its text alone.
 */
function captionTexts(document: DomNode): Set<string> {
  const out = new Set<string>();
  for (const el of Array.from(document.querySelectorAll?.('[class], [id], figcaption') ?? [])) {
    if (isCaptionBox(el)) out.add(squash(el.textContent));
  }
  // Readability may drop the picture and keep the text beside it: what sat beside a picture on the page is known here.
  const body = (document as unknown as { body?: DomNode }).body ?? document;
  for (const img of Array.from(document.querySelectorAll?.('img, picture') ?? [])) {
    const box = pictureBox(img, body);
    if (!box) continue;
    // The box whole, and each part of it that holds text (the caption, the credit), as Readability may keep either.
    out.add(squash(box.textContent));
    for (const part of Array.from(box.childNodes)) if (part.nodeType === 1 && squash(part.textContent)) out.add(squash(part.textContent));
  }
  return out;
}

/** The box of a picture holding a little text beside it (a caption, its credit), or null. */
function pictureBox(img: DomNode, root: DomNode): DomNode | null {
  let box = img.parentNode ?? null;
  for (let up = 0; box && up < 2 && textLength(box) === 0; up++) box = box.parentNode ?? null;
  if (!box || box === root || box.tagName === 'BODY' || box.querySelector?.('figcaption')) return null;
  const len = textLength(box);
  const blocks = Array.from(box.querySelectorAll?.('p, li, h2, h3, h4, blockquote') ?? []).length;
  return len > 0 && len < CAPTION_MAX_CHARS && blocks <= 1 && box.tagName !== 'P' ? box : null;
}

/**
 * Marks captions: blocks whose class names a caption or credit (or whose text was such a block's before Readability),
 * and a picture's box holding a little text beside it. They become <figcaption>, which blocksOf turns into a caption
 * (quotable as such, never as the article's body).
 */
function markCaptions(root: DomNode, known: Set<string>): void {
  const doc = (root as unknown as { ownerDocument: { createElement(tag: string): DomNode & { textContent: string } } }).ownerDocument;
  const asCaption = (el: DomNode) => {
    const cap = doc.createElement('figcaption') as DomNode & { appendChild(n: unknown): void };
    // The children move over: a credit in an element of its own stays one (see captionOf).
    while (el.childNodes.length) cap.appendChild(el.childNodes[0]);
    (el as unknown as { replaceWith(n: unknown): void }).replaceWith(cap);
  };
  for (const el of Array.from(root.querySelectorAll?.('p, div, span, li, dd, [class], [id]') ?? [])) {
    if (el.tagName === 'FIGCAPTION' || !el.parentNode) continue;
    if (isCaptionBox(el) || (known.has(squash(el.textContent)) && !hasBlockChild(el))) asCaption(el);
  }
  for (const img of Array.from(root.querySelectorAll?.('img, picture') ?? [])) {
    const box = pictureBox(img, root);
    if (box) asCaption(box);
  }
}

/**
 * Class words of a standfirst: the outlet's summary under the headline ("e-standfirst", "dek", "sub-title"). Like the
 * headline it labels the article and is not a sentence of it.
 */
const STANDFIRST = /(?:^|[\s_-])(standfirst|dek|sub-?title|sub-?headline|strapline)(?:$|[\s_-])/i;

/** Takes out, inside Readability's result, what is not the article's text (see the top of this file). */
function prune(root: DomNode): void {
  const total = textLength(root);
  for (const el of Array.from(root.querySelectorAll?.('[class], [id]') ?? [])) {
    const names = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`;
    const small = textLength(el) < total * 0.3;
    if ((FURNITURE.test(names) || STANDFIRST.test(names)) && small && !el.querySelector?.('[itemprop="articleBody"]')) el.remove?.();
  }
  // A box of links inside a sentence (a name's pop-up card with its latest headlines) is not the sentence's text.
  // Innermost first: the card goes, the name it pops up from stays. Inside: the paragraph says more than the box (a
  // span around a whole paragraph of linked names is the paragraph), and the box does not read as a sentence itself.
  for (const el of Array.from(root.querySelectorAll?.('p span') ?? []).reverse()) {
    const text = squash(el.textContent);
    const links = el.querySelectorAll?.('a')?.length ?? 0;
    if (links < 3 || linkLength(el) < text.length * 0.8 || text.split(/\s+/).length < 8 || readsAsSentence(text)) continue;
    let p = el.parentNode ?? null;
    while (p && p.tagName !== 'P') p = p.parentNode ?? null;
    if (p && squash(p.textContent).length - text.length >= 20) el.remove?.();
  }
  for (const el of Array.from(root.querySelectorAll?.('p, li, ul, ol, div, dd, dt, td, tr, figcaption, h1, h2, h3, h4, h5, h6') ?? [])) {
    const text = squash(el.textContent);
    if (!text) continue;
    if (DURATION_LEAD.test(text) && text.split(/\s+/).length <= 20) {
      el.remove?.();
      continue;
    }
    const links = linkLength(el);
    if (links / text.length < LINK_DENSE) continue;
    // A list of links goes whole; a paragraph that is a sentence of the article stays, links or not.
    if ((el.tagName === 'UL' || el.tagName === 'OL' || !readsAsSentence(text)) && textLength(el) < total * 0.3) el.remove?.();
  }
}

/** Agencies whose name ends a credit: "Natalie Naccache | Bloomberg | Getty Images". */
const CREDIT_AGENCY = /\b(?:Getty Images|Reuters|AP|AFP|EPA|EPA-EFE|Shutterstock|Alamy|Anadolu|TASS|Xinhua)$/;

/** A credit standing alone, as its credit text: "(Image: © NASA/ESA)", "Credit: Reuters", "Name | Getty Images". */
function creditAlone(text: string): string | null {
  const bare = text.replace(/^[([]\s*(.*?)\s*[)\]]$/, '$1');
  const labelled = /^(?:Photo(?:graph)?|Image|Picture|Credit)s?\s*:\s*(.+)$/i.exec(bare);
  const credit = labelled ? labelled[1]! : /©/.test(bare) || CREDIT_AGENCY.test(bare) ? bare : null;
  return credit && credit.length <= 80 ? credit : null;
}

/** A credit's element: its class says so ("credit", "imageEmbedCredit"), or its text reads as one alone. */
const CREDIT_CLASS = /credit|copyright|byline|source/i;

/**
 * A caption box's text and credit. The credit is an element of its own ("<span class=credit>", before or after the
 * text), or written into the text ("… in Baku. Photo: Reuters", "… (Image: © NASA)").
 */
function captionOf(box: DomNode): { text: string; credit: string | null } {
  const alone = creditAlone(spacedText(box));
  if (alone) return { text: '', credit: alone };
  const parts: string[] = [];
  let credit: string | null = null;
  const visit = (n: DomNode) => {
    if (n.nodeType === 3) {
      parts.push(n.textContent ?? '');
      return;
    }
    if (n.nodeType !== 1) return;
    const text = spacedText(n);
    const own = creditAlone(text) ?? (CREDIT_CLASS.test(n.getAttribute?.('class') ?? '') && text.length <= 80 ? text : null);
    if (credit === null && own && text.length < squash(box.textContent).length) credit = own;
    else if (Array.from(n.childNodes).some((c) => c.nodeType === 1 && c.tagName !== 'A' && c.tagName !== 'EM' && c.tagName !== 'B'))
      for (const c of Array.from(n.childNodes)) visit(c);
    else parts.push(` ${text} `);
  };
  for (const c of Array.from(box.childNodes)) visit(c);
  let text = squash(parts.join(''));
  const written = credit === null ? WRITTEN_CREDIT.exec(text) : null;
  if (written) {
    credit = squash(written[1]!) || null;
    text = text.slice(0, written.index).trim();
  }
  return { text, credit };
}
/** "… in Baku. Photo: Reuters", "… (Image: © NASA/ESA)", "… Credit: AP": a credit written at the end of a caption. */
const WRITTEN_CREDIT = /\s*[([]?\b(?:Photo(?:graph)?|Image|Picture|Credit)s?\s*:\s*([^)\]]*)[)\]]?\.?$/i;

/** Block text in reading order; a figcaption becomes a caption ("text Photo: credit"), headings are counted and left out. */
function blocksOf(root: DomNode, out: BodyBlocks): void {
  let loose = '';
  const flush = () => {
    if (squash(loose)) out.paragraphs.push(squash(loose));
    loose = '';
  };
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 3) {
      loose += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.tagName ?? '';
    if (tag === 'BR') {
      // Two line breaks in a row end a paragraph; one is a space.
      if (/\n\s*$/.test(loose)) flush();
      else loose += '\n';
      continue;
    }
    if (tag === 'H1') {
      // The headline: the article's title, not its text.
      flush();
      if (squash(node.textContent)) out.headings++;
    } else if (HEADINGS.test(tag)) {
      flush();
      const text = squash(node.textContent);
      if (text) {
        out.headings++;
        (out.headingAt ??= new Set()).add(out.paragraphs.length);
        out.paragraphs.push(text);
      }
    } else if (tag === 'FIGCAPTION') {
      flush();
      const { text, credit } = captionOf(node);
      const last = out.paragraphs.length - 1;
      out.captionAt ??= new Map();
      if (text) {
        out.captionAt.set(out.paragraphs.length, credit);
        out.paragraphs.push(text);
      } else if (credit && out.captionAt.get(last) === null) {
        // A credit in a box of its own after the caption it belongs to: that caption's credit.
        out.captionAt.set(last, credit);
      }
    } else if (tag === 'IMG' || tag === 'PICTURE' || tag === 'SVG' || tag === 'VIDEO') {
      // no text of its own
    } else if (tag === 'TR') {
      flush();
      // A table row is one line: its cells side by side.
      const cells = Array.from(node.childNodes)
        .filter((c) => c.nodeType === 1)
        .map((c) => squash(c.textContent))
        .filter(Boolean);
      if (cells.length) out.paragraphs.push(cells.join(' '));
    } else if (BLOCKS.has(tag) && !hasBlockChild(node)) {
      flush();
      const text = squash(node.textContent);
      if (text) out.paragraphs.push(text);
    } else if (BLOCKS.has(tag) || (CONTAINERS.has(tag) && !inlineSpan(node))) {
      flush();
      blocksOf(node, out);
    } else loose += node.textContent ?? ''; // inline: a, em, strong, span...
  }
  flush();
}

/** Words of a date, a time or a time stamp's label: what a line made only of them holds. */
const STAMP_WORD = new RegExp(
  '^(?:updated?|published|posted|modified|last|on|at|by|am|pm|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|' +
    'mst|ist|msk|ago|just|now|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|today|yesterday|mon(?:day)?|' +
    'tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|jan(?:uary)?|feb(?:ruary)?|' +
    'mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
    '\\d+(?:st|nd|rd|th|am|pm)?)$',
  'i',
);

/**
 * A line that is only a time stamp ("Updated 11:21 pm CST, Tuesday, November 19, 2019", "PUBLISHED: 10:48, Tue, Nov 19",
 * "Published 1 day ago", "Updated at 1:23 p.m."), or only a link or an address: page furniture, never a quote. The
 * date itself is read from the page's declarations.
 */
export function isStampLine(line: string): boolean {
  const s = line.trim();
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(s) || /^\S+@\S+\.\w+$/.test(s)) return true;
  if (!/\d/.test(s) || s.length > 80) return false;
  const words = s
    .replace(/\b([ap])\.m\.?/gi, '$1m')
    // A live blog's entry stamp runs its parts together: "21 mins ago11:48 Jon King".
    .replace(/(\p{Ll})(\d)/gu, '$1 $2')
    .split(/[\s,;|:/.()•·–-]+/)
    .filter(Boolean);
  // A byline may lead it ("By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m."): the names after
  // "By", up to six capitalised words, before the stamp's first word.
  let start = 0;
  if (/^by$/i.test(words[0] ?? '')) {
    start = 1;
    while (start < words.length && start <= 6 && /^(?:\p{Lu}[\p{Ll}'’-]+|and)$/u.test(words[start]!) && !STAMP_WORD.test(words[start]!))
      start++;
  }
  // The stamp may end with who posted the entry ("… by Jon King"): up to three capitalised words after it.
  let end = words.length;
  while (end > 0 && words.length - end < 3 && /^\p{Lu}[\p{Ll}'’-]+$/u.test(words[end - 1]!) && !STAMP_WORD.test(words[end - 1]!)) end--;
  // With a name after it, only a clock time or "ago" makes it a stamp: "On Monday 12 Armenian Villages Voted" is a headline.
  if (end < words.length && !/\d:\d\d|\bago\b/i.test(s)) return false;
  const stamp = words.slice(start, end).filter((w) => !/^by$/i.test(w));
  return stamp.length > 0 && stamp.some((w) => /\d/.test(w)) && stamp.every((w) => STAMP_WORD.test(w));
}

/**
 * A paragraph the page prints twice (a subscription box above and below the text, a teaser block repeated): page
 * furniture, all its copies. An article does not repeat its own paragraphs; short lines may repeat and stay.
 */
function dropRepeated(blocks: Block[]): Block[] {
  const counts = new Map<string, number>();
  const key = (p: string) => p.toLowerCase().replace(/\s+/g, ' ');
  for (const { text } of blocks) counts.set(key(text), (counts.get(key(text)) ?? 0) + 1);
  const repeated = (p: string) => p.split(/\s+/).length >= 8 && counts.get(key(p))! > 1;
  // A box printed twice is a small part of the page; a page that is one paragraph over and over keeps it (once, later).
  const all = blocks.reduce((n, b) => n + b.text.length, 0);
  const inRepeats = blocks.reduce((n, b) => n + (repeated(b.text) ? b.text.length : 0), 0);
  return inRepeats > all * 0.3 ? blocks : blocks.filter((b) => !repeated(b.text));
}

/** Sub-headings of page furniture: what follows them, up to the next sub-heading, is not the article. */
const FURNITURE_HEADING = new RegExp(
  '^(?:related(?: (?:articles?|stories|content|news|posts|reading|coverage))?|more (?:from|on|in|stories|news|articles|like this)\\b.*|' +
    'read (?:more|next|also)|recommended(?: for you)?|most (?:popular|read|viewed)|you (?:may|might) also (?:like|be interested in)|' +
    "trending(?: now)?|popular(?: now)?|latest (?:news|stories|videos)|editor'?s picks|top stories|in other news|watch(?: more)?|" +
    'more videos?|(?:media |press )?contacts?|share this(?: article| story)?|comments?|newsletter|sign up.*|follow us.*)[:.]?$',
  'i',
);
/** "About Ascom", "About the company": a press release's closing boilerplate, once the article has had its say. */
const ABOUT_HEADING = /^about (?!the author)(?:the )?[\p{Lu}\p{N}][\p{L}\p{N}&.'’ -]{1,60}$/u;
/** A teaser's label: "WATCH | …", "LISTEN: …", "VIDEO: …". */
const TEASER_LABEL = /^(?:watch|listen|video|gallery|photos|podcast)\s*[|:]\s*/i;

/**
 * The article's paragraphs without its sub-headings. Cuts sections headed as furniture ("Related", "More from …",
 * "Watch") up to the next sub-heading or the article's next paragraph of prose, and a closing "About <organisation>"
 * section (in the second half of the text) to the end.
 */
function withoutFurnitureSections(paragraphs: string[], headingAt: Set<number>): Block[] {
  const out: Block[] = [];
  let skipping: 'section' | 'rest' | null = null;
  paragraphs.forEach((p, i) => {
    // "About Ascom" in bold, in a paragraph of its own, heads a section as an <h3> would.
    const about = ABOUT_HEADING.test(p) && i >= paragraphs.length / 2;
    if (headingAt.has(i) || about) {
      if (skipping === 'rest') return;
      skipping = FURNITURE_HEADING.test(p) ? 'section' : about ? 'rest' : null;
      if (skipping) return;
    }
    // A furniture section is teasers and labels: the article's own prose after it means the section has ended.
    if (skipping === 'section' && readsAsSentence(p) && p.split(/\s+/).length >= 20) skipping = null;
    // A sub-heading labels the text; it is not a sentence of it, so it is never quoted.
    if (!skipping && !headingAt.has(i)) out.push({ text: p, at: i });
  });
  return out;
}

/** 4-word runs, lower-cased, for comparing a block with a declared articleBody. */
function runs(text: string): string[] {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4).join(' '));
  if (!out.length && w.length) out.push(w.join(' '));
  return out;
}

/** A declared articleBody long enough to be the article, as paragraphs: HTML read as such, entities decoded. */
function declaredParagraphs(declared: string | null): string[] | null {
  if (!declared || declared.length < 1500) return null;
  if (/<(?:p|br|div|body)\b/i.test(declared)) {
    const out: BodyBlocks = { paragraphs: [], headings: 0 };
    blocksOf(parseHTML(`<html><body>${declared}</body></html>`).document.body as unknown as DomNode, out);
    return out.paragraphs.length ? out.paragraphs : null;
  }
  const text: string = parseHTML(`<html><body><p>${declared.replace(/</g, '&lt;')}</p></body></html>`).document.body?.textContent ?? '';
  const paragraphs = text
    .split(/\n+/)
    .map((p: string) => squash(plainText(p)))
    .filter(Boolean);
  return paragraphs.length ? paragraphs : null;
}

/**
 * A declared body in the publisher's own markup, as some pages declare it: Markdown links ("[the documentary](https://…)"),
 * emphasis, and a layout marker ("+++dropcap"). The words stay, the markup goes.
 */
function plainText(p: string): string {
  return p
    .replace(/\[([^\]\n]{1,300})\]\((?:https?:\/\/|\/)[^)\s]*\)/g, '$1')
    .replace(/(^|\s)\+{3}[\w-]+(?=\s|$)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_\n]{1,300}?\S)\1/g, '$2');
}

/** The share of `of`'s 4-word runs that `within` holds. */
function coverage(of: string, within: string): number {
  const have = new Set(runs(within));
  const r = runs(of);
  return r.length ? r.filter((x) => have.has(x)).length / r.length : 1;
}

/**
 * When the page declares its articleBody and Readability's paragraphs mostly agree with it, a paragraph the
 * declaration does not hold is not the article (a caption of a teaser, a donation box). When they disagree (the
 * declaration is a summary, or another article's), the declaration is not used.
 */
function agreeingWith(blocks: Block[], declared: string | null): Block[] {
  if (!declared || declared.length < 500) return blocks;
  const have = new Set(runs(declared));
  const held = (p: string) => {
    const r = runs(p);
    return r.length ? r.filter((x) => have.has(x)).length / r.length : 1;
  };
  const scores = blocks.map((b) => held(b.text));
  const textIn = blocks.reduce((n, b, i) => n + b.text.length * scores[i]!, 0);
  const all = blocks.reduce((n, b) => n + b.text.length, 0);
  if (all === 0 || textIn / all < 0.6) return blocks;
  return blocks.filter((_, i) => scores[i]! >= 0.5);
}

/** The body of a parsed page (the document is changed: read its metadata first). */
export function articleBody(document: ReturnType<typeof parseHTML>['document'], declaredBody: string | null): BodyBlocks {
  for (const el of [...document.querySelectorAll(NEVER_ARTICLE)]) el.remove();
  const pageText = squash(document.body?.textContent ?? '').length;
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CONSENT.test(names) && squash(el.textContent).length < pageText * 0.5) el.remove();
  }
  for (const el of [...document.querySelectorAll('[style]')]) {
    if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '') && squash(el.textContent).length < pageText * 0.5) el.remove();
  }
  const captions = captionTexts(document as unknown as DomNode);
  // charThreshold: short news items (300-500 characters) are articles too. Classes kept: prune() reads them. The
  // result is taken as the element itself, not as HTML to parse again: Readability turns a <div> holding only a
  // heading into a <p>, and parsing that HTML again would move the heading out of the <p> and away from its class.
  const read = new Readability<DomNode>(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
    keepClasses: true,
    serializer: (el) => el as unknown as DomNode,
  }).parse();
  const out: BodyBlocks = { paragraphs: [], headings: 0 };
  const root = read?.content ?? (document.body as unknown as DomNode | null);
  if (!root) return out;
  for (const el of Array.from(root.querySelectorAll?.(EMBEDDED_POST) ?? [])) el.remove?.();
  prune(root);
  markCaptions(root, captions);
  blocksOf(root, out);
  const kept = withoutFurnitureSections(out.paragraphs, out.headingAt ?? new Set()).filter(
    (b) => !isStampLine(b.text) && !TEASER_LABEL.test(b.text),
  );
  const declared = declaredParagraphs(declaredBody);
  // Readability found a fragment of what the page declares (a page built by script, a teaser box taken for the
  // article): the declaration is the article.
  const byline = read?.byline ?? null;
  const keptText = kept.map((b) => b.text).join('\n');
  if (declared && coverage(declared.join('\n'), keptText) < 0.5) return { paragraphs: declared, headings: out.headings, byline };
  const blocks = agreeingWith(dropRepeated(kept), declared?.join('\n') ?? null);
  const captionAt = new Map<number, string | null>();
  blocks.forEach((b, i) => {
    if (out.captionAt?.has(b.at)) captionAt.set(i, out.captionAt.get(b.at)!);
  });
  return { paragraphs: blocks.map((b) => b.text), headings: out.headings, captionAt, byline };
}
