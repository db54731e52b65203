// `npm run bench:digest [-- --articles N] [--fires F] [--keep DIR] [--postgres URL] [--json]`: what a digest fire costs on a
// corpus of N generated articles (default 10,000) that reached it over 90 days: the state database's part (which
// articles are new in the period) and the whole fire (that, and the digest answer from the corpus). Daily digests at
// random days, on the embedded SQLite state file (and on Postgres with --postgres). Beside them, in the same run, the
// way a fire used to read the period's articles: the whole articles_seen table, filtered in JavaScript.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { digest } from '../../src/briefing/digest.js';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { generatedFolder, prng } from './generate-corpus.js';
import { latency, round } from './stats.js';
import { benchOptions } from './bench-options.js';

const USAGE = 'Usage: npm run bench:digest [-- --articles N (10 or more)] [--fires F] [--keep DIR] [--postgres URL] [--json]';
const values = benchOptions(
  {
    articles: { type: 'string' },
    fires: { type: 'string' },
    keep: { type: 'string' },
    postgres: { type: 'string' },
    json: { type: 'boolean' },
  },
  USAGE,
);
const N = Number(values.articles ?? 10_000);
const FIRES = Number(values.fires ?? 200);
if (!Number.isInteger(N) || N < 10 || !Number.isInteger(FIRES) || FIRES < 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const log = (t: string) => process.stderr.write(`[bench:digest] ${t}\n`);
const DAY = 86_400_000;
const T0 = Date.parse('2026-09-01T00:00:00Z');
const SPAN_DAYS = 90;

const root = mkdtempSync(join(tmpdir(), 'briefing-digest-bench-'));
try {
  const paths = await generatedFolder(root, N, values.keep, log);
  log('ingesting');
  buildCorpus(paths, { allowEmpty: true });
  const corpus = openCorpus(paths);
  const ids = (await corpus.articles(0, Number.MAX_SAFE_INTEGER)).map((a) => a.id);
  log(`${ids.length} articles; recording when each reached the corpus over ${SPAN_DAYS} days`);

  const rand = prng(7);
  const seenAt = ids.map(() => new Date(T0 + Math.floor(rand() * SPAN_DAYS * DAY)));
  const fires = Array.from({ length: FIRES }, () => new Date(T0 + (1 + Math.floor(rand() * (SPAN_DAYS - 1))) * DAY));

  async function fill(store: Store): Promise<void> {
    const byTime = new Map<number, string[]>();
    ids.forEach((id, i) => {
      const t = seenAt[i]!.getTime();
      byTime.set(t, [...(byTime.get(t) ?? []), id]);
    });
    for (const [t, batch] of byTime) await store.recordArticles(batch, new Date(t));
  }

  async function measure(name: string, store: Store, wholeTable: () => Promise<Map<string, string>>) {
    const stateMs: number[] = [];
    const oldStateMs: number[] = [];
    const fireMs: number[] = [];
    const oldFireMs: number[] = [];
    let articles = 0;
    for (const end of fires) {
      const start = new Date(end.getTime() - DAY);
      let t = performance.now();
      const seen = await store.articlesSeenBetween(start, end);
      stateMs.push(performance.now() - t);
      const answer = await digest(corpus, { topics: [], start, end, firstSeen: seen });
      fireMs.push(performance.now() - t);
      articles += answer.articles.length;
      t = performance.now();
      const all = await wholeTable();
      oldStateMs.push(performance.now() - t);
      await digest(corpus, { topics: [], start, end, firstSeen: all });
      oldFireMs.push(performance.now() - t);
    }
    return {
      store: name,
      articles_per_fire: round(articles / fires.length, 1),
      state_now: latency(stateMs),
      state_whole_table: latency(oldStateMs),
      fire_now: latency(fireMs),
      fire_whole_table: latency(oldFireMs),
    };
  }

  const results = [];
  const stateFile = join(root, 'state.sqlite');
  const sqlite = openSqliteStore(stateFile);
  await fill(sqlite);
  const raw = new Database(stateFile, { readonly: true });
  const allRows = raw.prepare<[], { article_id: string; first_seen: string }>('SELECT article_id, first_seen FROM articles_seen');
  results.push(await measure('SQLite', sqlite, async () => new Map(allRows.all().map((r) => [r.article_id, r.first_seen]))));
  raw.close();
  await sqlite.close();

  if (values.postgres) {
    const schema = `bench_digest_${process.pid}`;
    const store = await openPostgresStore(values.postgres, { schema });
    const client = new pg.Client({ connectionString: values.postgres });
    await client.connect();
    try {
      await fill(store);
      await client.query(`SET search_path TO ${schema}`);
      results.push(
        await measure('Postgres', store, async () => {
          const r = await client.query<{ article_id: string; first_seen: string }>('SELECT article_id, first_seen FROM articles_seen');
          return new Map(r.rows.map((x) => [x.article_id, x.first_seen]));
        }),
      );
    } finally {
      await store.close();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  }
  await corpus.close();
  const report = { articles: ids.length, fires: FIRES, results };
  const ms = (l: { p50_ms: number; p99_ms: number }) => `${l.p50_ms} / ${l.p99_ms}`;
  process.stdout.write(
    values.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : [
          `Digest fires at ${ids.length} articles (${FIRES} daily fires; median / p99 ms)`,
          '',
          '| store | articles a fire | period read: now | whole table (before) | fire: now | fire: whole table |',
          '|---|---|---|---|---|---|',
          ...results.map(
            (r) =>
              `| ${r.store} | ${r.articles_per_fire} | ${ms(r.state_now)} | ${ms(r.state_whole_table)} | ${ms(r.fire_now)} | ` +
              `${ms(r.fire_whole_table)} |`,
          ),
          '',
        ].join('\n'),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
