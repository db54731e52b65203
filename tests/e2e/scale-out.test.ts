// Scale-out end to end, as separate processes on one PostgreSQL database: two
// `briefing serve` replicas answer signed interactions, two `briefing worker`s
// share the digest schedule and feed polling through leases. The active worker
// is killed with SIGKILL while digests are going out: the standby takes over
// within the lease, and no fire is posted twice. The replicas have no data
// folder: they answer from the corpus the workers publish to Postgres, and a
// feed item that arrives is answered by both. Skipped where no Postgres server answers.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { articlePage, newsParagraphs, rssFeed, type FeedItemSpec } from '../helpers/news-pages.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { REPO, testTmp } from '../helpers/temp-data.js';
import { NEW_SUB } from '../helpers/temp-store.js';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';
import { page, startWebServer } from '../helpers/web-server.js';
import { APP_ID, CHANNEL_ID, DiscordEmulator, TOKEN } from './emulator.js';
import { slash } from './interactions.js';

const havePostgres = await postgresAnswers();
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PUBLIC_HEX = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

const emulator = new DiscordEmulator();
const children: ChildProcess[] = [];
const launched: { name: string; out: () => string }[] = [];
beforeAll(() => emulator.start());
afterAll(async () => {
  if (process.env.SCALE_OUT_DEBUG) printLaunched();
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await emulator.close();
  await dropMadeForTests();
});

/** On a failure, what each process said is the first thing to read (SCALE_OUT_DEBUG=1 prints it always). */
function printLaunched(): void {
  for (const p of launched) console.log(`--- ${p.name}\n${p.out()}`);
}

interface Proc {
  child: ChildProcess;
  out: () => string;
}

function launch(sub: 'serve' | 'worker', env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [join(REPO, 'dist/src/cli.js'), sub], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: testTmp(), // no .env there: a developer's own must not change the test
  });
  children.push(child);
  let out = '';
  child.stderr!.on('data', (d) => (out += String(d)));
  child.stdout!.on('data', (d) => (out += String(d)));
  launched.push({ name: `${sub} ${child.pid}`, out: () => out });
  return { child, out: () => out };
}

async function ask(port: string, interaction: object): Promise<{ type: number; data?: { embeds?: unknown[] } }> {
  const body = JSON.stringify(interaction);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`http://127.0.0.1:${port}/interactions`, {
    method: 'POST',
    headers: { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts },
    body,
  });
  return (await res.json()) as { type: number; data?: { embeds?: unknown[] } };
}

const fireKeys = () =>
  emulator.channelPosts(CHANNEL_ID).map((c) => {
    const b = c.body as { content?: string; embeds?: { footer?: { text?: string } }[] };
    return /digest \w+ · fire \S+/.exec(`${b.content ?? ''}\n${b.embeds?.[0]?.footer?.text ?? ''}`)?.[0] ?? '';
  });

describe.skipIf(!havePostgres)('two serve replicas and two workers on one Postgres', { timeout: 90_000 }, () => {
  it('answer on both replicas, hand the schedule over after a SIGKILL, and post no fire twice', async () => {
    if (!process.env.SCALE_OUT_DEBUG) onTestFailed(printLaunched);
    const web = await startWebServer();
    const items: FeedItemSpec[] = [];
    web.route('/feed.xml', (req, res) => page(rssFeed('Caucasus Daily', items), 'application/rss+xml')(req, res));
    const { paths } = seedCorpus();
    writeFileSync(
      join(paths.root, 'feeds.json'),
      JSON.stringify({ version: 1, feeds: [{ id: 'daily', name: 'Caucasus Daily', url: `${web.origin}/feed.xml` }] }),
    );
    const env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: paths.root,
      DATABASE_URL: await freshDatabase(),
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_APP_ID: APP_ID,
      DISCORD_PUBLIC_KEY: PUBLIC_HEX,
      PORT: '0',
      SCHEDULER_LEASE_SECONDS: '1',
      DIGEST_MIN_INTERVAL_SECONDS: '1',
      FEEDS_POLL_SECONDS: '2',
      FETCH_HOST_GAP_MS: '0',
      ALLOW_PRIVATE_URLS: 'true',
      LOG_LEVEL: 'info',
    };
    // The replicas have no corpus of their own: an empty data folder. They answer from what the workers publish to Postgres.
    const replicaEnv = { ...env, DATA_DIR: mkdtempSync(join(testTmp(), 'replica-')) };
    const replicas = [launch('serve', replicaEnv), launch('serve', replicaEnv)];
    const workers = [launch('worker', env), launch('worker', env)];
    const ports = await Promise.all(
      replicas.map((r) => emulator.waitFor(() => /interactions on http:\/\/0\.0\.0\.0:(\d+)/.exec(r.out())?.[1], 30_000)),
    );
    // Both replicas answer, from the same corpus.
    for (const port of ports) {
      const a = await ask(port, slash('actor', { name: 'Iran' }));
      expect(a.type).toBe(4);
      expect(JSON.stringify(a.data?.embeds)).toContain('Iran');
    }

    const store = await openStore(env.DATABASE_URL);
    try {
      await store.addSubscription({ ...NEW_SUB, channelId: CHANNEL_ID, schedule: '* * * * * *', cron: '* * * * * *' }, new Date());
    } finally {
      await store.close();
    }
    const holds = (w: Proc) => /this process \([^)]*\) runs the digest schedule/.test(w.out());
    const active = await emulator.waitFor(() => workers.find(holds), 15_000);
    const standby = workers.find((w) => w !== active)!;
    await emulator.waitFor(() => emulator.channelPosts(CHANNEL_ID).length >= 3, 15_000);

    // Killed mid-stream: no clean hand-over, the lease has to lapse.
    active.child.kill('SIGKILL');
    const killedAt = Date.now();
    await emulator.waitFor(() => holds(standby), 15_000);
    const takeover = Date.now() - killedAt;
    const atTakeover = emulator.channelPosts(CHANNEL_ID).length;
    await emulator.waitFor(() => emulator.channelPosts(CHANNEL_ID).length >= atTakeover + 2, 15_000);
    // Within the lease (1 s) and the standby's next look (a third of it), with room for a busy machine.
    expect(takeover).toBeLessThan(5000);
    const keys = fireKeys();
    expect(keys.every(Boolean)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);

    // A new feed item reaches the corpus through whichever worker polls, and both replicas answer with it.
    web.route(
      '/zephyrine',
      page(articlePage({ title: 'Zephyrine talks open', paragraphs: newsParagraphs('zephyrine'), outlet: 'Caucasus Daily' })),
    );
    items.unshift({
      title: 'Zephyrine talks open',
      link: `${web.origin}/zephyrine`,
      guid: 'zephyrine',
      published: 'Mon, 03 Mar 2025 10:00:00 +0400',
    });
    for (const port of ports) {
      let last = '';
      await emulator
        .waitFor(async () => (last = JSON.stringify((await ask(port, slash('sources'))).data)).includes('Zephyrine talks open'), 20_000)
        .catch((e: unknown) => {
          if (process.env.SCALE_OUT_DEBUG) console.log(`replica ${port} last answered: ${last.slice(0, 1500)}`);
          throw e;
        });
    }
    await web.close();
  });
});

