// What every input format produces: an article's metadata and its sentences,
// before passages, ids and entity tags are made.
import type { DropCounts } from './article-layout.js';
import type { LayoutItem } from './layout-item.js';
import type { ArticleDateline, SourceFormat } from '../records.js';
import type { PublishedDate } from './published-date.js';

export type { SourceFormat };

export interface ArticleSource {
  /** Path relative to the raw folder. */
  file: string;
  format: SourceFormat;
  /** YYYY-MM-DD: when the file was captured, for resolving relative dates. */
  retrieved: string;
  retrievedFrom: 'sidecar' | 'file-mtime';
}

export interface ArticleDraft {
  title: string;
  outlet: string | null;
  author: string | null;
  published: PublishedDate | null;
  /** When the page says it was last changed, if it says (web pages). */
  modified?: PublishedDate | null;
  /** The wire dateline the text opened with (text formats). */
  dateline?: ArticleDateline | null;
  url: string | null;
  tags: string[];
  items: LayoutItem[];
  dropped: DropCounts;
  source: ArticleSource;
}
