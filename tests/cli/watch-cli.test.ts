// `briefing watch`: testing a rule against the corpus, and keeping watches in
// the state database (a real SQLite file), with text and JSON answers and the
// exit codes a script can rely on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchCli } from '../../src/cli/watch-cli.js';
import { SEED_FILES } from '../helpers/seed-corpus.js';
import { tempData } from '../helpers/temp-data.js';

const paths = tempData(SEED_FILES);
const env = { DATABASE_URL: `sqlite:${join(paths.root, 'state', 'watch.sqlite')}` };

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await watchCli(['watch', '--data', paths.root, ...args], env, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTty: false,
    envFile: join(paths.root, 'no.env'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';

describe('briefing watch', () => {
  it('tests a watch rule over a period: counts, citations and marked quotes as text or JSON, and a mistake with where', async () => {
    const text = await cli('test', 'actor:Iran "nuclear"', '--since', 'all', '--limit', '1');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Rule: actor:Iran "nuclear"\n1 of 4 article\(s\) in the whole corpus match\n/);
    expect(text.out).toMatch(/\*nuclear\*/);
    const json = JSON.parse((await cli('test', '--since', 'all', '--json', '--', '-football actor:Iran')).out);
    expect(json).toMatchObject({ ok: true, command: 'watch-test', rule: '-football actor:Iran', since: null, scanned: 4 });
    expect(json.matches[0].quotes[0]).toMatchObject({ article: { outlet: expect.any(String) }, matches: expect.any(Array) });
    // Nothing in the seed is from the last seven days.
    expect(JSON.parse((await cli('test', 'actor:Iran', '--json')).out)).toMatchObject({ matched: 0 });

    const bad = await cli('test', 'actor:Iran OR (corridor:Zangezur');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('a bracket is never closed (at character 15)');
    expect((await cli('test')).code).toBe(2);
    const dash = await cli('test', '-football "peace"');
    expect(dash.code).toBe(2);
    expect(dash.err).toContain('goes after --');
  });

  it("keeps a watch: add (the rule checked, kept in canonical form with the gazetteer's names), list, pause, resume, remove", async () => {
    const added = await cli('add', 'actor:Tehran  OR  "nuclear deal"', '--guild', GUILD, '--channel', CHANNEL, '--cap', '3', '--json');
    expect(added.code).toBe(0);
    const { watch } = JSON.parse(added.out);
    expect(watch).toMatchObject({ rule: 'actor:Iran OR "nuclear deal"', hourlyCap: 3, thread: false, status: 'active', guildId: GUILD });
    expect((await cli('pause', watch.id)).out).toBe(`Watch ${watch.id} paused.`);
    const list = await cli('list', '--guild', GUILD);
    expect(list.out).toContain(`${watch.id}  paused  channel ${CHANNEL}  0 this week  cap 3/h`);
    expect(list.out).toContain('actor:Iran OR "nuclear deal"');
    expect(JSON.parse((await cli('list', '--json', '--guild', '999999999999999999')).out)).toEqual({ ok: true, watches: [] });
    await cli('resume', watch.id);
    expect(JSON.parse((await cli('list', '--json')).out).watches[0]).toMatchObject({ id: watch.id, status: 'active', matchedThisWeek: 0 });
    expect((await cli('remove', watch.id)).code).toBe(0);
    const gone = await cli('remove', watch.id);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain(`No watch \`${watch.id}\``);
  });

  it('refuses a bad rule, an unknown name, a bad id and a bad cap, keeping nothing', async () => {
    const bad = await cli('add', 'actor:Irna', '--guild', GUILD, '--channel', CHANNEL);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('No actor called "Irna"');
    expect((await cli('add', 'Iran', '--guild', 'general', '--channel', CHANNEL)).code).toBe(2);
    const cap = await cli('add', 'Iran', '--guild', GUILD, '--channel', CHANNEL, '--cap', '1000');
    expect(cap.err).toContain('from 1 to 100');
    expect(JSON.parse((await cli('list', '--json')).out).watches).toEqual([]);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
