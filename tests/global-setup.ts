// Before any test: build dist/ (and its bundle, dist/bin), and make one temporary folder for the whole run.
//
// Tests that start `briefing` as a process, and the corpus's ingest worker thread, run the compiled
// JavaScript in dist/: building it here means they never run code older than the source, however the
// tests are started (npm test, or vitest on one file). When no source file is newer than the last
// build, tsc is not even started (it costs two seconds to find nothing to do); otherwise it builds
// incrementally.
//
// The temporary folder is removed at the end, with everything the helpers made inside it, so nothing is
// left in the system's temp folder, even when a test fails before its own cleanup runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time of the TypeScript sources and the build's settings. */
function newestSource(): number {
  let newest = statSync(join(REPO, 'tsconfig.json')).mtimeMs;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['src', 'tests']) walk(join(REPO, d));
  return newest;
}

/**
 * Touched after a build that passed the type check (here, or by `npm run build`, which `npm install`
 * runs): a failed one never counts as current. So the first `npm test` after an install starts no tsc.
 */
const BUILT = join(REPO, 'dist', '.built-ok');

function buildIsCurrent(): boolean {
  return existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource();
}

export default function setup(): () => void {
  if (!buildIsCurrent()) {
    rmSync(BUILT, { force: true });
    const require = createRequire(import.meta.url);
    // As `npm run build` does: tsc, then the processes' entry points bundled into dist/bin (rolldown.config.mjs).
    const steps = [
      ['TypeScript build', [require.resolve('typescript/bin/tsc'), '-p', REPO]],
      [
        'bundle',
        [join(dirname(require.resolve('rolldown/package.json')), 'bin/cli.mjs'), '-c', 'rolldown.config.mjs', '--logLevel', 'warn'],
      ],
    ] as const;
    for (const [name, args] of steps)
      try {
        execFileSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
      } catch (e) {
        const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
        throw new Error(`The ${name} failed, so no test ran:\n${stdout}${stderr}`);
      }
    writeFileSync(BUILT, new Date().toISOString());
  }
  const root = mkdtempSync(join(tmpdir(), 'briefing-tests-'));
  process.env.BRIEFING_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
