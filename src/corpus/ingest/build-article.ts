// One article draft -> everything the corpus database stores for it: the
// article, its passages (dated and tagged), and what the answers rank by:
// each entity's passages spread across articles, the corridor-defining score,
// stances and unknown names. Everything here depends on this article alone,
// so adding or replacing an article never touches another, except for the
// outlet's template text the corpus has learnt (template-text.ts).
import { articleId, passageDigest, passageIds } from '../../text/ids.js';
import { decodeEntities, foldKey } from '../../text/normalize.js';
import type { Article, Passage, StanceRecord } from '../records.js';
import { definitionScore } from '../extract/corridor-definition.js';
import { findStances } from '../extract/corridor-stances.js';
import { articleDates } from '../extract/dates/passage-dates.js';
import { countNames } from '../extract/discover-names.js';
import type { GazetteerMatcher } from '../extract/gazetteer-matcher.js';
import { attributeSpeech } from '../extract/speech/attribute-speech.js';
import { tagPassages } from '../extract/tag-passages.js';
import type { ArticleDraft } from './article-draft.js';
import { buildPassages } from './passages.js';
import { dropTemplateText, type SentenceKey, type TemplateLookup } from './template-text.js';

/** A page changed this long after it appeared is another version of the text: its relative dates are the new version's. */
const NEW_VERSION_DAYS = 30;

/**
 * The day the text's relative dates ("last week", "on Monday") count from: the publication day, or, for a page
 * rewritten long after it first appeared (an explainer first published in 2012 and updated in 2026), the day of the
 * version that was read.
 */
function textDay(d: ArticleDraft): string | null {
  const published = d.published?.date ?? null;
  const modified = d.modified?.date ?? null;
  if (!modified || d.modified?.approximate) return published;
  if (!published) return modified;
  return Date.parse(modified) - Date.parse(published) > NEW_VERSION_DAYS * 86_400_000 ? modified : published;
}

/** Each further passage of one article about the same entity counts for less, so answers read as several sources. */
export const SPREAD_DECAY = 0.75;

export interface BuiltTag {
  type: 'actor' | 'corridor';
  entity: string;
  /** Index into passages. */
  passage: number;
  score: number;
  /** score × SPREAD_DECAY^k, k being the passage's rank among this article's passages on the entity. */
  effective: number;
  /** How well the passage defines the corridor (0 for actors and non-definitions). */
  definition: number;
}

export interface BuiltArticle {
  article: Article;
  passages: Passage[];
  tags: BuiltTag[];
  stances: (Omit<StanceRecord, 'passage'> & { corridor: string; passage: number })[];
  names: Map<string, number>;
  /** Which copy wins when one article appears in several files. */
  richness: number;
  dropped: { boilerplate: number; headings: number; bios: number; duplicates: number };
  /** Every body passage's template key, shown or dropped as template text. */
  sentenceKeys: SentenceKey[];
}

/** A copy with an author, an absolute date and more text is the better one. */
export function richness(d: ArticleDraft): number {
  return (d.author ? 1000 : 0) + (d.published && !d.published.approximate ? 500 : 0) + d.items.length;
}

function spreadTags(passages: Passage[], pick: (p: Passage) => Passage['actors'], type: BuiltTag['type']): BuiltTag[] {
  const byEntity = new Map<string, { passage: number; score: number }[]>();
  passages.forEach((p, i) => {
    for (const t of pick(p)) {
      // Pushed, not copied: an article of thousands of passages on one actor must not cost their square.
      const hits = byEntity.get(t.id);
      if (hits) hits.push({ passage: i, score: t.score });
      else byEntity.set(t.id, [{ passage: i, score: t.score }]);
    }
  });
  const out: BuiltTag[] = [];
  for (const [entity, hits] of byEntity) {
    // Stable: equal scores keep reading order, as the ranking over the whole corpus did.
    [...hits]
      .sort((a, b) => b.score - a.score)
      .forEach((h, k) => {
        out.push({ type, entity, passage: h.passage, score: h.score, effective: h.score * SPREAD_DECAY ** k, definition: 0 });
      });
  }
  return out;
}

