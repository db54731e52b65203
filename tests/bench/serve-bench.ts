// `npm run bench:serve [-- --json] [--articles N] [--interactions M] [--concurrency C] [--keep DIR]`:
// the Interactions Endpoint (`briefing serve`) as processes on this machine,
// one run:
//   - interactions per second and latency with one replica on SQLite (state
//     and corpus files: the baseline), one replica on Postgres, and two
//     replicas on Postgres (requests spread round-robin, as a proxy would);
//     on Postgres each replica starts with an empty data folder of its own and
//     loads the corpus snapshot and the shared documents, as in a deployment:
//     the time from its start to its first answer is measured too;
//   - failover: two `briefing worker`s on Postgres, the lease holder killed
//     with SIGKILL, until the standby runs the schedule.
// The corpus is N generated articles (default 1,000); the mix is the gateway
// benchmark's (commands and autocomplete), signed as Discord signs. /search and
// charts are deferred by the endpoint (their answer goes over REST), so /search
// is left out here and the charts are asked not to be drawn.
// Postgres is TEST_DATABASE_URL or the local server; without one, only the
// SQLite row is measured.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { copyInProcess, snapshotIfDue } from '../../src/corpus/corpus-snapshot.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import { syncDocuments } from '../../src/corpus/shared-documents.js';
import { openStore } from '../../src/store/open-store.js';
import { DiscordEmulator, TOKEN } from '../e2e/emulator.js';
import { dropMadeForTests, freshDatabase, postgresAnswers } from '../helpers/test-postgres.js';
import { interactionMix } from './e2e-load.js';
import { generateCorpus, seedDataDir } from './generate-corpus.js';
import { queryMix } from './query-mix.js';
import { latency, round, type Latency } from './stats.js';
import { benchOptions } from './bench-options.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const USAGE = 'Usage: npm run bench:serve [-- --json] [--articles N] [--interactions M] [--concurrency C] [--keep DIR]';
const values = benchOptions(
  {
    json: { type: 'boolean' },
    articles: { type: 'string' },
    interactions: { type: 'string' },
    concurrency: { type: 'string' },
    keep: { type: 'string' },
  },
  USAGE,
);
const whole = (name: string, raw: string | undefined, fallback: number, max: number) => {
  const n = Number(raw ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    process.stderr.write(`--${name} must be a whole number from 1 to ${max}\n`);
    process.exit(2);
  }
  return n;
};
const ARTICLES = whole('articles', values.articles, 1000, 100_000);
const COUNT = whole('interactions', values.interactions, 3000, 100_000);
const CONCURRENCY = whole('concurrency', values.concurrency, 16, 256);
const log = (t: string) => process.stderr.write(`[serve-bench] ${t}\n`);

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PUBLIC_HEX = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const children: ChildProcess[] = [];

