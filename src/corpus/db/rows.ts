// Database rows -> the plain Article and Passage values answers are made of.
import type { Article, ArticleDateline, Passage } from '../records.js';

export interface ArticleRow {
  rowid: number;
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  published_approximate: number;
  published_text: string | null;
  published_at: string | null;
  modified: string | null;
  dateline?: string | null;
  url: string | null;
  tags: string;
  file: string;
  format: Article['source']['format'];
  retrieved: string;
  retrieved_from: Article['source']['retrievedFrom'];
  passages: number;
}

export interface PassageRow {
  rowid: number;
  id: string;
  article_id: string;
  seq: number;
  kind: Passage['kind'];
  text: string;
  credit: string | null;
  actors: string;
  corridors: string;
  dates: string;
  speech?: string | null;
}

export function articleFromRow(r: ArticleRow): Article {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    author: r.author,
    published: r.published,
    publishedApproximate: r.published_approximate === 1,
    publishedText: r.published_text,
    publishedAt: r.published_at,
    modified: r.modified ?? null,
    dateline: r.dateline ? (JSON.parse(r.dateline) as ArticleDateline) : null,
    url: r.url,
    tags: JSON.parse(r.tags) as string[],
    source: { file: r.file, format: r.format, retrieved: r.retrieved, retrievedFrom: r.retrieved_from },
    passages: r.passages,
  };
}

export function passageFromRow(r: PassageRow): Passage {
  return {
    id: r.id,
    articleId: r.article_id,
    seq: r.seq,
    kind: r.kind,
    text: r.text,
    ...(r.credit !== null ? { credit: r.credit } : {}),
    actors: JSON.parse(r.actors) as Passage['actors'],
    corridors: JSON.parse(r.corridors) as Passage['corridors'],
    dates: JSON.parse(r.dates) as Passage['dates'],
    speech: r.speech ? (JSON.parse(r.speech) as Passage['speech']) : null,
  };
}
