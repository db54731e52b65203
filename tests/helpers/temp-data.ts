// Temporary data folders for tests: real files on disk, the real gazetteer,
// removed afterwards.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { dataPaths, type DataPaths } from '../../src/corpus/data-dir.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_PAGE = join(REPO, 'data/raw/000_28f6da302d93ec49.txt');
export const FIXTURES = join(REPO, 'tests/fixtures');

/** Where this run's temporary folders go: one folder the global setup removes at the end. */
export function testTmp(): string {
  return process.env.BRIEFING_TEST_TMP ?? tmpdir();
}

/** A data folder holding the given raw files (name -> content) and the real gazetteer. */
export function tempData(files: Record<string, string>, gazetteer?: string): DataPaths {
  const root = mkdtempSync(join(testTmp(), 'data-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const paths = dataPaths(root);
  writeFiles(paths.raw, files);
  if (gazetteer === undefined) copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
  else writeFileSync(paths.gazetteer, gazetteer);
  return paths;
}

/** Writes each file (name -> content, names may hold folders) under dir. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}
