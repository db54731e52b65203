// Scale-out end to end, as separate processes on one PostgreSQL database: two
// `briefing serve` replicas answer signed interactions, two `briefing worker`s
// share the digest schedule and feed polling through leases. The active worker
// is killed with SIGKILL while digests are going out: the standby takes over
// within the lease, and no fire is posted twice. Each replica starts with an
// empty data folder of its own and follows the shared document log, and a
// feed item that arrives is answered by both. A link added and a feed followed
// on a replica reach the other replica and the worker through the shared log.
// Skipped where no Postgres server answers.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

describe.skipIf(!havePostgres)('two serve replicas and two workers on one Postgres', { timeout: 90_000 }, () => {
  it('answer on both replicas, hand the schedule over after a SIGKILL, and post no fire twice', async () => {
    if (!process.env.SCALE_OUT_DEBUG) onTestFailed(procs.print);
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
    // Each replica starts with an empty data folder of its own: its corpus comes from the shared document log.
    const replicaEnv = () => ({ ...env, DATA_DIR: mkdtempSync(join(testTmp(), 'replica-')) });
    const replicas = [launch('serve', replicaEnv()), launch('serve', replicaEnv())];
    const workers = [launch('worker', env), launch('worker', env)];
    const ports = await Promise.all(replicas.map((r) => emulator.waitFor(() => listening(r), 30_000)));
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
    const answeredEverywhere = async (title: string) => {
      for (const port of ports) {
        let last = '';
        await emulator
          .waitFor(async () => (last = JSON.stringify((await ask(port, slash('sources'))).data)).includes(title), 20_000)
          .catch((e: unknown) => {
            if (process.env.SCALE_OUT_DEBUG) console.log(`replica ${port} last answered: ${last.slice(0, 1500)}`);
            throw e;
          });
      }
    };
    await answeredEverywhere('Zephyrine talks open');

    const edits = () => JSON.stringify(emulator.callsTo('PATCH', /^\/webhooks\//).map((c) => c.body));
    // A link added on one replica goes into its folder and straight into the shared log: that replica answers with it,
    // the other brings it in within seconds, and so does the worker (its digests and alerts read its own folder).
    web.route(
      '/quillon',
      page(articlePage({ title: 'Quillon ferry resumes', paragraphs: newsParagraphs('quillon'), outlet: 'Caucasus Daily' })),
    );
    expect((await ask(ports[0]!, slash('add', { url: `${web.origin}/quillon` }))).type).toBe(5);
    await emulator.waitFor(() => edits().includes('Quillon ferry resumes'), 20_000);
    await answeredEverywhere('Quillon ferry resumes');
    const inWorkerFolder = (title: string) =>
      readdirSync(paths.raw, { recursive: true, encoding: 'utf8' }).some((f) => {
        const file = join(paths.raw, f);
        return statSync(file).isFile() && readFileSync(file, 'utf8').includes(title);
      });
    await emulator.waitFor(() => inWorkerFolder('Quillon ferry resumes'), 10_000);

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
    await answeredEverywhere('Vantorel pipeline opens');
    await web.close();
  });
});
