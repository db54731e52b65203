// Invalid or corrupt data files get one clear message naming the file and the field.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { DataFileError } from '../../src/corpus/data-file-error.js';
import { FIXTURES, REPO, tempData } from '../helpers/temp-data.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { contents } from '../helpers/corpus-contents.js';

function failure(run: () => unknown): DataFileError {
  try {
    run();
  } catch (e) {
    if (e instanceof DataFileError) return e;
    throw e;
  }
  throw new Error('expected a DataFileError');
}

const gazetteer = readFileSync(join(REPO, 'data/gazetteer.json'), 'utf8');

describe('bad data files', () => {
  it('names the gazetteer and the field that is wrong', async () => {
    const g = JSON.parse(gazetteer);
    g.actors[3].kind = 'planet';
    const e = failure(() => buildCorpus(tempData(SEED_FILES, JSON.stringify(g))));
    expect(e.message).toMatch(/gazetteer\.json: actors\[3\]\.kind: /);
  });

  it('finds two entries sharing a name the way lookups compare names (ı, ə, possessives folded)', async () => {
    const g = JSON.parse(gazetteer);
    g.actors.push({ id: 'baku-city', name: 'Bakı', kind: 'organisation', aliases: [], adjectives: [] });
    g.actors.push({ id: 'baki-club', name: "Baki's", kind: 'organisation', aliases: [], adjectives: [] });
    const e = failure(() => buildCorpus(tempData(SEED_FILES, JSON.stringify(g))));
    expect(e.message).toMatch(/"Baki's" already names "baku-city"/);
  });

  it('names the line of a gazetteer that is not JSON', async () => {
    const e = failure(() => buildCorpus(tempData(SEED_FILES, '{\n "version": 1,\n "actors": [,]\n}')));
    expect(e.message).toMatch(/gazetteer\.json: invalid JSON at line 3/);
  });

  it('names a bad sidecar field', async () => {
    const e = failure(() => buildCorpus(tempData({ ...SEED_FILES, '000_seed.meta.json': '{"retrieved":"last week"}' })));
    expect(e.message).toMatch(/000_seed\.meta\.json: retrieved: expected a date/);
  });

  it('names the line and field of a bad JSON Lines record', async () => {
    const e = failure(() =>
      buildCorpus(tempData({ 'a.jsonl': '{"title":"T","outlet":"O","body":"Text here."}\n{"title":"T2","body":"x"}\n' })),
    );
    expect(e.message).toMatch(/a\.jsonl: line 2: outlet: /);
  });

  it('reads a Markdown file without front matter as an article, its heading the title; refuses one that holds no text', async () => {
    const paths = tempData({
      'a.md': '# Talks in Yerevan\n\nBy Ani Petrosyan\n\nPublished on Feb 27, 2026\n\nArmenia and Azerbaijan met in Yerevan.',
    });
    const { articles, passages } = await contents(openCorpus(paths));
    expect(articles).toMatchObject([{ title: 'Talks in Yerevan', author: 'Ani Petrosyan', published: '2026-02-27' }]);
    expect(passages.map((p) => p.text)).toEqual(['Armenia and Azerbaijan met in Yerevan.']);
    const e = failure(() => buildCorpus(tempData({ 'b.md': '# Just a heading' })));
    expect(e.message).toMatch(/b\.md: no article text/);
  });

  it('rebuilds a corrupt database file from raw/ with one log line, and keeps ids', async () => {
    const paths = tempData(SEED_FILES);
    const first = openCorpus(paths);
    const ids = (await contents(first)).passages.map((p) => p.id);
    first.close();
    for (const f of ['corpus.sqlite-wal', 'corpus.sqlite-shm']) rmSync(join(paths.build, f), { force: true });
    writeFileSync(join(paths.build, 'corpus.sqlite'), 'SQLite format 3\u0000 but then garbage '.repeat(200));
    const log: string[] = [];
    const again = openCorpus(paths, (l) => log.push(l));
    expect(log.filter((l) => /corpus\.sqlite: .*rebuilding it from raw/.test(l))).toHaveLength(1);
    expect((await contents(again)).passages.map((p) => p.id)).toEqual(ids);
    again.close();
  });

  it('rebuilds a database from an older schema, and skips a file too big to be an article', async () => {
    const paths = tempData({ ...SEED_FILES, 'huge.md': `---\ntitle: Huge\noutlet: X\n---\n\n${'Iran said so. '.repeat(200_000)}` });
    const first = openCorpus(paths);
    expect((await first.size()).articles).toBe(4);
    first.close();
    const db = new Database(join(paths.build, 'corpus.sqlite'));
    db.pragma('user_version = 0');
    db.close();
    const log: string[] = [];
    const again = openCorpus(paths, (l) => log.push(l));
    expect(log.join('\n')).toMatch(/corpus\.sqlite: it has corpus schema 0, this version uses \d+; rebuilding it from raw\//);
    expect(log.join('\n')).toMatch(/skipped huge\.md: 2\.7 MB is over the 2 MB a file of this kind may have/);
    expect((await again.size()).articles).toBe(4);
    again.close();
  });

  it('updates with one log line when a raw file is added, and says nothing otherwise', async () => {
    const paths = tempData(SEED_FILES);
    const log: string[] = [];
    openCorpus(paths, (l) => log.push(l)).close();
    log.length = 0;
    openCorpus(paths, (l) => log.push(l)).close();
    expect(log).toEqual([]);
    writeFileSync(join(paths.raw, 'extra.md'), readFileSync(join(FIXTURES, 'markdown-article.md')));
    const c = openCorpus(paths, (l) => log.push(l));
    expect(log).toEqual(['corpus updated from raw/: 1 new article(s)']);
    expect((await c.size()).articles).toBe(5);
    c.close();
  });
});
