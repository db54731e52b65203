// The seed page ingested into a temporary data folder, as `briefing ingest` would.
import { readFileSync } from 'node:fs';
import { openCorpus } from '../../src/corpus/build-store.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import type { DataPaths } from '../../src/corpus/data-dir.js';
import { SEED_PAGE, tempData } from './temp-data.js';

export const SEED_FILES = {
  '000_seed.txt': readFileSync(SEED_PAGE, 'utf8'),
  '000_seed.meta.json': JSON.stringify({ retrieved: '2025-08-06' }),
};

export function seedCorpus(extra: Record<string, string> = {}): { corpus: Corpus; paths: DataPaths } {
  const paths = tempData({ ...SEED_FILES, ...extra });
  return { corpus: openCorpus(paths), paths };
}
