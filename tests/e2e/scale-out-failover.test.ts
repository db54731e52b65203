// The failover that used to lose articles, as separate processes on one PostgreSQL database: each worker with a data
// folder of its own (the standby's empty, no feeds.json), two `briefing serve` replicas with empty folders. The
// active worker fetches a feed item and is killed with SIGKILL; the standby takes the feeds over and fetches the next
// item. Both replicas answer with the seed, the first item and the second: nothing is lost, because every document
// goes through the shared log in Postgres and the standby brings it into its folder before it ingests. Skipped where
// no Postgres server answers.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { articlePage, newsParagraphs, rssFeed, type FeedItemSpec } from '../helpers/news-pages.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { testTmp } from '../helpers/temp-data.js';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';
import { page, startWebServer } from '../helpers/web-server.js';
import { APP_ID, DiscordEmulator, TOKEN } from './emulator.js';
import { slash } from './interactions.js';
import { ask, listening, PUBLIC_HEX, processes } from './scaled-processes.js';

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

describe.skipIf(!havePostgres)('a standby worker with an empty data folder of its own', { timeout: 90_000 }, () => {
  it('takes over after a SIGKILL and loses none of the active worker’s articles', async () => {
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

    // A replica added now starts from the corpus snapshot the workers stored, then the documents logged since.
    const late = launch('serve', { ...env, DATA_DIR: emptyFolder('late-replica') });
    const latePort = await emulator.waitFor(() => listening(late), 30_000);
    expect(late.out()).toMatch(/loaded the corpus snapshot of 20\d\d-.* in \d+ ms/);
    await emulator.waitFor(async () => {
      const said = await sources(latePort);
      return ['Quillon ferry resumes', 'Rostrum talks end in Tbilisi', seedTitle!].every((t) => said.includes(t));
    }, 30_000);
    await web.close();
  });
});
