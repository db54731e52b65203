// Markdown and JSON inputs, stable ids, and the retrieval-date fallback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { contents } from '../helpers/corpus-contents.js';
import { FIXTURES, tempData } from '../helpers/temp-data.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';

const md = readFileSync(join(FIXTURES, 'markdown-article.md'), 'utf8');
const jsonl = readFileSync(join(FIXTURES, 'articles.jsonl'), 'utf8');

describe('other inputs', async () => {
  const paths = tempData({ 'a.md': md, 'b.jsonl': jsonl });
  const { report } = buildCorpus(paths);
  const corpus = await contents(openCorpus(paths));
  const article = (title: string) => corpus.articles.find((a) => a.title === title)!;
  const texts = (id: string) => corpus.passages.filter((p) => p.articleId === id);

  it('reads Markdown front matter and skips headings and code', async () => {
    const a = article('Yerevan weighs the Crossroads of Peace');
    expect(a).toMatchObject({
      outlet: 'Test Gazette',
      author: 'Ani Petrosyan',
      published: '2025-07-20',
      url: 'https://example.org/crossroads',
      tags: ['Armenia', 'transit'],
    });
    const ps = texts(a.id);
    expect(ps.map((p) => p.text).join(' ')).not.toMatch(/Funding|code is not quotable/);
    expect(ps.find((p) => p.kind === 'caption')).toMatchObject({
      text: 'Trucks at the Meghri border crossing, 2 July 2025',
      credit: 'Test Agency',
    });
    expect(ps.some((p) => p.text === 'Officials in Yerevan say the first section could open in 2026.')).toBe(true);
  });

  it('reads JSON Lines records with paragraphs and captions', async () => {
    const a = article('Kyiv counts the cost');
    expect(a).toMatchObject({ outlet: 'Test Wire', author: 'O. Ivanenko', published: '2025-07-29' });
    expect(texts(a.id).map((p) => p.kind)).toEqual(['body', 'body', 'caption']);
    expect(article('A quiet week in Minsk').author).toBeNull();
  });

  it('says when the retrieval date comes from the file time', async () => {
    expect(report.files.every((f) => f.retrievedFrom === 'file-mtime')).toBe(true);
  });
});

const built = (files: Record<string, string>) => contents(openCorpus(tempData(files)));

describe('stable ids', () => {
  it('gives the same ids for the same input, and adding an article changes none', async () => {
    const one = await built(SEED_FILES);
    const two = await built(SEED_FILES);
    const more = await built({ ...SEED_FILES, 'z.md': md });
    const ids = one.passages.map((p) => p.id);
    expect(two.passages.map((p) => p.id)).toEqual(ids);
    const moreIds = new Set(more.passages.map((p) => p.id));
    expect(ids.every((id) => moreIds.has(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps one copy of an article that two files both contain', async () => {
    const paths = tempData({ ...SEED_FILES, '001_again.txt': SEED_FILES['000_seed.txt'] });
    const { report } = buildCorpus(paths);
    expect((await contents(openCorpus(paths))).articles).toHaveLength(4);
    expect(report.merged).toHaveLength(4);
  });
});