// The failover that used to lose articles: each worker with a data folder of its own (the standby's empty, no
// feeds.json). The active worker fetches a feed item and is killed with SIGKILL; the standby takes the feeds over and
// fetches the next item. Both replicas answer with the seed, the first item and the second: nothing is lost, because
// every document goes through the shared log in Postgres and the standby brings it into its folder before it ingests.
describe.skipIf(!havePostgres)('a standby worker with an empty data folder of its own', { timeout: 90_000 }, () => {
  it('takes over after a SIGKILL and loses none of the active worker’s articles', async () => {
    if (!process.env.SCALE_OUT_DEBUG) onTestFailed(printLaunched);
    const web = await startWebServer();
    const items: FeedItemSpec[] = [];
    web.route('/feed.xml', (req, res) => page(rssFeed('Caucasus Daily', items), 'application/rss+xml')(req, res));
    const feedItem = (slug: string, title: string, published: string) => {
      web.route(`/${slug}`, page(articlePage({ title, paragraphs: newsParagraphs(slug), outlet: 'Caucasus Daily' })));
      items.unshift({ title, link: `${web.origin}/${slug}`, guid: slug, published });
    };
    feedItem('quillon', 'Quillon ferry resumes', 'Mon, 03 Mar 2025 10:00:00 +0400');
    const { paths } = seedCorpus();
    writeFileSync(
      join(paths.root, 'feeds.json'),
      JSON.stringify({ version: 1, feeds: [{ id: 'daily', name: 'Caucasus Daily', url: `${web.origin}/feed.xml` }] }),
    );
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: await freshDatabase(),
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_APP_ID: APP_ID,
      DISCORD_PUBLIC_KEY: PUBLIC_HEX,
      PORT: '0',
      SCHEDULER_LEASE_SECONDS: '1',
      FEEDS_POLL_SECONDS: '2',
      FETCH_HOST_GAP_MS: '0',
      ALLOW_PRIVATE_URLS: 'true',
      LOG_LEVEL: 'info',
    };
    const emptyFolder = (name: string) => mkdtempSync(join(testTmp(), `${name}-`));
    const replicas = [
      launch('serve', { ...env, DATA_DIR: emptyFolder('replica') }),
      launch('serve', { ...env, DATA_DIR: emptyFolder('replica') }),
    ];
    const active = launch('worker', { ...env, DATA_DIR: paths.root });
    const ports = await Promise.all(
      replicas.map((r) => emulator.waitFor(() => /interactions on http:\/\/0\.0\.0\.0:(\d+)/.exec(r.out())?.[1], 30_000)),
    );
    const sources = async (port: string) => JSON.stringify((await ask(port, slash('sources'))).data);
    const answersWith = (titles: string[]) =>
      Promise.all(
        ports.map((port) =>
          emulator.waitFor(async () => {
            const said = await sources(port);
            return titles.every((t) => said.includes(t));
          }, 30_000),
        ),
      );
    await answersWith(['Quillon ferry resumes']);

    // The standby starts with nothing: no raw/, no feeds.json, no gazetteer. It brings them in from the shared log.
    const standbyFolder = emptyFolder('standby');
    const standby = launch('worker', { ...env, DATA_DIR: standbyFolder });
    await emulator.waitFor(() => /shared documents: \d+ document\(s\) from the shared log/.test(standby.out()), 30_000);
    expect(existsSync(join(standbyFolder, 'feeds.json'))).toBe(true);

    active.child.kill('SIGKILL');
    feedItem('rostrum', 'Rostrum talks end in Tbilisi', 'Tue, 04 Mar 2025 10:00:00 +0400');
    const seedTitle = /"title":"([^"]+)"/.exec(await sources(ports[0]!))?.[1];
    await answersWith(['Quillon ferry resumes', 'Rostrum talks end in Tbilisi', seedTitle!]);
    await web.close();
  });
});
