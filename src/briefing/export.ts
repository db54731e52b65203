// `briefing export`: the whole corpus as one JSON object per article, for
// analysts' own tools and for the extraction benchmarks. Read a page of
// articles at a time, so memory does not grow with the corpus. The keys are a
// contract: later work adds fields, never renames one.
import type { Corpus } from '../corpus/corpus.js';
import type { Article, ArticleDateline, Passage } from '../corpus/records.js';
import { type ActorNames, articleRef, quoteSpeech } from './quotes.js';
import type { ArticleRef, QuoteSpeech } from './answer-types.js';

export interface ExportedPassage {
  id: string;
  text: string;
  kind: Passage['kind'];
  /** A photo caption's credit, else null. */
  credit: string | null;
  /** Whose words it reports, as in a quote's JSON; null when it reports no one's. */
  speech: QuoteSpeech | null;
}

export interface ExportedArticle extends ArticleRef {
  /** YYYY-MM-DD the page says it was last changed, when not the day it was published; else null. */
  modified: string | null;
  /** Where and when a wire report was filed, as its dateline says; null when it opens with none. */
  dateline: ArticleDateline | null;
  /** Its file, as a path under raw/. */
  source_file: string;
  /** Its quotable passages in reading order. */
  passages: ExportedPassage[];
}

const PAGE = 200;

export function exportedArticle(a: Article, passages: readonly Passage[], actorName: ActorNames = () => undefined): ExportedArticle {
  return {
    ...articleRef(a),
    modified: a.modified,
    dateline: a.dateline,
    source_file: a.source.file,
    passages: passages.map((p) => ({
      id: p.id,
      text: p.text,
      kind: p.kind,
      credit: p.credit ?? null,
      speech: quoteSpeech(p, actorName),
    })),
  };
}

/** Every article with its passages, newest first (undated last), a page at a time. */
export async function* exportCorpus(corpus: Corpus): AsyncGenerator<ExportedArticle> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await corpus.articles(offset, PAGE);
    for (const a of page) yield exportedArticle(a, await corpus.passagesOf(a.id), (id) => corpus.actor(id)?.name);
    if (page.length < PAGE) return;
  }
}
