// raw files -> articles and passages -> tags and entity maps. Pure: the
// caller reads the files and writes the build; this only transforms.
import { articleId, passageIds } from '../../text/ids.js';
import { foldKey } from '../../text/normalize.js';
import { BUILD_FORMAT, type Article, type CorpusData, type Passage } from '../build-schema.js';
import { articleDates } from '../extract/dates/passage-dates.js';
import { DataFileError } from '../data-file-error.js';
import { discoverNames } from '../extract/discover-names.js';
import { buildProfiles } from '../extract/entity-profiles.js';
import type { GazetteerMatcher } from '../extract/gazetteer-matcher.js';
import { tagPassages } from '../extract/tag-passages.js';
import type { RawSidecar } from '../schema.js';
import type { ArticleDraft, ArticleSource, SourceFormat } from './article-draft.js';
import { looksLikeAggregatorPage, parseAggregatorPage } from './aggregator-page.js';
import { parseJsonArticles } from './json-articles.js';
import { parseMarkdownArticle } from './markdown-article.js';
import { buildPassages } from './passages.js';

export interface RawInput {
  /** Path relative to the raw folder. */
  file: string;
  text: string;
  sidecar: RawSidecar | null;
  /** YYYY-MM-DD of the file's modification time, used when there is no sidecar. */
  mtimeDay: string;
}

export interface FileReport {
  file: string;
  format: SourceFormat;
  retrieved: string;
  retrievedFrom: 'sidecar' | 'file-mtime';
  articles: string[];
  dropped: { boilerplate: number; headings: number; bios: number; duplicates: number };
}

export interface IngestReport {
  files: FileReport[];
  skipped: { file: string; reason: string }[];
  /** Articles found in more than one file: the fuller copy is kept. */
  merged: { title: string; kept: string; dropped: string }[];
}

export function formatOf(file: string): SourceFormat | null {
  const f = file.toLowerCase();
  if (f.endsWith('.meta.json')) return null;
  if (f.endsWith('.txt')) return 'aggregator-page';
  if (f.endsWith('.md') || f.endsWith('.markdown')) return 'markdown';
  if (f.endsWith('.jsonl') || f.endsWith('.ndjson')) return 'jsonl';
  if (f.endsWith('.json')) return 'json';
  return null;
}

function draftsOf(input: RawInput, format: SourceFormat, knownNames: string[]): ArticleDraft[] {
  const source: ArticleSource = {
    file: input.file,
    format,
    retrieved: input.sidecar?.retrieved ?? input.mtimeDay,
    retrievedFrom: input.sidecar ? 'sidecar' : 'file-mtime',
  };
  if (format === 'aggregator-page') {
    if (!looksLikeAggregatorPage(input.text)) {
      throw new DataFileError(input.file, 'not in the aggregator page format (no "Outlet / date / - Outlet" article header found); use .md or .json for single articles');
    }
    return parseAggregatorPage(input.text, { source, sidecar: input.sidecar, knownNames });
  }
  if (format === 'markdown') return [parseMarkdownArticle(input.text, source, knownNames)];
  return parseJsonArticles(input.text, source, knownNames);
}

/** A copy with an author, an absolute date and more text is the better one. */
function richness(d: ArticleDraft): number {
  return (d.author ? 1000 : 0) + (d.published && !d.published.approximate ? 500 : 0) + d.items.length;
}

export type Progress = (done: number, total: number, file: string) => void;

export function ingest(
  inputs: RawInput[],
  matcher: GazetteerMatcher,
  knownNames: string[],
  meta: { inputHash: string; builtAt: string },
  progress: Progress = () => {},
): { corpus: CorpusData; report: IngestReport } {
  const report: IngestReport = { files: [], skipped: [], merged: [] };
  const chosen = new Map<string, { draft: ArticleDraft; passages: ReturnType<typeof buildPassages> }>();
  const sorted = [...inputs].sort((a, b) => a.file.localeCompare(b.file));
  for (const [n, input] of sorted.entries()) {
    progress(n + 1, sorted.length, input.file);
    const format = formatOf(input.file);
    if (!format) {
      if (!input.file.toLowerCase().endsWith('.meta.json')) report.skipped.push({ file: input.file, reason: 'not .txt, .md, .json or .jsonl' });
      continue;
    }
    const drafts = draftsOf(input, format, knownNames);
    const fr: FileReport = { file: input.file, format, retrieved: drafts[0]?.source.retrieved ?? input.mtimeDay, retrievedFrom: input.sidecar ? 'sidecar' : 'file-mtime', articles: [], dropped: { boilerplate: 0, headings: 0, bios: 0, duplicates: 0 } };
    for (const d of drafts) {
      const built = buildPassages(d.items);
      fr.dropped.boilerplate += d.dropped.boilerplate;
      fr.dropped.headings += d.dropped.headings;
      fr.dropped.bios += d.dropped.bios;
      fr.dropped.duplicates += built.duplicates;
      if (built.passages.length === 0) continue;
      const id = articleId(d.outlet, d.title);
      fr.articles.push(id);
      const prev = chosen.get(id);
      if (!prev || richness(d) > richness(prev.draft)) {
        if (prev) report.merged.push({ title: d.title, kept: d.source.file, dropped: prev.draft.source.file });
        chosen.set(id, { draft: d, passages: built });
      } else report.merged.push({ title: d.title, kept: prev.draft.source.file, dropped: d.source.file });
    }
    report.files.push(fr);
  }

  const articles: Article[] = [];
  const passages: Passage[] = [];
  for (const [id, { draft: d, passages: built }] of chosen) {
    const ids = passageIds(id, built.passages.map((p) => p.text));
    const dates = articleDates(built.passages, { published: d.published?.date ?? null });
    built.passages.forEach((p, i) => {
      passages.push({ id: ids[i]!, articleId: id, seq: p.seq, kind: p.kind, text: p.text, ...(p.credit ? { credit: p.credit } : {}), actors: [], corridors: [], dates: dates[i]! });
    });
    articles.push({
      id, title: d.title, outlet: d.outlet, author: d.author,
      published: d.published?.date ?? null, publishedApproximate: d.published?.approximate ?? false, publishedText: d.published?.text ?? null,
      url: d.url, tags: d.tags, source: d.source, passages: built.passages.length,
    });
  }
  const tagged = tagPassages(passages, matcher);
  passages.forEach((p, i) => { p.actors = tagged[i]!.actors; p.corridors = tagged[i]!.corridors; });
  const mentions = tagged.map((t) => t.mentions);
  const profiles = buildProfiles(passages, mentions);
  const discoveries = discoverNames(passages.map((p, i) => ({ text: p.text, mentions: mentions[i]! })), new Set(knownNames.map(foldKey)));
  return {
    corpus: { formatVersion: BUILD_FORMAT, inputHash: meta.inputHash, builtAt: meta.builtAt, articles, passages, ...profiles, discoveries },
    report,
  };
}
