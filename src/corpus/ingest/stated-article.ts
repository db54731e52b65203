// Markdown and JSON articles state their metadata (title, outlet, author,
// date); only the body needs the layout steps. One function serves both.
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { layoutArticle } from './article-layout.js';
import { buildLexicon } from './layout-cues.js';
import { type PublishedDate, parsePublished } from './published-date.js';

/** Metadata as a file states it; an HTML page may leave the outlet unknown. */
export interface StatedMeta {
  title: string;
  outlet: string | null;
  /** Used when neither the metadata nor the text names the outlet (a web page's host). */
  outletFallback?: string | null;
  author?: string | null | undefined;
  published?: string | null | undefined;
  modified?: string | null | undefined;
  url?: string | undefined;
  tags?: string[] | undefined;
}

export function statedArticle(
  meta: StatedMeta,
  paragraphs: string[],
  source: ArticleSource,
  knownNames: string[],
  o: { keepShortLines?: boolean; captionAt?: ReadonlyMap<number, string | null> } = {},
): ArticleDraft {
  const laid = layoutArticle(paragraphs, {
    runIn: false,
    captionAt: o.captionAt,
    author: meta.author ?? null,
    lex: buildLexicon(paragraphs, knownNames),
    keepShortLines: o.keepShortLines ?? false,
  });
  const published = meta.published ? parsePublished(meta.published) : datelineDate(laid.dateline?.date ?? null, source.retrieved);
  return {
    title: meta.title,
    // A disclaimer or copyright line naming the institution beats a web page's host name.
    outlet: meta.outlet ?? laid.outletHint ?? meta.outletFallback ?? null,
    author: laid.author,
    published,
    dateline: laid.dateline && {
      place: laid.dateline.place,
      agency: laid.dateline.agency,
      text: laid.dateline.date,
      date: datelineDate(laid.dateline.date, published?.date ?? source.retrieved)?.date ?? null,
    },
    modified: meta.modified ? parsePublished(meta.modified) : null,
    url: meta.url ?? null,
    tags: meta.tags ?? laid.tags,
    items: laid.items,
    dropped: laid.dropped,
    source,
  };
}

/**
 * A dateline's day: "August 8" in a report of (or retrieved on) 20 August 1998 is 8 August 1998, the latest such day on
 * or before it, marked approximate since the year is inferred. A report that states no date of its own takes it.
 */
function datelineDate(date: string | null, retrieved: string): PublishedDate | null {
  if (!date) return null;
  const full = parsePublished(date);
  if (full) return full;
  const year = Number(retrieved.slice(0, 4));
  for (const y of [year, year - 1]) {
    const d = parsePublished(`${date}, ${y}`);
    if (d && d.date <= retrieved) return { ...d, approximate: true, text: date };
  }
  return null;
}
