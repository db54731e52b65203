// The news aggregator's page format. A page holds a main article (title line,
// caption, paragraphs, bio, appeal, tag line, "Hashtags"), the aggregator's
// interface text, then "Related Articles" blocks:
//   Outlet / date line / "- Outlet" / "Title — Outlet" / the body on one line.
// Nothing here depends on a particular page's titles, outlets or line numbers.
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { layoutArticle } from './article-layout.js';
import { isInterfaceLine } from './boilerplate.js';
import { extractByline } from './byline.js';
import { buildLexicon, type Lexicon } from './layout-cues.js';
import { parseDateLine, parsePublished, type PublishedDate } from './published-date.js';
import type { RawSidecar } from '../schema.js';

export interface PageContext {
  source: ArticleSource;
  sidecar: RawSidecar | null;
  /** Gazetteer names: words the layout cues must treat as names. */
  knownNames: string[];
}

interface BlockHeader {
  line: number;
  outlet: string;
  published: PublishedDate | null;
}

/** Does this text look like the aggregator's format (at least one related-article header)? */
export function looksLikeAggregatorPage(text: string): boolean {
  return findHeaders(splitLines(text), '2000-01-01').length > 0;
}

export function parseAggregatorPage(text: string, ctx: PageContext): ArticleDraft[] {
  const lines = splitLines(text);
  const headers = findHeaders(lines, ctx.source.retrieved);
  const lex = buildLexicon(lines, ctx.knownNames);
  const drafts: ArticleDraft[] = [];
  const main = mainArticle(lines.slice(0, headers[0]?.line ?? lines.length), ctx, lex);
  if (main) drafts.push(main);
  headers.forEach((h, k) => {
    const end = headers[k + 1]?.line ?? lines.length;
    const block = relatedArticle(h, lines.slice(h.line + 3, end), ctx, lex);
    if (block) drafts.push(block);
  });
  return drafts;
}

function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00A0/g, ' ')
    .split('\n')
    .map((l) => l.trim());
}

/** "Outlet" / "5 hours ago" / "- Outlet": the three lines that open a related article. */
function findHeaders(lines: string[], retrieved: string): BlockHeader[] {
  const out: BlockHeader[] = [];
  for (let i = 0; i + 3 < lines.length; i++) {
    const dash = /^[-–—]\s*(.{2,80})$/.exec(lines[i + 2]!);
    if (!dash || dash[1]!.trim() !== lines[i]) continue;
    const published = parseDateLine(lines[i + 1]!, retrieved);
    if (!published) continue;
    out.push({ line: i, outlet: lines[i]!, published });
    i += 2;
  }
  return out;
}

function stripOutletSuffix(title: string, outlet: string | null): { title: string; outlet: string | null } {
  const m = /^(.+?)\s+[—–|]\s+([^—–|]{2,60})$/.exec(title);
  if (m && (outlet === null || m[2]!.trim() === outlet)) return { title: m[1]!.trim(), outlet: m[2]!.trim() };
  return { title, outlet };
}

function mainArticle(region: string[], ctx: PageContext, lex: Lexicon): ArticleDraft | null {
  const uiStart = region.findIndex((l) => isInterfaceLine(l));
  const content = region.slice(0, uiStart < 0 ? region.length : uiStart).filter((l) => l.length > 0);
  const [titleLine, ...lines] = content;
  if (!titleLine || lines.length === 0) return null;
  const { title, outlet: suffixOutlet } = stripOutletSuffix(titleLine, null);
  const sc = ctx.sidecar;
  // A short "By Jane Doe" or date line under the title is metadata, not a paragraph.
  let author = sc?.author ?? null;
  let published = sc?.published ? parsePublished(sc.published) : null;
  const paragraphs = lines.filter((line, i) => {
    if (i > 2 || line.split(/\s+/).length > 8) return true;
    const by = /^By\s+(.+?)\.?$/.exec(line);
    if (by) {
      author ??= by[1]!;
      return false;
    }
    const date = parseDateLine(line, ctx.source.retrieved);
    if (date) {
      published ??= date;
      return false;
    }
    return true;
  });
  const laid = layoutArticle(paragraphs, { runIn: false, author, lex });
  return {
    title,
    outlet: sc?.outlet ?? suffixOutlet ?? laid.outletHint,
    author: laid.author,
    published,
    url: sc?.url ?? null,
    tags: laid.tags,
    items: laid.items,
    dropped: laid.dropped,
    source: ctx.source,
  };
}

function relatedArticle(h: BlockHeader, rest: string[], ctx: PageContext, lex: Lexicon): ArticleDraft | null {
  const content = rest.filter((l) => l.length > 0 && !isInterfaceLine(l));
  const [titleLine, ...bodyLines] = content;
  if (!titleLine || bodyLines.length === 0) return null;
  const { title } = stripOutletSuffix(titleLine, h.outlet);
  const byline = extractByline(bodyLines[0]!, lex);
  if (byline) bodyLines[0] = byline.body;
  const laid = layoutArticle(bodyLines, { runIn: true, author: byline?.author ?? null, lex });
  // A byline's absolute date is better than the block's "6 days ago".
  const published = byline?.published && (h.published?.approximate ?? true) ? byline.published : h.published;
  return {
    title,
    outlet: h.outlet,
    author: laid.author,
    published,
    url: null,
    tags: laid.tags,
    items: laid.items,
    dropped: laid.dropped,
    source: ctx.source,
  };
}
