// Scale-out end to end, as separate processes on one PostgreSQL database: two `briefing serve` replicas, each with an
// empty data folder of its own, answer signed interactions; two `briefing worker`s, each with a folder of its own
// (the standby's empty, with no feeds.json), share the digest schedule and feed polling through leases. The active
// worker fetches a feed item and is killed with SIGKILL while digests are going out: the standby takes the schedule
// over within the lease with no fire posted twice, takes the feeds over and fetches the next item, and both replicas
// answer with the seed, the first item and the second: nothing is lost, because every document goes through the
// shared log and the standby brings it into its folder before it ingests. A link added and a feed followed on a
// replica reach the other replica and the worker through the log, and a replica started last begins from the corpus
// snapshot the workers stored. One cluster for all of it: every process costs seconds of CPU to start.
// Skipped where no Postgres server answers.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { articlePage, newsParagraphs, rssFeed, type FeedItemSpec } from '../helpers/news-pages.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { testTmp } from '../helpers/temp-data.js';
import { NEW_SUB } from '../helpers/temp-store.js';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';
import { page, startWebServer } from '../helpers/web-server.js';
import { APP_ID, CHANNEL_ID, DiscordEmulator, TOKEN } from './emulator.js';
import { slash, subcommandSlash } from './interactions.js';
import { ask, listening, PUBLIC_HEX, processes, type Proc } from './scaled-processes.js';

const havePostgres = await postgresAnswers();
const emulator = new DiscordEmulator();
const procs = processes();
const launch = procs.launch;
beforeAll(() => emulator.start());
afterAll(async () => {
  if (process.env.SCALE_OUT_DEBUG) procs.print();
  procs.killAll();
  await emulator.close();
  await dropMadeForTests();
});

const fireKeys = () =>
  emulator.channelPosts(CHANNEL_ID).map((c) => {
    const b = c.body as { content?: string; embeds?: { footer?: { text?: string } }[] };
    return /digest \w+ · fire \S+/.exec(`${b.content ?? ''}\n${b.embeds?.[0]?.footer?.text ?? ''}`)?.[0] ?? '';
  });

