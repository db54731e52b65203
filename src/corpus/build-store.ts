// DATA_DIR/build holds the corpus database. `briefing ingest` brings it up to
// date with raw/ and the gazetteer; `ask` and `start` do the same before they
// open it (a no-op when nothing changed), and when another ingest is running
// they answer from what is already there.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { Article } from './records.js';
import { asyncCorpus } from './async-corpus.js';
import { healingCorpus, integrityProblem, setDamagedAside } from './corpus-damage.js';
import type { Corpus } from './corpus.js';
import { DataFileError } from './data-file-error.js';
import { readGazetteer, shown, type DataPaths } from './data-dir.js';
import { corpusFile, isReadOnly, openForReading, openForWriting } from './db/corpus-db.js';
import { IngestBusyError, withIngestLock } from './db/ingest-lock.js';
import { articleFromRow, type ArticleRow } from './db/rows.js';
import { openSqliteCorpus } from './db/sqlite-corpus.js';
import { syncRaw } from './db/sync-raw.js';
import { topNames } from './extract/discover-names.js';
import { NOT_AN_ARTICLE_FORMAT, type IngestReport, type Progress } from './ingest/ingest.js';

export interface BuildResult {
  report: IngestReport;
  /** The articles written in this run, by id (new and changed ones). */
  written: Map<string, Article>;
  articles: number;
  passages: number;
  tagged: { actors: number; corridors: number };
  discoveries: { name: string; count: number }[];
  bytes: number;
  ms: number;
}

export type Log = (line: string) => void;

/** Where openCorpus reports: progress at info, and a corpus it could not bring up to date at warn. */
export type Logs = Log | { info: Log; warn: Log };
const infoOf = (l: Logs): Log => (typeof l === 'function' ? l : l.info);
const warnOf = (l: Logs): Log => (typeof l === 'function' ? l : l.warn);

/** The disk under the data folder is full: an ingest stops where it is, its last transaction undone. */
export class DiskFullError extends DataFileError {}

const isDiskFull = (e: unknown) => ['ENOSPC', 'EDQUOT', 'SQLITE_FULL'].includes(String((e as { code?: unknown } | null)?.code ?? ''));

const fileBytes = (f: string) => (existsSync(f) ? statSync(f).size : 0);

export interface BuildOptions {
  progress?: Progress;
  log?: Log;
  /** How long to wait for another ingest of the same folder to finish (default: do not wait). */
  waitMs?: number;
  /** An empty corpus is a result, not an error (a fetch whose feeds brought nothing yet). */
  allowEmpty?: boolean;
  /**
   * Check every page of an existing file first (SQLite's quick_check), and rebuild it when damaged: `briefing ingest`
   * does, as the command a person runs when something looks wrong.
   */
  checkIntegrity?: boolean;
  /** The files that changed, relative to raw/: only they are looked at (a feed poll, a sync). Absent: all of raw/. */
  only?: readonly string[];
}

/** The corpus file to write: an existing one checked page by page when asked, and set aside when damaged. */
function openChecked(paths: DataPaths, opts: BuildOptions, log: Log) {
  const opened = openForWriting(paths.build, log);
  if (!opts.checkIntegrity || opened.fresh) return opened;
  const problem = integrityProblem(opened.db);
  if (!problem) return opened;
  opened.db.close();
  log(`${shown(corpusFile(paths.build))} is damaged (${problem}); set aside and rebuilt from raw/`);
  setDamagedAside(paths.build);
  return openForWriting(paths.build, log);
}

export function buildCorpus(paths: DataPaths, opts: BuildOptions = {}): BuildResult {
  try {
    return build(paths, opts);
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    throw new DiskFullError(
      shown(paths.build),
      `the disk is full (${(e as { code: string }).code}); the corpus keeps what was read before it filled. Free some space, ` +
        'then run "briefing ingest" again to read the rest.',
    );
  }
}

