// The Interactions Endpoint (`briefing serve`) over real HTTP: Discord's signed
// POSTs, answered in the response, deferred answers sent to the emulator over
// REST. Requests are signed with a key made here, as Discord signs with its own.
import { generateKeyPairSync, sign } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { APIInteraction, APIInteractionResponse, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { HEADERS_TIMEOUT_MS, interactionsServer, REQUEST_TIMEOUT_MS, restCalls } from '../../src/discord/http/interactions-server.js';
import { makeLogger } from '../../src/logger.js';
import { serve } from '../../src/app/serve.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { REPO, tempData } from '../helpers/temp-data.js';
import { writeFileSync } from 'node:fs';
import type { FeedsInteractionDeps } from '../../src/commands/feeds-subcommands.js';
import { tempStore } from '../helpers/temp-store.js';
import type { Config } from '../../src/config.js';
import { digestScheduler } from '../../src/app/digest-schedule.js';
import { renderDigest } from '../../src/render/discord/digest-render.js';
import { APP_ID, CHANNEL_ID, DiscordEmulator, snowflake, TOKEN } from './emulator.js';
import { ALL_PERMISSIONS, autocomplete, button, digestSlash, slash, subcommandSlash } from './interactions.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PUBLIC_HEX = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const signed = (body: string, ts: string, key = privateKey) => sign(null, Buffer.from(ts + body), key).toString('hex');
const nowTs = () => String(Math.floor(Date.now() / 1000));

const emulator = new DiscordEmulator();
const { corpus } = seedCorpus();
let base = '';
let healthy = true;
const logs: string[] = [];
// Two replicas on one state database, as behind a load balancer.
const { store } = tempStore();
// The emulator first: /digest's scheduler posts to it as the bot.
await emulator.start();
const digest = {
  store,
  scheduler: digestScheduler(
    { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: emulator.apiUrl, DIGEST_CATCH_UP_GRACE_SECONDS: 3600 } as Config & { DISCORD_TOKEN: string },
    makeLogger('error', () => {}),
    store,
    () => corpus,
    { backoffMs: 10 },
  ),
  corpus: () => corpus,
  now: () => new Date(),
  minIntervalSeconds: 60,
  render: renderDigest,
};
const replica = () =>
  interactionsServer({
    digest,
    watch: { store, corpus: () => corpus, now: () => new Date() },
    publicKey: PUBLIC_HEX,
    appId: APP_ID,
    corpus: () => corpus,
    healthy: async () => healthy,
    firstSighting: (key, until) => store.firstSighting(key, until, new Date()),
    log: makeLogger('debug', (l) => logs.push(l)),
    // Bound late: the emulator's port is known once it has started.
    webhook: (...call) => restCalls(emulator.apiUrl)(...call),
    botRest: (...call) => restCalls(emulator.apiUrl, TOKEN)(...call),
  });
const server = replica();
const other = replica();
let otherBase = '';

const listen = async (s: typeof server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};
beforeAll(async () => {
  base = await listen(server);
  otherBase = await listen(other);
});
afterAll(async () => {
  server.close();
  other.close();
  await store.close();
  await emulator.close();
});

async function post(
  body: string,
  headers: Record<string, string>,
  at = base,
): Promise<{ status: number; json: APIInteractionResponse | null }> {
  const res = await fetch(`${at}/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return {
    status: res.status,
    json: res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as APIInteractionResponse) : null,
  };
}

/** POSTs the interaction signed as Discord signs it. */
function ask(i: APIInteraction | Record<string, unknown>, at = base) {
  const body = JSON.stringify(i);
  const ts = nowTs();
  return post(body, { 'x-signature-ed25519': signed(body, ts), 'x-signature-timestamp': ts }, at);
}

const data = (r: { json: APIInteractionResponse | null }) => (r.json as { data?: Record<string, unknown> }).data ?? {};

describe('the interactions endpoint', () => {
  it('answers a PING with a PONG', async () => {
    expect(await ask({ id: snowflake(), application_id: APP_ID, type: 1, token: 't', version: 1 })).toEqual({
      status: 200,
      json: { type: 1 },
    });
  });

  it('refuses unsigned, forged, altered, stale and replayed requests with 401', async () => {
    const body = JSON.stringify({ id: snowflake(), application_id: APP_ID, type: 1, token: 't', version: 1 });
    const ts = nowTs();
    expect((await post(body, {})).status).toBe(401);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect((await post(body, { 'x-signature-ed25519': signed(body, ts, stranger), 'x-signature-timestamp': ts })).status).toBe(401);
    expect((await post(`${body} `, { 'x-signature-ed25519': signed(body, ts), 'x-signature-timestamp': ts })).status).toBe(401);
    const old = String(Number(ts) - 600);
    expect((await post(body, { 'x-signature-ed25519': signed(body, old), 'x-signature-timestamp': old })).status).toBe(401);
    const once = { 'x-signature-ed25519': signed(body, ts), 'x-signature-timestamp': ts };
    expect((await post(body, once)).status).toBe(200);
    expect((await post(body, once)).status).toBe(401);
    // The other replica has seen it too: a replay is refused whichever replica the balancer picks.
    expect((await post(body, once, otherBase)).status).toBe(401);
    const fresh = JSON.stringify({ id: snowflake(), application_id: APP_ID, type: 1, token: 't', version: 1 });
    expect((await post(fresh, { 'x-signature-ed25519': signed(fresh, ts), 'x-signature-timestamp': ts }, otherBase)).status).toBe(200);
  });

  it('answers 400 to a signed body that is not an interaction (null, a number, an object of the wrong shape)', async () => {
    for (const body of ['null', '42', '"x"', '[]', JSON.stringify({ type: 2 }), JSON.stringify({ id: 'x', application_id: APP_ID })]) {
      const ts = nowTs();
      const res = await fetch(`${base}/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature-ed25519': signed(body, ts), 'x-signature-timestamp': ts },
        body,
      });
      expect([res.status, await res.text()]).toEqual([400, expect.stringMatching(/^not an interaction: /)]);
    }
    expect(logs.join('\n')).not.toMatch(/Cannot read properties|"level":"error"|ERROR/);
  });

  it('cuts off clients that send their headers or body a byte at a time, within seconds, and logs no error', {
    timeout: 20000,
  }, async () => {
    const before = logs.length;
    const { port } = new URL(base);
    /** Opens a connection, sends `head`, then one byte a second; resolves with the ms until the server closed it. */
    const slow = (head: string) =>
      new Promise<number>((resolve) => {
        const started = Date.now();
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(head);
          const drip = setInterval(() => socket.writable && socket.write('x'), 1000);
          socket.on('close', () => {
            clearInterval(drip);
            resolve(Date.now() - started);
          });
        });
        socket.on('error', () => undefined);
      });
    const [headers, body] = await Promise.all([
      slow('POST /interactions HTTP/1.1\r\nhost: x\r\n'),
      slow('POST /interactions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n'),
    ]);
    expect(headers).toBeLessThan(HEADERS_TIMEOUT_MS + 2500);
    expect(body).toBeLessThan(REQUEST_TIMEOUT_MS + 2500);
    expect(logs.slice(before).join('\n')).not.toMatch(/"level":"error"|ERROR/);
  });

  it('answers a read command in the response, citing its quotes, with no mentions', async () => {
    const r = await ask(slash('actor', { name: 'Iran' }));
    expect(r.status).toBe(200);
    expect(r.json?.type).toBe(4);
    const d = data(r) as { embeds: { title?: string }[]; allowed_mentions: unknown; flags?: number };
    expect(d.embeds[0]?.title).toMatch(/^Iran/);
    expect(d.allowed_mentions).toEqual({ parse: [] });
    expect(d.flags).toBeUndefined();
    expect((data(await ask(slash('actor', { name: 'Iran', private: true }))) as { flags?: number }).flags).toBe(64);
  });

  it("answers /says and /actor said:true in the response: the actor's own statements under speaker and cue", async () => {
    const says = data(await ask(slash('says', { actor: 'Azerbaijan', about: 'Russia' }))) as {
      embeds: { title?: string; description?: string }[];
      allowed_mentions: unknown;
    };
    expect(says.embeds[0]?.title).toBe('What Azerbaijan said');
    expect(says.embeds[0]?.description).toMatch(/1 statement\(s\) about Russia[\s\S]*\*\*Azerbaijan · insisted\*\*/);
    expect(says.allowed_mentions).toEqual({ parse: [] });
    const said = data(await ask(slash('actor', { name: 'Azerbaijan', said: true }))) as { embeds: { description?: string }[] };
    expect(said.embeds[0]?.description).toMatch(/Its own statements, newest first\./);
  });

  it("shows a user's mistake to them alone", async () => {
    const d = data(await ask(slash('actor', { name: 'Irn' }))) as { content: string; flags: number };
    expect(d.flags).toBe(64);
    expect(d.content).toMatch(/No actor called "Irn".*Did you mean: Iran/);
  });

  it('autocompletes names from memory', async () => {
    const r = await ask(autocomplete('actor', 'name', 'ira'));
    expect(r.json?.type).toBe(8);
    expect((data(r) as { choices: { value: string }[] }).choices.map((c) => c.value)).toContain('Iran');
  });

  it('draws the chart of /timeline and /corridor: deferred, then the answer with its PNG shown in the first embed', async () => {
    const i = slash('timeline', { actor: 'Azerbaijan' });
    const r = await ask(i);
    expect(r.json?.type).toBe(5);
    // As on the gateway, a chart that takes longer than a moment (a busy machine) comes in a second edit.
    const patched = await emulator.waitFor(
      () =>
        emulator
          .callsTo('PATCH', new RegExp(`/webhooks/${APP_ID}/${i.token}/messages/@original$`))
          .find((c) => (c.body as { embeds: { image?: unknown }[] }).embeds[0]?.image),
      20_000,
    );
    const body = patched.body as { embeds: { image?: { url: string } }[]; attachments: unknown[]; allowed_mentions: unknown };
    expect(body.embeds[0]?.image?.url).toBe('attachment://timeline.png');
    expect(body.attachments).toEqual([{ id: 0, filename: 'timeline.png', description: expect.stringMatching(/timeline/i) }]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const png = patched.files?.[0];
    expect(png).toMatchObject({ field: 'files[0]', filename: 'timeline.png', contentType: 'image/png' });
    expect(png!.bytes.subarray(1, 4).toString()).toBe('PNG');

    // chart:false answers at once, as before; so does a command without a chart.
    expect((await ask(slash('timeline', { actor: 'Azerbaijan', chart: false }))).json?.type).toBe(4);
    expect((await ask(slash('corridor', { name: 'Zangezur', chart: false }))).json?.type).toBe(4);
  });

  it('manages digests with /digest: subscribe, list, send now (deferred, posted as the bot), refusals privately', async () => {
    const made = await ask(digestSlash('subscribe', { channel: CHANNEL_ID, schedule: 'daily 08:00', timezone: 'Europe/Berlin' }));
    expect(made.json?.type).toBe(4);
    const said = data(made) as { content: string; flags: number; allowed_mentions: unknown };
    expect(said.flags).toBe(64);
    expect(said.allowed_mentions).toEqual({ parse: [] });
    expect(said.content).toMatch(
      /✅ Subscribed <#\d+>: `daily 08:00` \(Europe\/Berlin\).*Next digest: as scheduled, by the process running the schedule/,
    );
    const [sub] = await store.subscriptions();
    expect(sub).toMatchObject({ channelId: CHANNEL_ID, schedule: 'daily 08:00', timezone: 'Europe/Berlin' });

    // The other replica lists it: the subscription is in the shared database.
    const listed = await ask(digestSlash('list'), otherBase);
    expect(JSON.stringify(listed.json)).toContain(sub!.id);

    const now = digestSlash('send-now', { id: sub!.id });
    const deferred = await ask(now);
    expect(deferred.json).toEqual({ type: 5, data: { flags: 64 } });
    const edited = await emulator.waitFor(
      () => emulator.callsTo('PATCH', new RegExp(`/webhooks/${APP_ID}/${now.token}/messages/@original$`))[0],
      20_000,
    );
    expect((edited.body as { content: string }).content).toMatch(/📨 Digest posted in <#\d+>/);
    expect(emulator.channelPosts(CHANNEL_ID).some((c) => JSON.stringify(c.body).includes(sub!.id))).toBe(true);

    const refused = await ask(digestSlash('list', {}, { memberPermissions: '0' }));
    expect((data(refused) as { content: string }).content).toMatch(/needs the Manage Server permission/);
    const zones = await ask(autocomplete('digest', 'timezone', 'Europe/Ber'));
    expect(JSON.stringify(zones.json)).toContain('Europe/Berlin');
  });

  it('keeps watches with /watch on either replica: add here, list on the other, test (deferred), remove', async () => {
    const added = await ask(subcommandSlash('watch', 'add', { rule: 'actor:Tehran "nuclear deal"', cap: 4 }));
    const said = data(added) as { content: string; flags: number; allowed_mentions: unknown };
    expect(said).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    const id = /as `(w[a-z2-9]{6})`/.exec(said.content)?.[1];
    expect(await store.watch(id!)).toMatchObject({ rule: 'actor:Iran "nuclear deal"', channelId: CHANNEL_ID, hourlyCap: 4 });
    expect(JSON.stringify((await ask(subcommandSlash('watch', 'list'), otherBase)).json)).toContain(id!);

    const test = subcommandSlash('watch', 'test', { rule: 'actor:Iran', days: 365 });
    expect((await ask(test)).json).toEqual({ type: 5, data: { flags: 64 } });
    const edited = await emulator.waitFor(
      () => emulator.callsTo('PATCH', new RegExp(`/webhooks/${APP_ID}/${test.token}/messages/@original$`))[0],
      10_000,
    );
    expect((edited.body as { content: string }).content).toMatch(
      /^`actor:Iran` matched \*\*\d+\*\* of \d+ article\(s\) of the last 365 day\(s\)/,
    );

    expect((data(await ask(subcommandSlash('watch', 'remove', { id: id! }), otherBase)) as { content: string }).content).toBe(
      `Watch \`${id}\` removed.`,
    );
    const refused = await ask(subcommandSlash('watch', 'list', {}, { memberPermissions: '0' }));
    expect((data(refused) as { content: string }).content).toBe('/watch needs the Manage Channels permission.');

    // Names complete inside the rule, as /actor completes them.
    const completed = (await ask(autocomplete('watch', 'rule', 'actor:Iran OR (actor:Azer'))).json as {
      data: { choices: { value: string }[] };
    };
    expect(completed.data.choices.map((c) => c.value)).toContain('actor:Iran OR (actor:Azerbaijan');
    const quoted = (await ask(autocomplete('watch', 'rule', '"peace" corridor:"Zange'))).json as { data: { choices: { value: string }[] } };
    expect(quoted.data.choices[0]?.value).toMatch(/^"peace" corridor:"?Zangezur/);
  });

  it('defers a slow command, then sends its answer over REST; a mistake goes privately', async () => {
    const i = slash('search', { query: 'security buffer' });
    const r = await ask(i);
    expect(r.json?.type).toBe(5);
    const patched = await emulator.waitFor(
      () => emulator.callsTo('PATCH', new RegExp(`/webhooks/${APP_ID}/${i.token}/messages/@original$`))[0],
    );
    expect(JSON.stringify(patched.body)).toContain('security buffer');
    expect((patched.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });

    const bad = slash('search', { query: '***' });
    expect((await ask(bad)).json?.type).toBe(5);
    const told = await emulator.waitFor(() => emulator.callsTo('POST', new RegExp(`/webhooks/${APP_ID}/${bad.token}$`))[0]);
    expect(told.body).toMatchObject({ flags: 64, content: expect.stringMatching(/no words to search for/) });
    expect(emulator.callsTo('DELETE', new RegExp(`/webhooks/${APP_ID}/${bad.token}/messages/@original$`))).toHaveLength(1);
  });

  it('turns pages with the buttons it drew: the asker moves the message, anyone else gets a private copy', async () => {
    const first = data(await ask(slash('actor', { name: 'Armenia' }))) as { components: { components: { custom_id: string }[] }[] };
    const next = first.components[0]!.components.find((c) => c.custom_id.startsWith('pg:1:'))!;
    const message = { id: snowflake(), channel_id: '1', embeds: [], components: first.components } as unknown as APIMessage;
    const moved = await ask(button(next.custom_id, message, { askedBy: '400000000000000004' }));
    expect(moved.json?.type).toBe(7);
    expect(JSON.stringify(data(moved))).toMatch(/Page 2\//);
    const copy = await ask(button(next.custom_id, message, { user: '400000000000000005', askedBy: '400000000000000004' }));
    expect([copy.json?.type, (data(copy) as { flags?: number }).flags]).toEqual([4, 64]);
  });

  it('posts /brief in the channel and opens its discussion thread, or says which permission is missing', async () => {
    const i = slash('brief', { topic: 'Iran' });
    expect((await ask(i)).json?.type).toBe(5);
    const posted = await emulator.waitFor(
      () => emulator.callsTo('PATCH', new RegExp(`/webhooks/${APP_ID}/${i.token}/messages/@original$`))[0],
    );
    expect(JSON.stringify(posted.body)).toContain('Iran');
    const thread = await emulator.waitFor(() => emulator.callsTo('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/).at(-1));
    expect((thread.body as { name: string }).name).toMatch(/^Briefing: Iran · \d{4}-\d\d-\d\d$/);
    const first = await emulator.waitFor(() =>
      emulator.callsTo('POST', /^\/channels\/\d+\/messages$/).find((c) => JSON.stringify(c.body).includes('Discuss the briefing here')),
    );
    expect((first.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });

    const noThreads = String(BigInt(ALL_PERMISSIONS) & ~(1n << 35n));
    const refused = data(await ask(slash('brief', { topic: 'Iran' }, { appPermissions: noThreads }))) as { content: string; flags: number };
    expect(refused).toMatchObject({
      flags: 64,
      content: expect.stringMatching(/Missing permission\(s\) in this channel: Create Public Threads/),
    });
  });

  it('runs /feeds through the same pipeline as the gateway where the endpoint is given the feed list', async () => {
    const { answerInteraction } = await import('../../src/discord/http/answer-interaction.js');
    const paths = tempData({});
    writeFileSync(paths.feeds, JSON.stringify({ version: 1, feeds: [{ id: 'oc', name: 'OC Media', url: 'https://oc-media.org/feed/' }] }));
    const { store } = tempStore();
    const none = async () => {
      throw new Error('no REST call expected');
    };
    const deps = {
      corpus: () => corpus,
      editOriginal: none,
      deleteOriginal: none,
      followUp: none,
      log: makeLogger('error', () => {}),
      // /feeds list reads the feed list and the feed state only.
      feeds: { paths, store } as unknown as FeedsInteractionDeps,
    };
    const listed = await answerInteraction(subcommandSlash('feeds', 'list'), deps);
    expect(listed.response).toMatchObject({ type: 4, data: { flags: 64, embeds: [{ title: 'Feeds (1)' }] } });
    expect(JSON.stringify(listed.response)).toContain('not polled yet');
    // The precondition is the command's, checked the same way on either transport.
    const refused = await answerInteraction(subcommandSlash('feeds', 'list', {}, { memberPermissions: '0' }), deps);
    expect(refused.response).toMatchObject({ type: 4, data: { flags: 64, content: '/feeds needs the Manage Server permission.' } });
    await store.close();
  });

  it('says what /digest needs on an endpoint without a bot token', async () => {
    const { answerInteraction } = await import('../../src/discord/http/answer-interaction.js');
    const none = async () => {
      throw new Error('no REST call expected');
    };
    const r = await answerInteraction(digestSlash('list'), {
      corpus: () => corpus,
      editOriginal: none,
      deleteOriginal: none,
      followUp: none,
      log: makeLogger('error', () => {}),
    });
    expect(r.response).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringMatching(/Digests need DISCORD_TOKEN on this endpoint/) },
    });
  });

  it("sends /feeds and /add to the gateway bot where the endpoint is not scaled out (its folder is the bot's)", async () => {
    const d = data(await ask(subcommandSlash('feeds', 'list'))) as { content: string; flags: number };
    expect(d).toMatchObject({ flags: 64, content: expect.stringMatching(/managed on the gateway bot \(briefing start\)/) });
  });

  it('reports health from the database, and refuses what is not an interaction', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    healthy = false;
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    healthy = true;
    expect((await fetch(`${base}/interactions`)).status).toBe(405);
    expect((await fetch(`${base}/elsewhere`, { method: 'POST' })).status).toBe(404);
    const big = 'x'.repeat(2 * 1024 * 1024);
    expect((await post(big, { 'x-signature-ed25519': 'a'.repeat(128), 'x-signature-timestamp': nowTs() })).status).toBe(413);
  });
});

