// The real discord.js Client against the local Discord emulator: registration,
// autocomplete, every command, paging, /brief threads, hostile input, unknown
// commands, failing reply routes and a gateway reconnect.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredCommands } from '../../src/commands/index.js';
import { chartsIdle } from '../../src/charts/answer-chart.js';
import { deployCli } from '../../src/cli/deploy-cli.js';
import { limitViolations } from '../../src/render/discord/limits.js';
import { testTmp } from '../helpers/temp-data.js';
import { startHarness, type Harness } from './bot-harness.js';
import { CHANNEL_ID, GUILD_ID, OTHER_USER_ID, TOKEN } from './emulator.js';
import { autocomplete, button, slash } from './interactions.js';

const EPHEMERAL = 64;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 30000);
afterAll(async () => {
  await h?.stop();
});

function footer(body: Awaited<ReturnType<Harness['ask']>>): string {
  return body.data.embeds?.[0]?.footer?.text ?? '';
}

// Generous timeouts: a busy 2-core CI machine is slow to schedule sockets, and nothing here asserts speed.
describe('bot against the emulator', { timeout: 20000 }, () => {
  it('identifies with the Guilds intent only and never logs the token', () => {
    expect(h.emulator.gatewayOps.some((o) => o.op === 2)).toBe(true);
    expect(h.logs.join('\n')).not.toContain(TOKEN);
  });

  it('registers every command in a server with deploy-commands and says what it registered', async () => {
    const out: string[] = [];
    const code = await deployCli(
      ['--guild', GUILD_ID],
      { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: h.emulator.apiUrl },
      (t) => out.push(t),
      (t) => out.push(t),
      join(testTmp(), 'no-such.env'), // a developer's own .env must not change the test
    );
    expect(code).toBe(0);
    const put = h.emulator.callsTo('PUT', new RegExp(`/guilds/${GUILD_ID}/commands$`)).at(-1)!;
    expect((put.body as { name: string }[]).map((c) => c.name).sort()).toEqual(registeredCommands.map((c) => c.name).sort());
    expect(out.join('\n')).toMatch(/Registered 12 command\(s\) server \d+: \/actor, /);
  });

  it('autocompletes names by prefix, alias and without diacritics, within 25 choices', async () => {
    const erdo = await h.ask(autocomplete('actor', 'name', 'erdo'));
    expect(erdo.type).toBe(8);
    expect(erdo.data.choices?.[0]?.value).toBe('Recep Tayyip Erdoğan');
    const tehr = await h.ask(autocomplete('actor', 'name', 'tehr'));
    expect(tehr.data.choices?.map((c) => c.value)).toContain('Iran');
    const all = await h.ask(autocomplete('brief', 'topic', ''));
    expect(all.data.choices!.length).toBe(25);
    const corr = await h.ask(autocomplete('timeline', 'corridor', 'zang', { actor: 'Iran' }));
    expect(corr.data.choices?.[0]?.value).toBe('Zangezur Corridor');
  });

  it.each([
    ['actor', { name: 'Iran' }, /Iran/],
    ['corridor', { name: 'Zangezur' }, /What it is/],
    ['timeline', { actor: 'Azerbaijan', from: '2020', to: '2024' }, /dated event/],
    ['search', { query: 'sabotage' }, /matching all terms/],
    ['sources', {}, /4 article/],
    ['quote', { id: '97dcd70d.f53feb' }, /Zangezur/],
  ])('answers /%s in the channel with cited embeds and no mentions', async (name, options, expected) => {
    const body = await h.ask(slash(name, options));
    expect([4, 5]).toContain(body.type); // /search defers, then edits
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(0);
    const embed = body.data.embeds![0]!;
    expect(`${embed.title}\n${embed.description}`).toMatch(expected);
    if (name !== 'sources') expect(embed.description).toMatch(/— \*\*.+\*\* · \*.+\* · .+ · .+ · `[0-9a-f]{8}\.[0-9a-f]{6}`/);
    expect(limitViolations(body.data)).toEqual([]);
  });

  it('attaches the timeline chart and the stance map as PNG files, shown in the first embed; chart:false leaves them out', async () => {
    // The edit that carries the chart: the answer itself, or (on a busy machine) a second edit after it.
    const withFile = (i: ReturnType<typeof slash>) =>
      h.emulator.waitFor(
        () => h.emulator.calls.find((c) => c.method === 'PATCH' && c.path.includes(`/${i.token}/`) && c.files?.length),
        15000,
      );
    for (const [name, options, file] of [
      ['timeline', { actor: 'Azerbaijan' }, 'timeline.png'],
      ['corridor', { name: 'Zangezur' }, 'stances.png'],
    ] as const) {
      // A chart still rendering for an earlier test would make the bot skip this one (as it does under load).
      await h.emulator.waitFor(() => chartsIdle() || undefined, 15000);
      const i = slash(name, options);
      await h.ask(i);
      const edit = await withFile(i);
      const body = { data: edit.body as Parameters<typeof limitViolations>[0] & { allowed_mentions: unknown } };
      expect(body.data.embeds![0]!.image?.url).toBe(`attachment://${file}`);
      expect(body.data.allowed_mentions).toEqual({ parse: [] });
      // Sent as multipart, as Discord takes attachments: the PNG itself, with its stated size.
      const png = edit.files![0]!;
      expect(png.filename).toBe(file);
      expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.bytes.readUInt32BE(16)).toBe(1200);
      expect(png.bytes.length).toBeLessThan(1024 * 1024);
      expect(limitViolations(body.data)).toEqual([]);
    }
    const plain = slash('timeline', { actor: 'Azerbaijan', chart: false });
    const body = await h.ask(plain);
    expect(body.data.embeds![0]!.image).toBeUndefined();
    expect(h.callbacksOf(plain)[0]!.files).toBeUndefined();
  });

  it('answers privately with private:true', async () => {
    const body = await h.ask(slash('actor', { name: 'Iran', private: true }));
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('pages with buttons that carry the command and page, for the asker and for others', async () => {
    const first = await h.ask(slash('actor', { name: 'Iran' }));
    expect(footer(first)).toMatch(/^Page 1\/\d+ · \/actor name:Iran$/);
    const row = first.data.components![0] as { components: { custom_id: string; disabled?: boolean }[] };
    const [prev, next] = row.components;
    expect(prev!.disabled).toBe(true);
    const message = h.emulator.messages.get([...h.emulator.messages.keys()].filter((k) => k.startsWith('original:')).at(-1)!)!;
    const turned = await h.ask(button(next!.custom_id, message));
    expect(turned.type).toBe(7); // update in place
    expect(footer(turned)).toMatch(/^Page 2\/\d+ · /);
    expect(turned.data.embeds![0]!.description).not.toBe(first.data.embeds![0]!.description);
    const someoneElse = await h.ask(button(next!.custom_id, message, { user: OTHER_USER_ID }));
    expect(someoneElse.type).toBe(4);
    expect((someoneElse.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('keeps answering others while Discord holds one reply: no interaction waits behind a slow one', async () => {
    const slow = slash('actor', { name: 'Iran' });
    h.emulator.holdReplies('POST', new RegExp(`^/interactions/${slow.id}/`), 1500);
    h.emulator.inject(slow);
    const started = Date.now();
    const fast = await h.ask(slash('actor', { name: 'Armenia' }));
    expect(fast.type).toBe(4);
    expect(Date.now() - started).toBeLessThan(1000);
    // The held reply still arrives, once.
    await h.emulator.waitFor(() => h.callbacksOf(slow).some((c) => c.status === 204 || c.status === 200), 5000);
    expect(h.callbacksOf(slow)).toHaveLength(1);
  });

  it('tells only the presser when a page button re-runs a command that now fails, leaving the shared message as it is', async () => {
    const message = [...h.emulator.messages.values()][0]!;
    const before = h.emulator.calls.filter((c) => c.method === 'PATCH').length;
    const body = await h.ask(button('pg:1:/timeline from:2025-13-45', message));
    expect(body.type).toBe(4);
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/2025-13-45/);
    expect(h.emulator.calls.filter((c) => c.method === 'PATCH').length).toBe(before);
  });

  it('answers a stale or foreign button instead of leaving it spinning', async () => {
    const message = [...h.emulator.messages.values()][0]!;
    const body = await h.ask(button('something-else', message));
    expect(body.data.content).toMatch(/no longer works/);
  });

  it('/brief posts the briefing and opens a public thread on it', async () => {
    const body = await h.ask(slash('brief', { topic: 'Zangezur' }));
    expect(body.type).toBe(4);
    expect(body.data.embeds![0]!.title).toBe('Briefing: Zangezur Corridor');
    const thread = await h.emulator.waitFor(() =>
      h.emulator.callsTo('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages/\\d+/threads$`)).at(-1),
    );
    expect((thread.body as { name: string }).name).toMatch(/^Briefing: Zangezur Corridor · \d{4}-\d{2}-\d{2}$/);
    const starter = await h.emulator.waitFor(() =>
      h.emulator.calls.find((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.at >= thread.at),
    );
    expect((starter.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('/brief names the permissions it lacks, privately', async () => {
    const sendOnly = String((1n << 10n) | (1n << 11n) | (1n << 14n)); // View Channel, Send Messages, Embed Links
    const body = await h.ask(slash('brief', { topic: 'Iran' }, { appPermissions: sendOnly }));
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/Create Public Threads, Send Messages in Threads/);
  });

  it.each([['Iran:'], ['*'], ['@everyone'], ['<@&123456789012345678>'], ['x'.repeat(3000)], ['Iran\u0000\u0007\u202e'], ['Путин']])(
    'answers hostile input %#, pinging no one',
    async (value) => {
      for (const [name, option] of [
        ['search', 'query'],
        ['actor', 'name'],
        ['timeline', 'from'],
      ] as const) {
        const body = await h.ask(slash(name, { [option]: value }));
        expect([4, 5]).toContain(body.type);
        expect(body.data.allowed_mentions).toEqual({ parse: [] });
        expect(limitViolations(body.data)).toEqual([]);
        // A user's mistake is shown to them alone, even after a public deferral.
        if (body.data.content?.startsWith('⚠️')) expect((body.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      }
    },
  );

  it('answers an unknown command privately', async () => {
    const body = await h.ask(slash('weather', { city: 'Baku' }));
    expect(body.data.content).toMatch(/not a command of this bot/);
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('still answers when the reply route fails once with a 500', async () => {
    h.emulator.fault('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 500, { message: 'Internal Server Error', code: 0 });
    const i = slash('actor', { name: 'Iran' });
    const body = await h.ask(i);
    expect(body.type).toBe(4);
    expect(h.callbacksOf(i).map((c) => c.status)).toEqual([500, 204]);
  });

  it('still answers when the reply route is rate limited once with a 429', async () => {
    h.emulator.fault(
      'POST',
      /^\/interactions\/\d+\/[^/]+\/callback$/,
      429,
      { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      1,
      { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
    );
    const i = slash('corridor', { name: 'Aras' });
    const body = await h.ask(i);
    expect(body.type).toBe(4);
    expect(h.callbacksOf(i).map((c) => c.status)).toEqual([429, 204]);
  });

  it('says so privately when the briefing is posted but the thread cannot be opened', async () => {
    h.emulator.fault('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/, 403, { message: 'Missing Permissions', code: 50013 });
    const i = slash('brief', { topic: 'Iran' });
    await h.ask(i);
    const note = await h.emulator.waitFor(() =>
      h.emulator.calls.find((c) => c.method === 'POST' && c.path.startsWith('/webhooks/') && c.path.endsWith(`/${i.token}`)),
    );
    expect((note.body as { content: string; flags: number }).content).toMatch(/could not open a thread/);
    expect((note.body as { flags: number }).flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('logs an unexpected failure with the command and options, and still tells the user', async () => {
    h.emulator.fault('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 404, { message: 'Unknown interaction', code: 10062 });
    const i = slash('actor', { name: 'Pashinyan' });
    const body = await h.ask(i);
    expect(body.data.content).toMatch(/Something went wrong/);
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.logs.join('\n')).toMatch(
      new RegExp(
        `interaction failed: .*Unknown interaction[\\s\\S]*"interaction":"${i.id}","command":"actor","options":\\{"name":"Pashinyan"\\}`,
      ),
    );
  });

  it('reconnects and resumes when the gateway asks (op 7), then keeps answering', async () => {
    const resumesBefore = h.emulator.gatewayOps.filter((o) => o.op === 6).length;
    h.emulator.requestReconnect();
    await h.emulator.waitFor(() => h.emulator.gatewayOps.filter((o) => o.op === 6).length > resumesBefore, 10000);
    const body = await h.ask(slash('sources'));
    expect(body.type).toBe(4);
  });
});
