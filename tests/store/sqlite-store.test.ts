import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { NEW_SUB, tempDir, tempStore } from '../helpers/temp-store.js';

const T0 = new Date('2026-11-24T08:00:00Z');

describe('the SQLite store', () => {
  it('creates the folder, migrates to the current schema in WAL mode, and keeps subscriptions across reopening', async () => {
    const file = join(tempDir(), 'nested', 'state', 'b.sqlite');
    const store = await openStore(`sqlite:${file}`);
    const sub = await store.addSubscription({ ...NEW_SUB, topics: ['Iran', 'Zangezur corridor'], thread: true }, T0);
    expect(sub).toMatchObject({
      status: 'active',
      pauseReason: null,
      topics: ['Iran', 'Zangezur corridor'],
      thread: true,
      createdAt: T0.toISOString(),
    });
    expect(sub.id).toMatch(/^d[a-z0-9]{6}$/);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = await openStore(`sqlite:${file}`);
    expect(await again.subscription(sub.id)).toEqual(sub);
    expect(await again.subscriptions(NEW_SUB.guildId)).toHaveLength(1);
    expect(await again.subscriptions('999')).toHaveLength(0);
    await again.close();
  });

  it('claims a fire once: a second claim returns the logged row without claiming', async () => {
    const { store } = tempStore();
    const sub = await store.addSubscription(NEW_SUB, T0);
    const first = await store.claimFire(sub.id, T0, T0);
    expect(first.claimed).toBe(true);
    expect(first.delivery.status).toBe('pending');
    await store.updateFire(
      sub.id,
      first.delivery.fireTime,
      { status: 'delivered', messageId: 'm1', periodStart: '2026-11-23T08:00:00.000Z', periodEnd: T0.toISOString() },
      T0,
    );
    const second = await store.claimFire(sub.id, T0, T0);
    expect(second.claimed).toBe(false);
    expect(second.delivery).toMatchObject({ status: 'delivered', messageId: 'm1' });
    expect((await store.lastDelivered(sub.id))?.periodEnd).toBe(T0.toISOString());
    expect(await store.pendingFires()).toEqual([]);
  });

  it('removes a subscription with its delivery log', async () => {
    const { store } = tempStore();
    const sub = await store.addSubscription(NEW_SUB, T0);
    await store.claimFire(sub.id, T0, T0);
    expect(await store.removeSubscription(sub.id)).toBe(true);
    expect(await store.deliveries(sub.id)).toEqual([]);
    expect(await store.removeSubscription(sub.id)).toBe(false);
  });

  it('records when articles first reach the corpus, and never moves that time', async () => {
    const { store } = tempStore();
    expect(await store.recordArticles(['a', 'b'], T0)).toBe(2);
    expect(await store.recordArticles(['b', 'c'], new Date('2026-11-25T00:00:00Z'))).toBe(1);
    expect(await store.articlesSeenBetween(new Date(0), new Date('2027-01-01T00:00:00Z'))).toEqual(
      new Map([
        ['a', T0.toISOString()],
        ['b', T0.toISOString()],
        ['c', '2026-11-25T00:00:00.000Z'],
      ]),
    );
  });

  it('refuses a file that is not a database, and leaves it untouched', async () => {
    const file = join(tempDir(), 'notes.sqlite');
    writeFileSync(file, 'these are my notes, not a database '.repeat(100));
    const thrown = (() => {
      try {
        openSqliteStore(file);
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(StoreError);
    expect((thrown as StoreError).problem.code).toBe('store-unavailable');
    expect((thrown as StoreError).message).toMatch(/cannot open the database .*notes\.sqlite.*left as it is/);
    expect(readFileSync(file, 'utf8')).toMatch(/^these are my notes/);
  });

  it('refuses a database written by a newer version', async () => {
    const file = join(tempDir(), 'newer.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer version of briefing-bot/);
  });

  it('rejects a DATABASE_URL that is neither sqlite: nor postgres://', async () => {
    await expect(openStore('mysql://db/briefing')).rejects.toThrow(/must be sqlite:<path> .* or postgres:\/\//);
    await expect(openStore('postgres://[broken')).rejects.toThrow(/not a valid postgres:\/\/ URL/);
  });
});