describe('briefing serve', { timeout: 30_000 }, () => {
  it('says what it needs without a public key, and otherwise answers a signed PING and stops on SIGTERM', async () => {
    const { paths } = seedCorpus();
    const env = {
      PATH: process.env.PATH,
      DATA_DIR: paths.root,
      DATABASE_URL: `sqlite:${join(paths.root, 'state', 'b.sqlite')}`,
      DISCORD_API_URL: emulator.apiUrl,
    };
    const err: string[] = [];
    expect(await serve({ env, stderr: (line) => err.push(line), envFile: join(paths.root, '.env') })).toBe(1);
    expect(err.join('\n')).toMatch(/briefing serve needs DISCORD_PUBLIC_KEY and DISCORD_APP_ID/);

    // As a process: the binary listens, answers, and exits 0 on SIGTERM.

    const child = spawn(process.execPath, [join(REPO, 'dist/bin/cli.js'), 'serve'], {
      env: { ...env, DISCORD_PUBLIC_KEY: PUBLIC_HEX, DISCORD_APP_ID: APP_ID, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: paths.root, // no .env there
    });
    let out = '';
    child.stderr.on('data', (d) => (out += String(d)));
    const port = await emulator.waitFor(() => /interactions on http:\/\/0\.0\.0\.0:(\d+)/.exec(out)?.[1], 20_000);
    const body = JSON.stringify({ id: snowflake(), application_id: APP_ID, type: 1, token: 't', version: 1 });
    const ts = nowTs();
    const res = await fetch(`http://127.0.0.1:${port}/interactions`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': signed(body, ts), 'x-signature-timestamp': ts },
      body,
    });
    expect(await res.json()).toEqual({ type: 1 });
    child.kill('SIGTERM');
    expect((await once(child, 'exit'))[0]).toBe(0);
  });
});