function launch(sub: 'serve' | 'worker', env: Record<string, string>): { child: ChildProcess; out: () => string } {
  const child = spawn(process.execPath, [join(REPO, 'dist/bin/cli.js'), sub], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let out = '';
  child.stderr!.on('data', (d) => (out += String(d)));
  return { child, out: () => out };
}

async function until<T>(check: () => T | undefined | null | false, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface LoadFigures extends Latency {
  replicas: number;
  state: 'sqlite' | 'postgres';
  per_s: number;
  errors: number;
  /** From the start of each replica to its first answer (an empty folder on Postgres). */
  ready_ms: number[];
  /** On Postgres, from the start of each replica to the end of its first ingest: every document in, the corpus current. */
  caught_up_ms: number[];
}

async function load(ports: string[], bodies: string[]): Promise<Omit<LoadFigures, 'replicas' | 'state' | 'ready_ms' | 'caught_up_ms'>> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let n = next++; n < bodies.length; n = next++) {
      const body = bodies[n]!;
      const ts = String(Math.floor(Date.now() / 1000));
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${ports[n % ports.length]}/interactions`, {
        method: 'POST',
        headers: { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts },
        body,
      });
      await res.arrayBuffer();
      samples.push(performance.now() - t);
      if (res.status !== 200) {
        errors++;
        if (errors === 1) log(`first error: ${res.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ...latency(samples), per_s: round(bodies.length / seconds, 1), errors };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'briefing-serve-bench-'));
  const emulator = new DiscordEmulator();
  await emulator.start();
  try {
    // --keep DIR: the generated articles stay there, and a later run (of any benchmark) with the same N reuses them.
    const paths = dataPaths(values.keep ? resolve(values.keep) : join(root, 'generated'));
    if (!existsSync(paths.raw)) {
      const seedCorpus = openCorpus(seedDataDir(join(root, 'seed')));
      await generateCorpus(seedCorpus, ARTICLES, paths.raw);
      seedCorpus.close();
      copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
    }
    log(`${ARTICLES} articles: ingest`);
    buildCorpus(paths);
    const corpus = openCorpus(paths);
    // Everything measured is answered in the response: /search, which the endpoint defers, is left out,
    // and /timeline and /corridor are asked with chart:false (a chart defers the answer too).
    const mix = interactionMix(queryMix(corpus.gazetteer))
      .filter((make) => (make() as { data?: { name?: string } }).data?.name !== 'search')
      .map((make) => () => {
        const i = make() as { data?: { name?: string; options?: object[] } };
        if (i.data?.options && (i.data.name === 'timeline' || i.data.name === 'corridor')) {
          i.data.options.push({ name: 'chart', type: ApplicationCommandOptionType.Boolean, value: false });
        }
        return i;
      });
    corpus.close();
    // Every body is new (a new interaction id): no replica refuses one as a replay.
    const bodies = (count: number) => Array.from({ length: count }, (_, n) => JSON.stringify(mix[n % mix.length]!()));
    const base = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: paths.root,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_APP_ID: '100000000000000001',
      DISCORD_PUBLIC_KEY: PUBLIC_HEX,
      PORT: '0',
      LOG_LEVEL: 'info',
    };
    const havePostgres = await postgresAnswers();
    const pgUrl = havePostgres ? await freshDatabase() : null;
    if (pgUrl) {
      // As a worker leaves them: every document in the shared log, and a snapshot of the corpus for new processes.
      const store = await openStore(pgUrl);
      // The database is new: a kept folder's record of what it logged elsewhere does not apply.
      rmSync(join(paths.build, 'shared-documents.json'), { force: true });
      let t = performance.now();
      const synced = await syncDocuments(paths, store);
      log(`${ARTICLES} articles: ${synced.pushed} documents logged in ${round(performance.now() - t, 0)} ms`);
      t = performance.now();
      const stored = await snapshotIfDue({ paths, store, copy: copyInProcess(paths), now: new Date(), everyMs: 0 });
      log(`${stored} (${round(performance.now() - t, 0)} ms in all)`);
      await store.close();
    }
    const runs: { replicas: number; state: 'sqlite' | 'postgres' }[] = [
      { replicas: 1, state: 'sqlite' },
      ...(pgUrl
        ? [
            { replicas: 1, state: 'postgres' as const },
            { replicas: 2, state: 'postgres' as const },
          ]
        : []),
    ];
    const figures: LoadFigures[] = [];
    for (const r of runs) {
      const env = () =>
        r.state === 'sqlite'
          ? { ...base, DATABASE_URL: `sqlite:${join(root, 'state.sqlite')}` }
          : { ...base, DATABASE_URL: pgUrl!, DATA_DIR: mkdtempSync(join(root, 'replica-')) };
      const started = performance.now();
      const procs = Array.from({ length: r.replicas }, () => launch('serve', env()));
      const ready_ms: number[] = [];
      const ports = await Promise.all(
        procs.map(async (p) => {
          const port = await until(() => /interactions on http:\/\/0\.0\.0\.0:(\d+)/.exec(p.out())?.[1], 600_000);
          ready_ms.push(round(performance.now() - started, 0));
          return port;
        }),
      );
      const caught_up_ms =
        r.state === 'postgres'
          ? await Promise.all(
              procs.map(async (p) => {
                await until(() => /ingest \(documents logged since the corpus this replica holds\)/.test(p.out()), 600_000);
                return round(performance.now() - started, 0);
              }),
            )
          : [];
      log(`${r.replicas} replica(s), state in ${r.state}: ${COUNT} interactions, ${CONCURRENCY} at a time`);
      await load(ports, bodies(Math.min(200, COUNT))); // warm-up
      figures.push({ replicas: r.replicas, state: r.state, ready_ms, caught_up_ms, ...(await load(ports, bodies(COUNT))) });
      for (const p of procs) p.child.kill('SIGTERM');
      await Promise.all(procs.map((p) => new Promise((done) => p.child.once('exit', done))));
    }
    let failover_ms: number | null = null;
    if (pgUrl) {
      log('failover: two workers, the lease holder killed with SIGKILL');
      const env = { ...base, DATABASE_URL: pgUrl, SCHEDULER_LEASE_SECONDS: '1' };
      const workers = [launch('worker', env), launch('worker', env)];
      const holds = (w: { out: () => string }) => /this process \([^)]*\) runs the digest schedule/.test(w.out());
      const active = await until(() => workers.find(holds), 30_000);
      const standby = workers.find((w) => w !== active)!;
      active.child.kill('SIGKILL');
      const killed = performance.now();
      await until(() => holds(standby), 30_000);
      failover_ms = round(performance.now() - killed, 0);
      standby.child.kill('SIGTERM');
    }
    const report = { articles: ARTICLES, interactions: COUNT, concurrency: CONCURRENCY, runs: figures, failover_ms, lease_s: 1 };
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const rows = figures.map(
        (f) =>
          `| ${f.replicas} | ${f.state} | ${f.ready_ms.join(', ')} | ${f.caught_up_ms.join(', ') || '–'} | ${f.per_s} | ` +
          `${f.p50_ms} | ${f.p99_ms} | ${f.errors} |`,
      );
      process.stdout.write(
        [
          `briefing serve, ${ARTICLES} generated articles, ${COUNT} signed interactions, ${CONCURRENCY} in flight`,
          '',
          '| replicas | state | start to first answer, ms | start to caught up, ms | interactions/s | p50 ms | p99 ms | errors |',
          '|---|---|---|---|---|---|---|---|',
          ...rows,
          '',
          failover_ms === null
            ? 'failover: not measured (no Postgres server)'
            : `failover (lease 1 s): ${failover_ms} ms from SIGKILL to the standby running the schedule`,
          '',
        ].join('\n'),
      );
    }
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await emulator.close();
    await dropMadeForTests().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`serve bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
