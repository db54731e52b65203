// The briefing CLI, in-process for exit codes and output shapes, and once as
// the real bin to prove `npx briefing` works after install.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { REPO, tempData } from '../helpers/temp-data.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';

const paths = tempData(SEED_FILES);

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data', paths.root, ...args], { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefing CLI', () => {
  it('ingests and prints a summary with discoveries', async () => {
    const r = await cli('ingest');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/4 article\(s\)/);
    expect(r.out).toMatch(/Frequent names not in the gazetteer: .*Pokrovsk/);
  });

  it('answers /actor as JSON in the documented shape', async () => {
    const r = await cli('ask', '/actor name:Iran', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: true, command: 'actor', actor: { id: 'iran', name: 'Iran', kind: 'country' } });
    expect(Object.keys(j.quotes[0])).toEqual(expect.arrayContaining(['id', 'text', 'article']));
    expect(Object.keys(j.quotes[0].article)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'author', 'published']));
  });

  it('writes the chart of /timeline and /corridor to a PNG file with --chart, and refuses it for other commands', async () => {
    const file = join(paths.root, 'timeline.png');
    const r = await cli('ask', '/timeline actor:Azerbaijan', '--chart', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Chart written to .*timeline\.png \(\d+ KiB\): Timeline of \d+ dated event\(s\) in 1 lane\(s\) \(Azerbaijan\)/);
    const png = readFileSync(file);
    expect([png.subarray(1, 4).toString('latin1'), png.readUInt32BE(16)]).toEqual(['PNG', 1200]);
    const stances = join(paths.root, 'stances.png');
    expect((await cli('ask', '/corridor name:Zangezur', '--chart', stances)).code).toBe(0);
    expect(readFileSync(stances).subarray(1, 4).toString('latin1')).toBe('PNG');
    const refused = await cli('ask', '/actor name:Iran', '--chart', file);
    expect([refused.code, refused.err]).toEqual([2, expect.stringContaining('/actor has no chart')]);
    const nothing = await cli('ask', '/timeline from:1700 to:1701', '--chart', join(paths.root, 'none.png'));
    expect([nothing.code, existsSync(join(paths.root, 'none.png'))]).toEqual([1, false]);
  });

  it('answers /corridor with a multi-word value and /sources', async () => {
    const c = JSON.parse((await cli('ask', '/corridor name:Crossroads for Peace', '--json')).out);
    expect(c.corridor.name).toBe('Crossroads of Peace');
    const s = JSON.parse((await cli('ask', '/sources', '--json')).out);
    expect(s.articles).toHaveLength(4);
    expect(s.articles[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), title: expect.any(String), passages: expect.any(Number) }),
    );
    expect(s.articles.every((a: { published: string | null }) => a.published === null || /^\d{4}-\d{2}-\d{2}$/.test(a.published))).toBe(
      true,
    );
  });

  it('answers /timeline with every event as JSON, and as text grouped by year', async () => {
    const r = await cli('ask', '/timeline actor:Azerbaijan from:2020 to:2024', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: true, command: 'timeline' });
    expect(Object.keys(j.events[0])).toEqual(expect.arrayContaining(['date', 'quote', 'actors', 'corridors', 'article']));
    expect(Object.keys(j.events[0].date)).toEqual(['start', 'end', 'precision', 'approximate']);
    const all = JSON.parse((await cli('ask', '/timeline', '--json')).out);
    expect(all.events.length).toBeGreaterThan(10); // --json is never paged
    const text = (await cli('ask', '/timeline from:2025', '--limit', '0')).out;
    expect(text).toMatch(/── 2025 ──\nJan 2025\n/);
    expect(text).toContain('about 28 Jul–3 Aug 2025');
    const bad = await cli('ask', '/timeline from:2024 to:2020', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.code).toBe('reversed-range');
  });

  it('prints text with citations and a count of what is left', async () => {
    const r = await cli('ask', '/search query:Pokrovsk', '--limit', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/— Novaya Gazeta Europe · "The fog of war/);
    expect(r.out).toMatch(/… \d+ more quotes/);
  });

  it('exits 1 with a JSON error for a user error', async () => {
    const r = await cli('ask', '/actor name:Qqqqq', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'unknown-actor', message: expect.stringContaining('Qqqqq') } });
    // Search-engine syntax alone: a message, never a stack trace.
    const bad = await cli('ask', '/search query:*');
    expect(bad.code).toBe(1);
    expect(bad.out + bad.err).toMatch(/"\*" has no words to search for/);
    expect(bad.out + bad.err).not.toMatch(/at .*\.[jt]s:\d+/);
  });

  it('exits 2 for bad usage', async () => {
    expect((await cli('ask', '/nope')).code).toBe(2);
    expect((await cli('ask', '/actor')).code).toBe(2);
    expect((await cli('ask', '/actor nam:Iran')).err).toMatch(/has no option "nam"/);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('ask', '/actor name:Iran', '--limit', 'x')).code).toBe(2);
  });

  it('exports every article as one JSON line with its citation, source file and passages in reading order', async () => {
    const r = await cli('export');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    for (const a of lines) {
      expect(Object.keys(a)).toEqual([
        'id',
        'title',
        'outlet',
        'author',
        'authors',
        'published',
        'published_approximate',
        'published_at',
        'url',
        'modified',
        'dateline',
        'source_file',
        'passages',
      ]);
      expect(a.source_file).toBe('000_seed.txt');
      expect(a.dateline).toBeNull();
      expect(a.passages.map((p: { id: string }) => p.id.split('.')[0])).toEqual(a.passages.map(() => a.id));
      expect(Object.keys(a.passages[0])).toEqual(['id', 'text', 'kind', 'credit', 'speech']);
    }
    const ask = JSON.parse((await cli('ask', `/quote id:${lines[0].passages[1].id}`, '--json')).out);
    expect(ask.quote.text).toBe(lines[0].passages[1].text);
    expect(r.err).toContain('4 article(s) exported');
  });

  it('says a usage mistake in one line and where help is, prints its version, and suggests the command meant', async () => {
    const r = await cli('ask', '/actor Iran', '--lmit', '3');
    expect([r.code, r.err]).toEqual([2, 'Unknown option --lmit.\nRun "briefing --help" for the commands and options.']);
    expect((await cli('ingset')).err).toBe(
      'Unknown command "ingset". Did you mean "briefing ingest"?\nRun "briefing --help" for the commands and options.',
    );
    const v = await cli('--version');
    expect([v.code, v.out]).toEqual([0, expect.stringMatching(/^briefing-bot \d+\.\d+\.\d+$/)]);
    const ask = await cli('ask', '/acter name:Iran');
    expect(ask.err).toContain('Unknown command "/acter". Did you mean /actor?');
    expect(ask.err.split('\n')).toHaveLength(2);
  });

  it('exits 1 naming the file when the data folder is missing', async () => {
    const out: string[] = [];
    const code = await runCli(['ask', '/sources', '--data', join(paths.root, 'nowhere')], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      isTty: false,
    });
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(/nowhere\/raw: folder not found/);
  });

  it('ingests, then says why no snapshot could be stored where DATABASE_URL points, and exits 1', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), isTty: false };
    const code = await runCli(['ingest', '--data', paths.root], { ...io, env: { DATABASE_URL: 'postgres://briefing@127.0.0.1:1/none' } });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(
      /no corpus snapshot could be stored in postgres:\/\/briefing@127\.0\.0\.1:1\/none .*ECONNREFUSED.*the next ingest tries again/,
    );
    expect(await runCli(['ingest', '--data', paths.root], { ...io, env: { DATABASE_URL: 'mysql://x' } })).toBe(1);
    expect(err.at(-1)).toMatch(/DATABASE_URL must be sqlite:<path> .* or postgres:\/\//);
  });

  // A process of its own: on a busy test machine it can take several seconds to start and answer.
  it('runs as the installed bin', { timeout: 20000 }, async () => {
    const bin = join(REPO, 'dist/bin/cli.js');
    const out = execFileSync(process.execPath, [bin, 'ask', '/actor name:Pashinyan', '--json', '--data', paths.root], {
      encoding: 'utf8',
      cwd: paths.root, // no .env there: a developer's own must not change the test
    });
    expect(JSON.parse(out).actor.id).toBe('nikol-pashinyan');
  });
});
