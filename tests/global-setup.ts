// One temporary folder for the whole test run, removed at its end. Helpers
// make their folders inside it, so nothing is left in the system's temp
// folder, even when a test fails before its own cleanup runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'briefing-tests-'));
  process.env.BRIEFING_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
