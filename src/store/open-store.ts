// DATABASE_URL -> a Store: the embedded SQLite file ("sqlite:<path>", relative
// to the working directory; its folder is created; by default
// DATA_DIR/state/briefing.sqlite), or a PostgreSQL server
// ("postgres://user:password@host:5432/db") for several processes at once.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openSqliteStore } from './sqlite-store.js';
import { StoreError } from './store-error.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

/** The state's default home: beside the data it describes, not in whatever folder the process was started from. */
export const defaultDatabaseUrl = (dataDir: string) => `sqlite:${join(dataDir, 'state', 'briefing.sqlite')}`;

const POSTGRES = /^postgres(?:ql)?:\/\//i;

/** What a DATABASE_URL names: a SQLite file, a Postgres server, or a reason it is neither. */
export function storeTarget(url: string): { path: string } | { postgres: string } | { problem: string } {
  const u = url.trim();
  if (POSTGRES.test(u)) return URL.canParse(u) ? { postgres: u } : { problem: 'is not a valid postgres:// URL' };
  const m = /^sqlite:(?:\/\/)?(.+)$/.exec(u);
  if (!m)
    return {
      problem: 'must be sqlite:<path> (e.g. sqlite:data/state/briefing.sqlite) or postgres://user:password@host:5432/database',
    };
  return { path: m[1]! };
}

export async function openStore(url: string): Promise<Store> {
  const target = storeTarget(url);
  if ('problem' in target) throw new StoreError(`DATABASE_URL ${target.problem}`);
  if ('postgres' in target) return openPostgresStore(target.postgres);
  const file = resolve(target.path);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw new StoreError(`cannot create the folder for DATABASE_URL (${dirname(file)}): ${e instanceof Error ? e.message : String(e)}`);
  }
  return openSqliteStore(file);
}
