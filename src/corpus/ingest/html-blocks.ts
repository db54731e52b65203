// Which elements of a page are boxes of their own (a paragraph, a list item, a container) and which are runs of the
// line they sit in (a link, an emphasis, a span in a paragraph's sentence): what cuts a page's text into paragraphs.

export interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode?: DomNode | null;
  getAttribute?(name: string): string | null;
  querySelector?(selector: string): DomNode | null;
  querySelectorAll?(selector: string): ArrayLike<DomNode>;
  remove?(): void;
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Elements that are a paragraph of their own. */
export const BLOCKS = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION']);
/** Elements that hold paragraphs (a span only where a page wraps blocks in it, see inlineSpan). */
export const CONTAINERS = new Set('DIV SECTION ARTICLE MAIN UL OL FIGURE TABLE TBODY THEAD DL HEADER SPAN'.split(' '));
/** Elements a paragraph's text runs through: a span inside them is still in the paragraph's line. */
const INLINE = new Set(['SPAN', 'A', 'EM', 'STRONG', 'B', 'I', 'U', 'MARK', 'SMALL', 'FONT']);

/** A box holding boxes or line breaks: its text is cut at them. */
export function hasBlockChild(node: DomNode): boolean {
  let known = holdsBlocks.get(node);
  if (known === undefined) holdsBlocks.set(node, (known = hasBlockChildOf(node)));
  return known;
}
/** Asked of a node at every level above it: remembered, so spans nested a thousand deep cost a thousand looks, not a million. */
const holdsBlocks = new WeakMap<DomNode, boolean>();

function hasBlockChildOf(node: DomNode): boolean {
  return Array.from(node.childNodes).some(
    (c) => c.nodeType === 1 && (BLOCKS.has(c.tagName ?? '') || (CONTAINERS.has(c.tagName ?? '') && !inlineSpan(c)) || c.tagName === 'BR'),
  );
}

/** How far up through runs a span looks for its paragraph: deeper, it is taken as a box (a page built to be heavy). */
const RUN_DEPTH = 16;

/**
 * A span that is a run of its paragraph's text. Editors that style every run write
 * `<p><span>Carlineo was </span><a><span>arrested</span></a><span> in April …</span></p>`: taken as boxes, that was three
 * quotes ("Carlineo was", "arrested", "in April …"). A span is a box where it holds blocks, outside a paragraph, or in
 * a paragraph whose runs never continue one another: pages also set a heading, a time stamp or a line break as a span.
 */
export function inlineSpan(node: DomNode): boolean {
  if (node.tagName !== 'SPAN') return false;
  // Its paragraph first (a short look up), then what it holds (a look down as deep as the runs go).
  let up = node.parentNode ?? null;
  for (let depth = 0; up && up.tagName !== 'P'; depth++, up = up.parentNode ?? null)
    if (depth >= RUN_DEPTH || !INLINE.has(up.tagName ?? '')) return false;
  return up !== null && !hasBlockChild(node) && runsContinue(up);
}

/**
 * A sentence that runs on from one run to the next: the next starts in lower case, with the sentence's punctuation or
 * with an aside ("Ilhan Omar" then "(D-Minn.) said …").
 */
function runsContinue(p: DomNode): boolean {
  let known = continuing.get(p);
  if (known === undefined) continuing.set(p, (known = runsContinueOf(p)));
  return known;
}
/** Asked once per span of a paragraph: remembered for the paragraph. */
const continuing = new WeakMap<DomNode, boolean>();

function runsContinueOf(p: DomNode): boolean {
  const runs = Array.from(p.childNodes)
    .map((c) => squash(c.textContent))
    .filter(Boolean);
  return runs.some((run, i) => i > 0 && !/[.!?…:;"”’»]$/.test(runs[i - 1]!) && /^[\p{Ll},;.)(]/u.test(run));
}
