// Before any test: build dist/, and make one temporary folder for the whole run.
//
// Tests that start `briefing` as a process, and the corpus's ingest worker thread, run the compiled
// JavaScript in dist/: building it here means they never run code older than the source, however the
// tests are started (npm test, or vitest on one file). tsc builds incrementally, so an unchanged tree
// costs about a second.
//
// The temporary folder is removed at the end, with everything the helpers made inside it, so nothing is
// left in the system's temp folder, even when a test fails before its own cleanup runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', REPO], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`The TypeScript build failed, so no test ran:\n${stdout}${stderr}`);
  }
  const root = mkdtempSync(join(tmpdir(), 'briefing-tests-'));
  process.env.BRIEFING_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
