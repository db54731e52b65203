// A corpus file that was published to Postgres by an earlier version carries
// triggers recording every change for the publish. The next ingest drops them
// and their tables, so no write pays for them any more.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { corpusFile } from '../../src/corpus/db/corpus-db.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { tempData } from '../helpers/temp-data.js';

describe('a corpus file published by an earlier version', () => {
  it('loses its publish triggers and their tables at the next ingest, and keeps its articles', () => {
    const paths = tempData(SEED_FILES);
    const first = buildCorpus(paths);
    const db = new Database(corpusFile(paths.build));
    db.exec(`CREATE TABLE publish_clock (n INTEGER NOT NULL);
      CREATE TABLE publish_articles (article INTEGER PRIMARY KEY, at INTEGER NOT NULL);
      CREATE TRIGGER publish_articles_insert AFTER INSERT ON articles BEGIN
        INSERT INTO publish_articles (article, at) VALUES (new.rowid, 1) ON CONFLICT DO NOTHING;
      END;`);
    db.close();
    writeFileSync(
      join(paths.raw, 'late.md'),
      '---\ntitle: A later note on Lachin\noutlet: Test Gazette\n---\n\nArmenia said the Lachin road reopened.\n',
    );
    const again = buildCorpus(paths);
    expect(again.articles).toBe(first.articles + 1);
    const after = new Database(corpusFile(paths.build), { readonly: true });
    const left = after.prepare(`SELECT type, name FROM sqlite_master WHERE name LIKE 'publish%'`).all();
    after.close();
    expect(left).toEqual([]);
  });
});