describe.skipIf(!havePostgres)('two serve replicas and two workers with folders of their own on one Postgres', { timeout: 120_000 }, () => {
  it('answer on both replicas, hand schedule and feeds over after a SIGKILL, post no fire twice and lose no article', async () => {
    if (!process.env.SCALE_OUT_DEBUG) onTestFailed(procs.print);
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
      DIGEST_MIN_INTERVAL_SECONDS: '1',
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
    const ports = await Promise.all(replicas.map((r) => emulator.waitFor(() => listening(r), 30_000)));
    const sources = async (port: string) => JSON.stringify((await ask(port, slash('sources'))).data);
    const answeredEverywhere = (titles: string[], on = ports) =>
      Promise.all(
        on.map((port) =>
          emulator.waitFor(async () => {
            const said = await sources(port);
            return titles.every((t) => said.includes(t));
          }, 30_000),
        ),
      );
    // Both replicas answer, from the same corpus, with the item the active worker fetched.
    for (const port of ports) {
      const a = await ask(port, slash('actor', { name: 'Iran' }));
      expect(a.type).toBe(4);
      expect(JSON.stringify(a.data?.embeds)).toContain('Iran');
    }
    await answeredEverywhere(['Quillon ferry resumes']);

    // The standby starts with nothing: no raw/, no feeds.json, no gazetteer. It brings them in from the shared log.
    const standbyFolder = emptyFolder('standby');
    const standby = launch('worker', { ...env, DATA_DIR: standbyFolder });
    await emulator.waitFor(() => /shared documents: \d+ document\(s\) from the shared log/.test(standby.out()), 30_000);
    expect(existsSync(join(standbyFolder, 'feeds.json'))).toBe(true);

    const store = await openStore(env.DATABASE_URL);
    try {
      await store.addSubscription({ ...NEW_SUB, channelId: CHANNEL_ID, schedule: '* * * * * *', cron: '* * * * * *' }, new Date());
    } finally {
      await store.close();
    }
    const holds = (w: Proc) => /this process \([^)]*\) runs the digest schedule/.test(w.out());
    expect(holds(active)).toBe(true);
    await emulator.waitFor(() => emulator.channelPosts(CHANNEL_ID).length >= 3, 15_000);

    // Killed mid-stream: no clean hand-over.
    active.child.kill('SIGKILL');
    const killedAt = Date.now();
    feedItem('rostrum', 'Rostrum talks end in Tbilisi', 'Tue, 04 Mar 2025 10:00:00 +0400');
    await emulator.waitFor(() => holds(standby), 15_000);
    const takeover = Date.now() - killedAt;
    const atTakeover = emulator.channelPosts(CHANNEL_ID).length;
    await emulator.waitFor(() => emulator.channelPosts(CHANNEL_ID).length >= atTakeover + 2, 15_000);
    // Within the lease (1 s) and the standby's next look (a third of it), with room for a busy machine.
    expect(takeover).toBeLessThan(5000);
    const keys = fireKeys();
    expect(keys.every(Boolean)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);

    // The standby polls the feeds now: the next item reaches both replicas, and nothing the active one fetched is lost.
    const seedTitle = /"title":"([^"]+)"/.exec(await sources(ports[0]!))?.[1];
    expect(seedTitle).toBeTruthy();
    await answeredEverywhere(['Quillon ferry resumes', 'Rostrum talks end in Tbilisi', seedTitle!]);

    const edits = () => JSON.stringify(emulator.callsTo('PATCH', /^\/webhooks\//).map((c) => c.body));
    // A link added on one replica goes into its folder and straight into the shared log: that replica answers with it,
    // the other brings it in within seconds, and so does the worker (its digests and alerts read its own folder).
    web.route(
      '/zephyrine',
      page(articlePage({ title: 'Zephyrine talks open', paragraphs: newsParagraphs('zephyrine'), outlet: 'Caucasus Daily' })),
    );
    expect((await ask(ports[0]!, slash('add', { url: `${web.origin}/zephyrine` }))).type).toBe(5);
    await emulator.waitFor(() => edits().includes('Zephyrine talks open'), 20_000);
    await answeredEverywhere(['Zephyrine talks open']);
    const raw = join(standbyFolder, 'raw');
    const inWorkerFolder = (title: string) =>
      existsSync(raw) &&
      readdirSync(raw, { recursive: true, encoding: 'utf8' }).some((f) => {
        const file = join(raw, f);
        return statSync(file).isFile() && readFileSync(file, 'utf8').includes(title);
      });
    await emulator.waitFor(() => inWorkerFolder('Zephyrine talks open'), 10_000);

    // A feed followed from a replica: the feed list is logged, the worker polling the feeds reads it and polls the new
    // feed at once, and its item reaches both replicas.
    const second: FeedItemSpec[] = [];
    web.route('/second.xml', (req, res) => page(rssFeed('Steppe Wire', second), 'application/rss+xml')(req, res));
    web.route(
      '/vantorel',
      page(articlePage({ title: 'Vantorel pipeline opens', paragraphs: newsParagraphs('vantorel'), outlet: 'Steppe Wire' })),
    );
    second.push({
      title: 'Vantorel pipeline opens',
      link: `${web.origin}/vantorel`,
      guid: 'vantorel',
      published: 'Mon, 03 Mar 2025 11:00:00 +0400',
    });
    expect((await ask(ports[1]!, subcommandSlash('feeds', 'add', { url: `${web.origin}/second.xml` }))).type).toBe(5);
    await emulator.waitFor(() => edits().includes('Following **Steppe Wire**'), 20_000);
    await answeredEverywhere(['Vantorel pipeline opens']);

    // A replica added now starts from the corpus snapshot the workers stored, then the documents logged since.
    const late = launch('serve', { ...env, DATA_DIR: emptyFolder('late-replica') });
    const latePort = await emulator.waitFor(() => listening(late), 30_000);
    expect(late.out()).toMatch(/loaded the corpus snapshot of 20\d\d-.* in \d+ ms/);
    await answeredEverywhere(
      ['Quillon ferry resumes', 'Rostrum talks end in Tbilisi', 'Zephyrine talks open', 'Vantorel pipeline opens', seedTitle!],
      [latePort],
    );
    await web.close();
  });
});
