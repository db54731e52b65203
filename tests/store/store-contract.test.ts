// One contract for every state store: the embedded SQLite file and a
// PostgreSQL server must behave alike, call for call. The Postgres half runs
// against a real server (tests/helpers/test-postgres.ts) in a schema of its
// own, dropped afterwards; where no server answers it is skipped.
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { NEW_SUB, tempDir } from '../helpers/temp-store.js';
import { dropMadeForTests, freshSchema, PG_URL, postgresAnswers } from '../helpers/test-postgres.js';

const havePostgres = await postgresAnswers();
afterAll(dropMadeForTests);

/** Opens stores on one database: a second call is a second process on the same state. */
type Opener = () => Promise<Store>;

const backends: [string, boolean, () => Opener][] = [
  [
    'SQLite',
    true,
    () => {
      const file = join(tempDir(), 'state.sqlite');
      return async () => openSqliteStore(file);
    },
  ],
  [
    'Postgres',
    havePostgres,
    () => {
      const schema = freshSchema();
      return () => openPostgresStore(PG_URL, { schema, maxConnections: 2 });
    },
  ],
];

const T0 = new Date('2026-11-24T08:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe.each(backends)('the %s store', (_name, available, fresh) => {
  describe.skipIf(!available)('contract', () => {
    const stores: Store[] = [];
    const open = async (opener: Opener) => {
      const s = await opener();
      stores.push(s);
      return s;
    };
    afterAll(async () => {
      for (const s of stores) await s.close();
    });

    it('adds, finds, lists per server, pauses and removes subscriptions', async () => {
      const store = await open(fresh());
      const a = await store.addSubscription({ ...NEW_SUB, topics: ['Iran', 'Zangezur Corridor'], thread: true }, T0);
      const b = await store.addSubscription({ ...NEW_SUB, guildId: 'other' }, at(1));
      expect(a).toMatchObject({ status: 'active', pauseReason: null, topics: ['Iran', 'Zangezur Corridor'], thread: true, chart: true });
      expect(a.id).toMatch(/^d[a-z0-9]{6}$/);
      expect(await store.subscription(a.id)).toEqual(a);
      expect(await store.subscription('dnothere')).toBeUndefined();
      expect((await store.subscriptions()).map((s) => s.id)).toEqual([a.id, b.id]);
      expect((await store.subscriptions(NEW_SUB.guildId)).map((s) => s.id)).toEqual([a.id]);
      await store.setStatus(a.id, 'paused', 'missing permission');
      expect(await store.subscription(a.id)).toMatchObject({ status: 'paused', pauseReason: 'missing permission' });
      expect(await store.removeSubscription(a.id)).toBe(true);
      expect(await store.removeSubscription(a.id)).toBe(false);
      expect((await store.subscriptions()).map((s) => s.id)).toEqual([b.id]);
    });

    it('claims a fire once, updates it field by field, and orders the log', async () => {
      const store = await open(fresh());
      const sub = await store.addSubscription(NEW_SUB, T0);
      const first = await store.claimFire(sub.id, at(60), at(60));
      expect(first).toMatchObject({ claimed: true, delivery: { status: 'pending', attempts: 0, fireTime: at(60).toISOString() } });
      expect((await store.claimFire(sub.id, at(60), at(61))).claimed).toBe(false);
      expect(await store.pendingFires()).toHaveLength(1);
      await store.updateFire(sub.id, at(60).toISOString(), { status: 'pending', attempts: 2, error: 'HTTP 500' }, at(62));
      await store.updateFire(
        sub.id,
        at(60).toISOString(),
        { status: 'delivered', messageId: 'm1', error: null, periodStart: T0.toISOString(), periodEnd: at(60).toISOString() },
        at(63),
      );
      // Fields not given keep their value (attempts), given ones change (error cleared).
      expect(await store.latestFire(sub.id)).toMatchObject({ status: 'delivered', messageId: 'm1', attempts: 2, error: null });
      expect(await store.pendingFires()).toEqual([]);
      await store.claimFire(sub.id, at(120), at(120));
      await store.updateFire(sub.id, at(120).toISOString(), { status: 'failed', error: 'gave up' }, at(121));
      expect((await store.latestFire(sub.id))?.fireTime).toBe(at(120).toISOString());
      // The next digest starts where the last one that reached the channel ended.
      expect((await store.lastDelivered(sub.id))?.periodEnd).toBe(at(60).toISOString());
      expect((await store.deliveries(sub.id, 10)).map((d) => d.status)).toEqual(['failed', 'delivered']);
      expect(await store.deliveries(sub.id, 1)).toHaveLength(1);
      // A subscription's log goes with it.
      await store.removeSubscription(sub.id);
      expect(await store.deliveries(sub.id)).toEqual([]);
    });

    it('gives a lease to one process at a time, renews it for its holder, and hands it over when it lapses or is released', async () => {
      const opener = fresh();
      const a = await open(opener);
      const b = await open(opener);
      expect(await a.acquireLease('scheduler', 'A', 30_000, T0)).toEqual({ held: true, owner: 'A', expiresAt: at(30).toISOString() });
      expect(await b.acquireLease('scheduler', 'B', 30_000, at(1))).toMatchObject({ held: false, owner: 'A' });
      expect(await a.acquireLease('scheduler', 'A', 30_000, at(10))).toMatchObject({ held: true, expiresAt: at(40).toISOString() });
      expect((await b.acquireLease('scheduler', 'B', 30_000, at(39))).held).toBe(false);
      expect(await b.acquireLease('scheduler', 'B', 30_000, at(41))).toMatchObject({ held: true, owner: 'B' });
      await b.releaseLease('scheduler', 'B');
      expect((await a.acquireLease('scheduler', 'A', 30_000, at(42))).held).toBe(true);
    });

    it('hands an unexpired lease over only from the owner named as ended, once', async () => {
      const opener = fresh();
      const [a, b, c] = await Promise.all([open(opener), open(opener), open(opener)]);
      expect((await a.acquireLease('feeds', 'A', 30_000, T0)).held).toBe(true);
      // Naming another owner as ended takes nothing.
      expect(await b.acquireLease('feeds', 'B', 30_000, at(1), 'someone-else')).toMatchObject({ held: false, owner: 'A' });
      // Two processes that both see A ended: one of them gets it, and the other does not take it from that one.
      const both = await Promise.all([b.acquireLease('feeds', 'B', 30_000, at(2), 'A'), c.acquireLease('feeds', 'C', 30_000, at(2), 'A')]);
      expect(both.filter((r) => r.held)).toHaveLength(1);
      const holder = both.find((r) => r.held)!.owner;
      expect((await a.acquireLease('feeds', 'A', 30_000, at(3))).owner).toBe(holder);
    });

    it('never lets two processes take a free lease at the same moment', async () => {
      const opener = fresh();
      const contenders = await Promise.all(Array.from({ length: 4 }, () => open(opener)));
      const results = await Promise.all(contenders.map((s, i) => s.acquireLease('feeds', `P${i}`, 30_000, T0)));
      expect(results.filter((r) => r.held)).toHaveLength(1);
      expect(new Set(results.map((r) => r.owner)).size).toBe(1);
    });

    it('records a signed request once across processes, refuses it again until its time, then forgets it', async () => {
      const opener = fresh();
      const a = await open(opener);
      const b = await open(opener);
      expect(await a.firstSighting('sig-1', at(300), T0)).toBe(true);
      expect(await b.firstSighting('sig-1', at(300), at(1))).toBe(false);
      expect(await a.firstSighting('sig-1', at(300), at(299))).toBe(false);
      // Many at once, as replicas under load: each key is first exactly once.
      const race = await Promise.all([a, b, a, b].map((s) => s.firstSighting('sig-2', at(300), at(2))));
      expect(race.filter(Boolean)).toHaveLength(1);
      // Past its time the key is gone (its signature would be refused as stale by then anyway).
      expect(await b.firstSighting('sig-3', at(400), at(301))).toBe(true);
      expect(await a.firstSighting('sig-1', at(601), at(301))).toBe(true);
    });

    it('records when articles first reached the corpus, counting only new ones', async () => {
      const store = await open(fresh());
      expect(await store.recordArticles(['a1', 'a2'], T0)).toBe(2);
      expect(await store.recordArticles(['a2', 'a3'], at(5))).toBe(1);
      expect(await store.recordArticles([], at(6))).toBe(0);
      expect(await store.articlesSeenBetween(at(-1), at(5))).toEqual(
        new Map([
          ['a1', T0.toISOString()],
          ['a2', T0.toISOString()],
          ['a3', at(5).toISOString()],
        ]),
      );
      // A period is open at its start and closed at its end, as a digest's is.
      expect(await store.articlesSeenBetween(T0, at(5))).toEqual(new Map([['a3', at(5).toISOString()]]));
      expect(await store.articlesSeenBetween(at(-1), at(4))).toEqual(
        new Map([
          ['a1', T0.toISOString()],
          ['a2', T0.toISOString()],
        ]),
      );
    });

    it('keeps feed state, the items seen and the pages saved, and forgets a removed feed', async () => {
      const store = await open(fresh());
      const state = {
        feedId: 'wire',
        etag: '"v1"',
        lastModified: null,
        lastAttempt: T0.toISOString(),
        lastSuccess: T0.toISOString(),
        lastNewItem: null,
        failures: 0,
        lastError: null,
        nextAttempt: null,
        pausedReason: null,
      };
      expect(await store.feedState('wire')).toBeUndefined();
      await store.saveFeedState(state);
      await store.saveFeedState({ ...state, failures: 2, lastError: 'HTTP 500' });
      expect(await store.feedState('wire')).toEqual({ ...state, failures: 2, lastError: 'HTTP 500' });
      const item = { state: 'done', lastError: null, nextAttempt: null } as const;
      await store.saveItem('wire', { guid: 'g1', version: 'v1', url: 'https://wire.example/1', failures: 0, ...item }, T0);
      await store.saveItem('wire', { guid: 'g1', version: 'v2', url: 'https://wire.example/1', failures: 1, ...item }, at(1));
      await store.saveItem('wire', { guid: 'g2', version: 'v1', url: null, failures: 0, ...item }, T0);
      const seen = await store.seenItems('wire', ['g1', 'g3']);
      expect([...seen.entries()]).toEqual([['g1', { guid: 'g1', version: 'v2', url: 'https://wire.example/1', failures: 1, ...item }]]);
      await store.savePage({ url: 'https://wire.example/1', fingerprint: 'f1', file: 'feeds/wire/one.html' }, T0);
      await store.savePage({ url: 'https://wire.example/1', fingerprint: 'f2', file: 'feeds/wire/one.html' }, at(1));
      expect(await store.pageByUrl('https://wire.example/1')).toEqual({
        url: 'https://wire.example/1',
        fingerprint: 'f2',
        file: 'feeds/wire/one.html',
      });
      expect(await store.pageByFingerprint('f2')).toMatchObject({ file: 'feeds/wire/one.html' });
      expect(await store.pageByFingerprint('f1')).toBeUndefined();
      await store.forgetFeed('wire');
      expect(await store.feedState('wire')).toBeUndefined();
      expect((await store.seenItems('wire', ['g1', 'g2'])).size).toBe(0);
      // Saved pages stay: their files are in raw/, and another feed may bring the same URL.
      expect(await store.pageByUrl('https://wire.example/1')).toBeDefined();
    });

    it('queues feed items apart from the feed: newest first, retried after their backoff, given up with the reason', async () => {
      const store = await open(fresh());
      const queued = (guid: string, rank: string, extra: object = {}) => ({
        guid,
        version: 'v1',
        url: `https://wire.example/${guid}`,
        failures: 0,
        state: 'waiting' as const,
        lastError: null,
        nextAttempt: null,
        payload: `{"guid":"${guid}"}`,
        rank,
        ...extra,
      });
      await store.saveItem('wire', queued('old', '2025-01-01T00:00:00.000Z#99999'), T0);
      await store.saveItem('wire', queued('new', '2025-03-01T00:00:00.000Z#99998'), T0);
      await store.saveItem('wire', queued('undated', '#99997'), T0);
      await store.saveItem(
        'wire',
        queued('later', '2025-02-01T00:00:00.000Z#99996', {
          state: 'retry',
          failures: 1,
          lastError: 'HTTP 503',
          nextAttempt: at(600).toISOString(),
        }),
        T0,
      );
      await store.saveItem(
        'wire',
        queued('dead', '2025-02-02T00:00:00.000Z#99995', { state: 'given-up', failures: 5, lastError: 'HTTP 404', nextAttempt: null }),
        T0,
      );
      await store.saveItem('other', queued('elsewhere', '2025-04-01T00:00:00.000Z#99999'), T0);
      const due = async (now: Date | null, limit = 10) => (await store.dueItems('wire', now, limit)).map((i) => i.guid);
      expect(await due(at(60))).toEqual(['new', 'old', 'undated']);
      expect(await due(at(60), 2)).toEqual(['new', 'old']);
      // Once its backoff has passed, or when a person asks (no clock), the failed item is due again.
      expect(await due(at(601))).toEqual(['new', 'later', 'old', 'undated']);
      expect(await due(null)).toEqual(['new', 'later', 'old', 'undated']);
      expect((await store.dueItems('wire', null, 1))[0]).toMatchObject({
        payload: '{"guid":"new"}',
        rank: '2025-03-01T00:00:00.000Z#99998',
      });
      // Done: off the queue, and its copy dropped.
      await store.saveItem('wire', { ...queued('new', ''), state: 'done' }, at(1));
      expect(await due(null)).toEqual(['later', 'old', 'undated']);
      expect(await store.itemBacklog('wire')).toEqual({
        waiting: 2,
        retrying: 1,
        givenUp: 1,
        errors: [
          { url: 'https://wire.example/later', guid: 'later', state: 'retry', reason: 'HTTP 503' },
          { url: 'https://wire.example/dead', guid: 'dead', state: 'given-up', reason: 'HTTP 404' },
        ],
      });
    });

    it('logs documents in order, only when their content changed, and gives what is new since a number', async () => {
      const opener = fresh();
      const [a, b] = [await open(opener), await open(opener)];
      const doc = (path: string, text: string) => ({
        path,
        sha: `sha-${text}`,
        content: Buffer.from(text).toString('base64'),
        modified: T0.toISOString(),
      });
      expect(await a.putDocuments([doc('raw/a.md', 'one'), doc('feeds.json', 'list')], T0)).toBe(2);
      // The same content again is not a change; a new content takes the next number, for any process.
      expect(await b.putDocuments([doc('raw/a.md', 'one')], at(1))).toBe(0);
      expect(await b.putDocuments([doc('raw/a.md', 'two'), doc('raw/b.md', 'three')], at(2))).toBe(2);
      const all = await a.documentsSince(0, 10);
      expect(all.map((d) => [d.path, d.seq])).toEqual([
        ['feeds.json', 2],
        ['raw/a.md', 3],
        ['raw/b.md', 4],
      ]);
      expect(Buffer.from(all[1]!.content, 'base64').toString()).toBe('two');
      expect(all[1]!.savedAt).toBe(at(2).toISOString());
      expect((await b.documentsSince(3, 10)).map((d) => d.path)).toEqual(['raw/b.md']);
      expect((await b.documentsSince(0, 1)).map((d) => d.path)).toEqual(['feeds.json']);
      expect(await a.lastSeq()).toBe(4);
      expect(await b.documentAt('raw/a.md')).toMatchObject({ path: 'raw/a.md', seq: 3, sha: 'sha-two' });
      expect(await b.documentAt('raw/none.md')).toBeNull();
      expect(await a.documentShas(['raw/a.md', 'raw/none.md'])).toEqual(new Map([['raw/a.md', 'sha-two']]));
    });

    it('numbers documents from processes writing at once without a gap or a clash', async () => {
      const opener = fresh();
      const writers = await Promise.all(Array.from({ length: 4 }, () => open(opener)));
      await Promise.all(
        writers.map((w, i) =>
          w.putDocuments(
            Array.from({ length: 5 }, (_, k) => ({ path: `raw/${i}-${k}.md`, sha: `${i}${k}`, content: '', modified: T0.toISOString() })),
            T0,
          ),
        ),
      );
      const seqs = (await writers[0]!.documentsSince(0, 100)).map((d) => d.seq);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('shows a corpus snapshot once committed, with its chunks in order, and drops the older one and unfinished ones', async () => {
      const opener = fresh();
      const [a, b] = [await open(opener), await open(opener)];
      expect(await b.latestSnapshot()).toBeNull();
      const first = { id: 's1', seq: 4, sha: 'sha-1', bytes: 6, chunks: 2, madeAt: T0.toISOString() };
      await a.putSnapshotChunk('s1', 1, 'ZGVm');
      await a.putSnapshotChunk('s1', 0, 'YWJj');
      // Chunks alone are no snapshot: readers see one once it is committed.
      expect(await b.latestSnapshot()).toBeNull();
      await a.commitSnapshot(first);
      expect(await b.latestSnapshot()).toEqual(first);
      expect([await b.snapshotChunk('s1', 0), await b.snapshotChunk('s1', 1), await b.snapshotChunk('s1', 2)]).toEqual([
        'YWJj',
        'ZGVm',
        null,
      ]);
      const second = { id: 's2', seq: 9, sha: 'sha-2', bytes: 3, chunks: 1, madeAt: at(5).toISOString() };
      await b.putSnapshotChunk('s2', 0, 'eHl6');
      await b.putSnapshotChunk('s3', 0, 'bGVmdA=='); // a snapshot whose maker stopped before committing it
      expect(await a.latestSnapshot()).toEqual(first);
      await b.commitSnapshot(second);
      expect(await a.latestSnapshot()).toEqual(second);
      expect(await a.snapshotChunk('s3', 0)).toBeNull();
      // A reader part-way through the old one learns it is gone, and starts again from the newest.
      expect(await a.snapshotChunk('s1', 1)).toBeNull();
      expect(await a.snapshotChunk('s2', 0)).toBe('eHl6');
    });

    it('adds, lists per server, pauses and removes watches, and logs one alert per watch and article', async () => {
      const opener = fresh();
      const [a, b] = [await open(opener), await open(opener)];
      const w = await a.addWatch({ guildId: 'g1', channelId: 'c1', rule: 'actor:Iran', thread: false, hourlyCap: 10, createdBy: 'u1' }, T0);
      expect(w).toMatchObject({
        id: expect.stringMatching(/^w[a-z2-9]{6}$/),
        status: 'active',
        createdAt: T0.toISOString(),
        hourlyCap: 10,
      });
      await b.addWatch({ guildId: 'g2', channelId: 'c2', rule: 'Baku', thread: true, hourlyCap: 3, createdBy: 'u2' }, at(1));
      expect((await b.watches('g1')).map((x) => x.rule)).toEqual(['actor:Iran']);
      expect((await a.watches()).map((x) => x.rule)).toEqual(['actor:Iran', 'Baku']);
      await b.setWatchStatus(w.id, 'paused', 'missing permission to post in the channel');
      expect(await a.watch(w.id)).toMatchObject({ status: 'paused', pauseReason: 'missing permission to post in the channel' });
      await b.setWatchStatus(w.id, 'active');
      expect(await a.watch(w.id)).toMatchObject({ status: 'active', pauseReason: null });

      // Two processes deliver: one alert is claimed, once.
      const claims = await Promise.all([
        a.claimAlert(w.id, 'art1', 'c1', 'story-1', at(10), 'host-a:1:aa'),
        b.claimAlert(w.id, 'art1', 'c1', 'story-1', at(10), 'host-b:2:bb'),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      await a.updateAlert(w.id, 'art1', 'posted', { messageId: 'm1' });
      expect(await b.claimAlert(w.id, 'art2', 'c1', 'story-1', at(20), 'host-b:2:bb')).toBe(true);
      await b.updateAlert(w.id, 'art2', 'also-reported');
      expect(await a.claimAlert(w.id, 'art3', 'c1', 'story-3', at(30), 'host-a:1:aa')).toBe(true);
      await a.updateAlert(w.id, 'art3', 'failed', { error: 'Missing Access' });

      expect(await b.claimAlert(w.id, 'art4', 'c1', 'story-4', at(40), 'host-b:2:bb')).toBe(true);
      // Claimed and never finished: what a restart looks for, with who claimed it.
      expect((await a.pendingAlerts()).map((x) => [x.articleId, x.claimedBy])).toEqual([['art4', 'host-b:2:bb']]);
      await a.updateAlert(w.id, 'art4', 'rolled-up');
      expect(await a.pendingAlerts()).toEqual([]);
      expect((await b.alerts(w.id, at(31))).map((x) => x.status)).toEqual(['rolled-up']);
      expect((await b.alerts(w.id, T0)).slice(1).map((x) => [x.articleId, x.status, x.messageId, x.error])).toEqual([
        ['art3', 'failed', null, 'Missing Access'],
        ['art2', 'also-reported', null, null],
        ['art1', 'posted', 'm1', null],
      ]);
      expect(await a.postedSince('c1', T0)).toBe(1);
      expect(await a.postedSince('c1', at(11))).toBe(0);
      expect(await b.storyAlert('c1', 'story-1', T0)).toMatchObject({ articleId: 'art1', messageId: 'm1' });
      expect(await b.storyAlert('c1', 'story-1', at(11))).toBeUndefined();
      expect(await b.storyAlert('c2', 'story-1', T0)).toBeUndefined();

      // A channel's alerts in one state over a period, oldest first.
      expect((await a.alertsIn('c1', 'posted', T0, at(60))).map((x) => x.articleId)).toEqual(['art1']);
      expect((await a.alertsIn('c1', 'posted', at(10), at(60))).map((x) => x.articleId)).toEqual([]);
      expect((await b.alertsIn('c2', 'posted', T0, at(60))).map((x) => x.articleId)).toEqual([]);

      // Up to when articles were checked against the watches: moved forward only.
      expect(await a.alertsCheckedUpTo()).toBeNull();
      await a.checkedAlertsUpTo(at(50));
      await b.checkedAlertsUpTo(at(45));
      expect(await b.alertsCheckedUpTo()).toBe(at(50).toISOString());
      await b.checkedAlertsUpTo(at(60));
      expect(await a.alertsCheckedUpTo()).toBe(at(60).toISOString());
      // Batches being checked, one per process, apart from that mark; ended, they are gone.
      await a.alertBatch('host-a:1:aa', at(61));
      await b.alertBatch('host-b:2:bb', at(62));
      await a.alertBatch('host-a:1:aa', at(63));
      expect((await b.alertBatches()).sort((x, y) => x.owner.localeCompare(y.owner))).toEqual([
        { owner: 'host-a:1:aa', at: at(63).toISOString() },
        { owner: 'host-b:2:bb', at: at(62).toISOString() },
      ]);
      await b.alertBatch('host-a:1:aa', null);
      expect(await a.alertBatches()).toEqual([{ owner: 'host-b:2:bb', at: at(62).toISOString() }]);
      expect(await a.alertsCheckedUpTo()).toBe(at(60).toISOString());

      // A removed watch takes its alerts with it.
      expect(await a.removeWatch(w.id)).toBe(true);
      expect(await a.removeWatch(w.id)).toBe(false);
      expect(await b.alerts(w.id, T0)).toEqual([]);
      expect(await a.watch(w.id)).toBeUndefined();
    });

    it('keeps everything across reopening', async () => {
      const opener = fresh();
      const first = await open(opener);
      const sub = await first.addSubscription(NEW_SUB, T0);
      await first.claimFire(sub.id, at(60), at(60));
      await first.close();
      stores.splice(stores.indexOf(first), 1);
      const again = await open(opener);
      expect(await again.subscription(sub.id)).toEqual(sub);
      expect(await again.pendingFires()).toHaveLength(1);
    });
  });
});

describe.skipIf(!havePostgres)('the Postgres store, opening', () => {
  it('names the server it cannot reach, without the password, and refuses a bad schema name', async () => {
    await expect(openPostgresStore('postgres://bot:s3cret@127.0.0.1:9/briefing')).rejects.toThrow(
      /cannot use the database at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:9\/briefing: .*Check DATABASE_URL/,
    );
    await expect(openPostgresStore('postgres://bot:s3cret@127.0.0.1:9/briefing')).rejects.not.toThrow(/s3cret/);
    await expect(openPostgresStore(PG_URL, { schema: 'x; DROP TABLE y' })).rejects.toThrow(/not a schema name/);
  });

  it('migrates once when several processes start together, and refuses a database from a newer version', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 3 }, () => openPostgresStore(PG_URL, { schema, maxConnections: 1 })));
    for (const s of stores) await s.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      const versions = await client.query(`SELECT version FROM ${schema}.schema_version`);
      expect(versions.rows).toHaveLength(1);
      await client.query(`UPDATE ${schema}.schema_version SET version = version + 1`);
    } finally {
      await client.end();
    }
    await expect(openPostgresStore(PG_URL, { schema })).rejects.toThrow(/written by a newer version of briefing-bot/);
  });
});
