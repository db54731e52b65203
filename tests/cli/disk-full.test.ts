// A full disk under the data folder, as a real process meets it (a small
// tmpfs mounted for the test; skipped where mounting is not allowed): ingest
// says so in one line and exits 1, and start warns, once, that it answers
// from the corpus as it was built.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData, SEED_FILES } from '../helpers/seed-corpus.js';
import { REPO, testTmp, writeFiles } from '../helpers/temp-data.js';

let mount: string | null = null;

/** Fills the small disk until only `bytes` are free. */
function leaveFree(bytes: number, name: string): void {
  const { bavail, bsize } = statfsSync(mount!);
  writeFileSync(join(mount!, name), Buffer.alloc(Math.max(0, bavail * bsize - bytes)));
}

beforeAll(() => {
  const dir = mkdtempSync(join(testTmp(), 'full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    mount = dir;
  } catch {
    console.log('full-disk test skipped: a small tmpfs cannot be mounted here (it needs root)');
  }
});
afterAll(() => {
  if (mount) execFileSync('umount', [mount]);
});

function briefing(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(REPO, 'dist/bin/cli.js'), ...args],
      { cwd: testTmp(), env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
      (e, out, err) => done({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err }),
    );
  });
}

describe('a full disk', { timeout: 30000 }, () => {
  it('stops ingest with one clear line and exit 1, no stack trace', async (ctx) => {
    if (!mount) return ctx.skip();
    const root = join(mount, 'ingest');
    writeFiles(join(root, 'raw'), SEED_FILES);
    copyFileSync(join(REPO, 'data/gazetteer.json'), join(root, 'gazetteer.json'));
    leaveFree(200 * 1024, 'filler-ingest');
    const r = await briefing(['ingest', '--data', root]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^Error: .*build: the disk is full \((?:SQLITE_FULL|ENOSPC)\); the corpus keeps what was read/),
    ]);
    rmSync(root, { recursive: true, force: true });
    rmSync(join(mount, 'filler-ingest'));
  });

  it('makes start warn, at WARN, that it answers from the corpus as built', async (ctx) => {
    if (!mount) return ctx.skip();
    // A built corpus on the small disk, a new article to ingest, and the rest of the disk filled.
    const seed = seedData();
    const root = join(mount, 'start');
    mkdirSync(join(root, 'build'), { recursive: true });
    copyFileSync(join(seed.build, 'corpus.sqlite'), join(root, 'build', 'corpus.sqlite'));
    writeFiles(join(root, 'raw'), { ...SEED_FILES, 'new.md': `# Talks in Baku\n\n${'Armenia and Azerbaijan met in Baku. '.repeat(400)}` });
    copyFileSync(join(REPO, 'data/gazetteer.json'), join(root, 'gazetteer.json'));
    leaveFree(0, 'filler-start');
    const r = await briefing(['start'], { DATA_DIR: root, DATABASE_URL: `sqlite:${join(testTmp(), 'full-state.sqlite')}` });
    const lines = r.err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: string; msg: string });
    const full = lines.filter((l) => /full/.test(l.msg));
    expect(full).toEqual([
      {
        ...full[0],
        level: 'warn',
        msg: expect.stringMatching(
          /the disk holding .*build is full, so the corpus was not brought up to date with raw\/; answering from it as it was built/,
        ),
      },
    ]);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
