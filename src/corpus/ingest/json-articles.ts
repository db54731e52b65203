// Article records in JSON (one record, an array, or { "articles": [...] }) and
// JSON Lines (one record a line). See articleRecordSchema for the fields.
import { fromZodError, parseJsonFile } from '../data-file-error.js';
import { articleRecordSchema, type ArticleRecord } from '../schema.js';
import type { ArticleDraft, ArticleSource } from './article-draft.js';
import { statedArticle } from './stated-article.js';

export function parseJsonArticles(text: string, source: ArticleSource, knownNames: string[]): ArticleDraft[] {
  const records: { value: unknown; where: string }[] = [];
  if (source.format === 'jsonl') {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim()) records.push({ value: parseJsonFile(source.file, line, `line ${i + 1}: `), where: `line ${i + 1}: ` });
    });
  } else {
    const value = parseJsonFile(source.file, text);
    const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.articles) ? value.articles : [value];
    list.forEach((v: unknown, i: number) => {
      records.push({ value: v, where: list.length > 1 || Array.isArray(value) ? `[${i}].` : '' });
    });
  }
  return records.map(({ value, where }) => {
    const parsed = articleRecordSchema.safeParse(value);
    if (!parsed.success) throw fromZodError(source.file, parsed.error, where);
    return recordToDraft(parsed.data, source, knownNames);
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function recordToDraft(r: ArticleRecord, source: ArticleSource, knownNames: string[]): ArticleDraft {
  const body = Array.isArray(r.body) ? r.body : r.body.split(/\n\s*\n/);
  // A caption without a credit still gets the marker, so the caption rules classify it.
  const captions = (r.captions ?? []).map((c) => (/\b(Photo|Image|Credit)s?:/.test(c) ? c : `${c} Photo:`));
  const paragraphs = [...body, ...captions].map((p) => p.trim()).filter(Boolean);
  return statedArticle(r, paragraphs, source, knownNames);
}
