// A data folder this user may read but not write (a mounted volume, a shared
// folder): `briefing ask` answers from the corpus as it was built and says in
// one line that it could not bring it up to date; doctor says so too. Run as
// an unprivileged user when the tests run as root, since root writes anywhere.
import { execFile } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedData } from '../helpers/seed-corpus.js';
import { REPO, testTmp } from '../helpers/temp-data.js';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Read and search, no write, for everyone, all the way down. */
function readOnly(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) readOnly(join(dir, e.name));
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (!statSync(p).isDirectory()) chmodSync(p, 0o444);
  }
  chmodSync(dir, 0o555);
}

function briefing(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(REPO, 'dist/bin/cli.js'), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' }, timeout: 20_000, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) },
      (e, out, err) => done({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err }),
    );
  });
}

/** Whether the unprivileged user can run the built CLI here (a checkout in a private folder it cannot enter, it cannot). */
function otherUserCanRun(): Promise<boolean> {
  if (!asRoot) return Promise.resolve(true);
  return new Promise((done) =>
    execFile(
      process.execPath,
      ['-e', `require('fs').accessSync(${JSON.stringify(join(REPO, 'node_modules/better-sqlite3/package.json'))})`],
      { uid: NOBODY, gid: NOBODY },
      (e) => {
        if (e) console.log(`read-only data test skipped: user ${NOBODY} cannot read ${REPO}`);
        done(!e);
      },
    ),
  );
}

describe.skipIf(process.platform === 'win32')('a read-only data folder', { timeout: 30000 }, () => {
  it('still answers, from the corpus as built, saying in one line why it was not updated; doctor says the same', async (ctx) => {
    if (!(await otherUserCanRun())) return ctx.skip();
    const data = seedData();
    // The run's temporary folder is private to root: the other user needs to pass through it.
    chmodSync(testTmp(), 0o755);
    readOnly(data.root);
    try {
      const r = await briefing(['ask', '/actor name:Iran', '--data', data.root], data.root);
      expect(r.out).toMatch(/^Iran · country · mentioned in 3 article\(s\)/);
      expect(r.err.trim().split('\n')).toEqual([
        expect.stringMatching(/build cannot be written \(EACCES\), so the corpus was not brought up to date with raw\/; answering from it/),
      ]);
      expect(r.code).toBe(0);
      const d = await briefing(['doctor', '--data', data.root], data.root);
      expect(d.out).toMatch(/✗ corpus: .*4 articles, answered as built, but the folder cannot be written/);
      expect(d.out).not.toMatch(/Run "briefing ingest" to build it/);
    } finally {
      // Writable again, so the run's clean-up can remove it.
      for (const dir of [data.root, data.raw, data.build]) chmodSync(dir, 0o755);
    }
  });
});
