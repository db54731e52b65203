// A real SQLite store in a temporary folder, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { testTmp } from './temp-data.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { NewSubscription, Store } from '../../src/store/store.js';

export function tempDir(): string {
  const dir = mkdtempSync(join(testTmp(), 'store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempStore(): { store: Store; file: string } {
  const file = join(tempDir(), 'briefing.sqlite');
  return { store: openSqliteStore(file), file };
}

export const NEW_SUB: NewSubscription = {
  guildId: '200000000000000002',
  channelId: '300000000000000003',
  schedule: 'daily 08:00',
  cron: '0 8 * * *',
  timezone: 'UTC',
  topics: [],
  thread: false,
  skipEmpty: false,
  chart: true,
  createdBy: '400000000000000004',
};
