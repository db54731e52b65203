// DATABASE_URL -> a Store. Only the embedded SQLite backend exists today
// ("sqlite:<path>", relative to the working directory); its folder is created.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openSqliteStore, StoreError } from './sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DATABASE_URL = 'sqlite:data/state/briefing.sqlite';

/** The file a sqlite: URL names, or a reason it is not one. */
export function sqlitePath(url: string): { path: string } | { problem: string } {
  const m = /^sqlite:(?:\/\/)?(.+)$/.exec(url.trim());
  if (!m) return { problem: 'must be sqlite:<path>, e.g. sqlite:data/state/briefing.sqlite (other databases are not supported yet)' };
  return { path: m[1]! };
}

export function openStore(url: string): Store {
  const target = sqlitePath(url);
  if ('problem' in target) throw new StoreError(`DATABASE_URL ${target.problem}`);
  const file = resolve(target.path);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw new StoreError(`cannot create the folder for DATABASE_URL (${dirname(file)}): ${e instanceof Error ? e.message : String(e)}`);
  }
  return openSqliteStore(file);
}