function build(paths: DataPaths, opts: BuildOptions): BuildResult {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  mkdirSync(paths.build, { recursive: true });
  return withIngestLock(paths.build, opts.waitMs ?? 0, () => {
    const { db } = openChecked(paths, opts, log);
    try {
      const report = syncRaw(db, paths, {
        log,
        ...(opts.progress ? { progress: opts.progress } : {}),
        ...(opts.only ? { only: opts.only } : {}),
      });
      const count = (sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
      const articles = count(`SELECT value FROM meta WHERE key = 'articles'`);
      if (articles === 0 && !opts.allowEmpty) {
        // Nothing to answer from: the first file that could not be read is the likeliest reason.
        const bad = report.skipped.find((s) => s.reason !== NOT_AN_ARTICLE_FORMAT);
        throw bad
          ? new DataFileError(bad.file, bad.reason)
          : new DataFileError(
              shown(paths.raw),
              'no articles found; add .txt aggregator pages, .md, .html or .json/.jsonl articles, or follow a feed (briefing feeds add)',
            );
      }
      const ids = [...report.added, ...report.changed];
      const byId = db.prepare(`SELECT * FROM articles WHERE id = ?`);
      const written = new Map(ids.map((id) => [id, articleFromRow(byId.get(id) as ArticleRow)]));
      const candidates = db.prepare(`SELECT name, count FROM names WHERE count >= 2 ORDER BY count DESC LIMIT 60`).all() as {
        name: string;
        count: number;
      }[];
      return {
        report,
        written,
        articles,
        passages: count(`SELECT value FROM meta WHERE key = 'passages'`),
        tagged: {
          actors: count(`SELECT count(*) FROM entity_counts WHERE type = 'actor'`),
          corridors: count(`SELECT count(*) FROM entity_counts WHERE type = 'corridor'`),
        },
        discoveries: topNames(candidates.map((c) => [c.name, c.count])),
        bytes: fileBytes(corpusFile(paths.build)) + fileBytes(`${corpusFile(paths.build)}-wal`),
        ms: performance.now() - started,
      };
    } finally {
      db.close();
    }
  });
}

/** One line on what an ingest changed, for logs; null when it changed nothing. */
export function changeLine(r: IngestReport): string | null {
  const parts = [
    r.added.length && `${r.added.length} new`,
    r.changed.length && `${r.changed.length} changed`,
    r.removed.length && `${r.removed.length} removed`,
    r.retagged && `${r.retagged} tagged again (gazetteer changed)`,
  ].filter(Boolean);
  const skipped = r.skipped.map((s) => `${s.file}: ${s.reason}`);
  if (!parts.length && !skipped.length) return null;
  return [parts.length ? `corpus updated from raw/: ${parts.join(', ')} article(s)` : '', ...skipped.map((s) => `skipped ${s}`)]
    .filter(Boolean)
    .join('; ');
}

/** Progress for a long first build, in ten steps; nothing for the usual handful of files. */
function everyTenth(log: Log): Progress {
  let next = 0;
  return (done, total, file) => {
    if (total < 200 || done < next) return;
    next = done + Math.ceil(total / 10);
    log(`ingesting raw/: ${done}/${total} files (${file})`);
  };
}

function hasUsableBuild(build: string): boolean {
  const opened = openForReading(build);
  if (!('db' in opened)) return false;
  opened.db.close();
  return true;
}

/**
 * The corpus, brought up to date with raw/ first. When that cannot be done
 * (another ingest holds the folder, the build folder is read-only) but a
 * usable database is there, it answers from that, and the log says why.
 *
 * A query that finds the file damaged has it set aside and rebuilt from raw/:
 * by default here and now, the query then answered from the new file; the bot
 * passes its own `rebuild` (off the event loop) and answers that it is rebuilding.
 */
export function openCorpus(
  paths: DataPaths,
  logs: Logs = () => {},
  rebuild?: (why: string) => Promise<void>,
  o: { ingest?: boolean } = {},
): Corpus {
  const log = infoOf(logs);
  // A replica loaded from a snapshot answers from it at once and ingests in its thread (src/app/replica-corpus.ts).
  if (o.ingest !== false) ingestAtOpen(paths, logs);
  const open = () => asyncCorpus(openSqliteCorpus(paths.build, () => readGazetteer(paths).gazetteer));
  const here = async (why: string) => {
    log(`${shown(corpusFile(paths.build))} is damaged (${why}); set aside and rebuilt from raw/`);
    setDamagedAside(paths.build);
    buildCorpus(paths, { log, progress: everyTenth(log), waitMs: 60_000 });
  };
  return healingCorpus(open, rebuild ?? here, { wait: rebuild === undefined });
}

function ingestAtOpen(paths: DataPaths, logs: Logs): void {
  const log = infoOf(logs);
  try {
    const line = changeLine(buildCorpus(paths, { log, progress: everyTenth(log) }).report);
    if (line) log(line);
  } catch (e) {
    const recoverable = e instanceof IngestBusyError || e instanceof DataFileError || (e as NodeJS.ErrnoException).code !== undefined;
    if (!recoverable || !hasUsableBuild(paths.build)) throw e;
    const why = isReadOnly(e)
      ? `${shown(paths.build)} cannot be written (${(e as NodeJS.ErrnoException).code})`
      : e instanceof DiskFullError
        ? `the disk holding ${shown(paths.build)} is full`
        : null;
    warnOf(logs)(
      why
        ? `${why}, so the corpus was not brought up to date with raw/; answering from it as it was built`
        : `${e instanceof Error ? e.message : String(e)}; answering from the corpus already built`,
    );
  }
}
