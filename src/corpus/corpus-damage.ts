// A corpus file damaged where no open or header check looks (a disk error, a
// bad copy, bytes written into the middle of it) shows up as "database disk
// image is malformed" on some query, not at start. The corpus is derived data:
// the damaged file is set aside and rebuilt from raw/. Callers that can wait
// (`briefing ask`, the console) rebuild at once and answer; the bot starts the
// rebuild off its event loop and tells the user, in one line, to ask again.
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { Corpus } from './corpus.js';
import { corpusFile, type Db } from './db/corpus-db.js';

/** Shown to the user instead of a generic failure: what happened, and that it mends itself. */
export class CorpusDamagedError extends Error {
  readonly shown = 'The corpus file was found damaged and is being rebuilt from raw/. Ask again in a minute.';
}

/** SQLite's words for a damaged file. */
export function isCorpusDamage(e: unknown): boolean {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** SQLite's own check of every page and index: null when the file is sound, else the first problems it found. */
export function integrityProblem(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
    const found = rows
      .flatMap((r) => r.quick_check.split('\n'))
      .map((l) => l.trim())
      .filter((l) => l && l !== 'ok' && !l.startsWith('***'));
    if (!found.length) return null;
    return `${found.length}${found.length >= 20 ? '+' : ''} problem(s), the first: ${found[0]!.slice(0, 200)}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Moves the damaged file (and its WAL) aside as corpus.sqlite.damaged, so the next ingest builds a new one; a copy
 * is kept for whoever wants to look at it, and replaced by the next damaged one.
 */
export function setDamagedAside(build: string): void {
  const file = corpusFile(build);
  if (existsSync(file)) renameSync(file, `${file}.damaged`);
  for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/**
 * The corpus, watched for damage: a query that finds the file damaged starts `rebuild` (once for any number of queries
 * meeting it), and the corpus is opened again once it is done. With `wait`, the query waits for the rebuild and is
 * answered from the new file; without, it fails at once with CorpusDamagedError (the bot, which must answer within
 * seconds), while queries that do not touch the damage go on answering from the old file.
 */
export function healingCorpus(open: () => Corpus, rebuild: (why: string) => Promise<void>, o: { wait: boolean }): Corpus {
  let inner = open();
  let rebuilding: Promise<void> | null = null;
  const start = (why: string) =>
    (rebuilding ??= rebuild(why)
      .then(async () => {
        const old = inner;
        inner = open();
        await old.close();
      })
      .finally(() => {
        rebuilding = null;
      }));
  const guarded = async (call: (c: Corpus) => Promise<unknown>) => {
    try {
      return await call(inner);
    } catch (e) {
      if (!isCorpusDamage(e)) throw e;
      const done = start(e instanceof Error ? e.message : String(e));
      if (!o.wait) {
        done.catch(() => undefined); // the rebuild logs its own failure; the next damaged query tries again
        throw new CorpusDamagedError();
      }
      await done;
      return call(inner);
    }
  };
  return new Proxy({} as Corpus, {
    get(_target, key) {
      const value = Reflect.get(inner, key);
      // The gazetteer, names and the in-memory lookups read no file; close closes whichever file is open now.
      if (typeof value !== 'function' || key === 'actor' || key === 'corridor') return value;
      if (key === 'close') return () => inner.close();
      return (...args: unknown[]) => guarded((c) => (Reflect.get(c, key) as (...a: unknown[]) => Promise<unknown>).apply(c, args));
    },
  });
}