export type TaggedArticle = Pick<BuiltArticle, 'tags' | 'stances' | 'names'>;

/**
 * Tags an article's passages (in place: their actors, corridors and speakers) and works
 * out what ranking needs. Also run alone, on stored passages, when the
 * gazetteer changes: tagging never changes text.
 */
export function tagArticle(passages: Passage[], matcher: GazetteerMatcher, known: Set<string>): TaggedArticle {
  const tagged = tagPassages(passages, matcher);
  const speech = attributeSpeech(
    passages,
    tagged.map((t) => t.mentions),
    (id) => matcher.actorKind(id),
  );
  passages.forEach((p, i) => {
    p.actors = tagged[i]!.actors;
    p.corridors = tagged[i]!.corridors;
    p.speech = speech[i] ?? null;
  });
  const tags = [...spreadTags(passages, (p) => p.actors, 'actor'), ...spreadTags(passages, (p) => p.corridors, 'corridor')];
  const stances: BuiltArticle['stances'] = [];
  for (const t of tags) {
    if (t.type !== 'corridor') continue;
    const p = passages[t.passage]!;
    const mentions = tagged[t.passage]!.mentions;
    for (const m of mentions) {
      if (m.type === 'corridor' && m.id === t.entity)
        t.definition = Math.max(t.definition, definitionScore(p.text, m.start, m.end, p.kind));
    }
    for (const s of findStances({ text: p.text, mentions, corridor: t.entity }))
      stances.push({ ...s, corridor: t.entity, passage: t.passage, own: p.speech?.speaker.actor === s.actor });
  }
  // Stances in reading order, as the evidence list shows them.
  stances.sort((a, b) => a.passage - b.passage);
  const names = countNames(
    passages.map((p, i) => ({ text: p.text, mentions: tagged[i]!.mentions })),
    known,
  );
  return { tags, stances, names };
}

/** Null when the draft yields no passage at all. */
export function buildArticle(
  draft: ArticleDraft,
  matcher: GazetteerMatcher,
  known: Set<string>,
  templates?: TemplateLookup,
): BuiltArticle | null {
  // Metadata with HTML entities decoded before the id is made from it, so every format gives the same id.
  const meta = (t: string | null) => (t === null ? null : decodeEntities(t));
  const d: ArticleDraft = { ...draft, title: decodeEntities(draft.title), outlet: meta(draft.outlet), author: meta(draft.author) };
  const all = buildPassages(d.items);
  const digests = all.passages.map((p) => passageDigest(p.text));
  const { kept, keptDigests, keys: sentenceKeys } = dropTemplateText(all.passages, digests, d.outlet, foldKey(d.title), templates);
  const built = { passages: kept };
  const dropped = {
    boilerplate: d.dropped.boilerplate + all.passages.length - kept.length,
    headings: d.dropped.headings,
    bios: d.dropped.bios,
    duplicates: all.duplicates,
  };
  if (built.passages.length === 0) return null;
  const id = articleId(d.outlet, d.title);
  const ids = passageIds(id, keptDigests);
  const dates = articleDates(built.passages, { published: textDay(d) });
  const passages: Passage[] = built.passages.map((p, i) => ({
    id: ids[i]!,
    articleId: id,
    seq: p.seq,
    kind: p.kind,
    text: p.text,
    ...(p.credit ? { credit: p.credit } : {}),
    actors: [],
    corridors: [],
    dates: dates[i]!,
  }));
  const { tags, stances, names } = tagArticle(passages, matcher, known);
  const article: Article = {
    id,
    title: d.title,
    outlet: d.outlet,
    author: d.author,
    published: d.published?.date ?? null,
    publishedApproximate: d.published?.approximate ?? false,
    publishedText: d.published?.text ?? null,
    publishedAt: d.published?.at ?? null,
    modified: d.modified && d.modified.date !== d.published?.date ? d.modified.date : null,
    dateline: d.dateline ?? null,
    url: d.url,
    tags: d.tags,
    source: d.source,
    passages: passages.length,
  };
  return { article, passages, tags, stances, names, richness: richness(d), dropped, sentenceKeys };
}
