// Where the corpus is answered from. With the embedded state database (a
// SQLite DATABASE_URL), every process reads DATA_DIR/build/corpus.sqlite.
// With a Postgres DATABASE_URL the corpus lives there too: the process that
// ingests (`briefing worker`, `briefing start`, `briefing ingest`, `fetch`,
// `add`) publishes each ingest to it, and `briefing serve` replicas answer
// from it with no data folder of their own.
import { openStore, storeTarget } from '../store/open-store.js';
import type { DocumentLog } from '../store/document-log.js';
import { describeSync, syncDocuments } from '../corpus/shared-documents.js';
import { StoreError } from '../store/store-error.js';
import { readGazetteer, type DataPaths } from '../corpus/data-dir.js';
import { DEFAULT_CORPUS_SCHEMA } from '../corpus/pg/pg-corpus-schema.js';
import type { PublishReport, PublishTarget } from '../corpus/pg/publish-corpus.js';
import { shownUrl } from '../store/postgres-store.js';

/** The Postgres corpus DATABASE_URL names, or null when the corpus stays in its SQLite file only. */
export function postgresCorpus(databaseUrl: string): PublishTarget | null {
  const target = storeTarget(databaseUrl);
  if ('problem' in target) throw new StoreError(`DATABASE_URL ${target.problem}`);
  return 'postgres' in target ? { url: target.postgres, schema: DEFAULT_CORPUS_SCHEMA } : null;
}

/**
 * After an ingest: the new state of the corpus, published where replicas read it (nothing to do for
 * SQLite). Returns the line to log, or null when nothing was published.
 */
export async function publishIngest(
  paths: DataPaths,
  databaseUrl: string,
  o: { log?: (line: string) => void; keepAnother?: boolean } = {},
): Promise<string | null> {
  const target = postgresCorpus(databaseUrl);
  if (!target) return null;
  const { publishCorpus } = await import('../corpus/pg/publish-corpus.js');
  let r: PublishReport;
  try {
    r = await publishCorpus(paths.build, target, readGazetteer(paths).gazetteer, o);
  } catch (e) {
    const why = e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e);
    // Nothing is lost: the changes stay recorded in the SQLite file, and the next publish sends them.
    throw new StoreError(`the ingest could not be published to ${shownUrl(target.url)} (${why}); the next ingest publishes it`);
  }
  if (r.keptAnother)
    return 'left the corpus published to Postgres as it is: another data folder published it (this one publishes after its next ingest)';
  if (!r.full && r.published === 0 && r.removed === 0) return null;
  const what = r.full ? `the whole corpus (${r.published} article(s))` : `${r.published} article(s) new or changed, ${r.removed} removed`;
  return `published to Postgres: ${what} in ${r.ms} ms`;
}

/**
 * With a Postgres DATABASE_URL, before an ingest: the shared document log's new documents into the data folder, and
 * the folder's new files into the log (see shared-documents.ts). Returns the line to log, or null. `log` is an open
 * store on that database, or one is opened for the call.
 */
export async function syncShared(paths: DataPaths, databaseUrl: string, log?: DocumentLog): Promise<string | null> {
  if (!postgresCorpus(databaseUrl)) return null;
  if (log) return describeSync(await syncDocuments(paths, log));
  const store = await openStore(databaseUrl);
  try {
    return describeSync(await syncDocuments(paths, store));
  } finally {
    await store.close();
  }
}
