// One raw file -> its articles, passages, tags and dates. Pure: the caller
// reads the file and writes the database; this only transforms.
import type { GazetteerMatcher } from '../extract/gazetteer-matcher.js';
import type { RawSidecar } from '../schema.js';
import type { ArticleDraft, ArticleSource, SourceFormat } from './article-draft.js';
import { looksLikeAggregatorPage, parseAggregatorPage } from './aggregator-page.js';
import { parseJsonArticles } from './json-articles.js';
import { parseHtmlArticle } from './html-article.js';
import { parseMarkdownArticle } from './markdown-article.js';
import { parseTextArticle } from './text-article.js';
import { buildArticle, type BuiltArticle } from './build-article.js';
import type { TemplateLookup } from './template-text.js';

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
  /** The files read in this run (new or changed); unchanged files are not read again. */
  files: FileReport[];
  skipped: { file: string; reason: string }[];
  /** Articles found in more than one file: the fuller copy is kept. */
  merged: { title: string; kept: string; dropped: string }[];
  /** Article ids that are new, whose text or metadata changed, and that are gone. */
  added: string[];
  changed: string[];
  removed: string[];
  /** Raw files left as they were. */
  unchanged: number;
  /** Articles the gazetteer was applied to again because it changed (0 when it did not). */
  retagged: number;
}

/** Why a file in raw/ that is not an article format was left out. */
export const NOT_AN_ARTICLE_FORMAT = 'not .txt, .md, .html, .json or .jsonl';

export function formatOf(file: string): SourceFormat | null {
  const f = file.toLowerCase();
  if (f.endsWith('.meta.json')) return null;
  if (f.endsWith('.txt')) return 'aggregator-page';
  if (f.endsWith('.md') || f.endsWith('.markdown')) return 'markdown';
  if (f.endsWith('.html') || f.endsWith('.htm')) return 'html';
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
    // A .txt that is not an aggregator page is one article, its first line the headline.
    if (!looksLikeAggregatorPage(input.text))
      return [parseTextArticle(input.text, { ...source, format: 'text' }, input.sidecar, knownNames)];
    return parseAggregatorPage(input.text, { source, sidecar: input.sidecar, knownNames });
  }
  if (format === 'markdown') return [parseMarkdownArticle(input.text, source, input.sidecar, knownNames)];
  if (format === 'html') return [parseHtmlArticle(input.text, source, input.sidecar, knownNames)];
  return parseJsonArticles(input.text, source, knownNames);
}

export type Progress = (done: number, total: number, file: string) => void;

export interface IngestedFile {
  /** Filled in as `articles` is read: complete once it is exhausted. */
  report: FileReport;
  /**
   * The file's articles in the order it gives them (`pos`), built one at a
   * time as they are read: a JSON Lines file of ten thousand articles is never
   * held built in memory all at once, only its drafts.
   */
  articles: Iterable<BuiltArticle & { pos: number }>;
}

/** One raw file -> its articles, or null when the file is not an article format (sidecars, stray files). */
export function ingestFile(
  input: RawInput,
  matcher: GazetteerMatcher,
  knownNames: string[],
  known: Set<string>,
  templates?: TemplateLookup,
): IngestedFile | null {
  const format = formatOf(input.file);
  if (!format) return null;
  const drafts = draftsOf(input, format, knownNames);
  const report: FileReport = {
    file: input.file,
    format,
    retrieved: drafts[0]?.source.retrieved ?? input.mtimeDay,
    retrievedFrom: input.sidecar ? 'sidecar' : 'file-mtime',
    articles: [],
    dropped: { boilerplate: 0, headings: 0, bios: 0, duplicates: 0 },
  };
  function* articles(): Generator<BuiltArticle & { pos: number }> {
    for (const [pos, d] of drafts.entries()) {
      const built = buildArticle(d, matcher, known, templates);
      const dropped = built?.dropped ?? { ...d.dropped, duplicates: 0 };
      for (const k of ['boilerplate', 'headings', 'bios', 'duplicates'] as const) report.dropped[k] += dropped[k];
      if (!built) continue;
      report.articles.push(built.article.id);
      yield { ...built, pos };
    }
  }
  return { report, articles: articles() };
}
