// The seed page ingested into a temporary data folder, as `briefing ingest` would.
//
// Ingesting the seed page costs about 0.2 s of CPU, and a run of the suite needed it about fifty
// times (every bot, every process started on a data folder). So each test worker ingests it once, into
// a template folder, and every seed data folder after that gets a copy of the template's database
// beside the same raw files with the same modification times: the ingest that opening it runs finds
// nothing to read. Tests of ingest itself build from the raw files (tempData(SEED_FILES)).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import { dataPaths, type DataPaths } from '../../src/corpus/data-dir.js';
import { corpusFile } from '../../src/corpus/db/corpus-db.js';
import { REPO, SEED_PAGE, tempData, testTmp, writeFiles } from './temp-data.js';

export const SEED_FILES = {
  '000_seed.txt': readFileSync(SEED_PAGE, 'utf8'),
  '000_seed.meta.json': JSON.stringify({ retrieved: '2025-08-06' }),
};

let template: { build: string; mtime: number } | undefined;

/** This worker's template: the seed built once (in the run's temporary folder, removed with it). */
function seedTemplate(): { build: string; mtime: number } {
  if (template) return template;
  const paths = dataPaths(mkdtempSync(join(testTmp(), 'seed-template-')));
  writeFiles(paths.raw, SEED_FILES);
  copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
  // Whole seconds: the ingest compares modification times to the millisecond, and copies must match exactly.
  const mtime = Math.floor(Date.now() / 1000);
  for (const name of Object.keys(SEED_FILES)) utimesSync(join(paths.raw, name), mtime, mtime);
  buildCorpus(paths);
  template = { build: paths.build, mtime };
  return template;
}

/** A data folder holding the seed (and any extra raw files, ingested when it is opened), already built. */
export function seedData(extra: Record<string, string> = {}): DataPaths {
  const { build, mtime } = seedTemplate();
  const paths = tempData({ ...SEED_FILES, ...extra });
  for (const name of Object.keys(SEED_FILES)) if (!(name in extra)) utimesSync(join(paths.raw, name), mtime, mtime);
  mkdirSync(paths.build, { recursive: true });
  copyFileSync(corpusFile(build), corpusFile(paths.build));
  return paths;
}

export function seedCorpus(extra: Record<string, string> = {}): { corpus: Corpus; paths: DataPaths } {
  const paths = seedData(extra);
  return { corpus: openCorpus(paths), paths };
}
