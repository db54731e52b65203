import { describe, expect, it } from 'vitest';
import { contents } from '../helpers/corpus-contents.js';
import { planCatchUp } from '../../src/digest/catch-up.js';
import { digestNonce } from '../../src/digest/nonce.js';
import { makeScheduler } from '../../src/digest/scheduler.js';
import { digestThreadName, renderDigest } from '../../src/render/discord/digest-render.js';
import { makeLogger } from '../../src/logger.js';
import type { Subscription } from '../../src/store/store.js';
import { FakePublisher } from '../helpers/fake-publisher.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { NEW_SUB, tempStore } from '../helpers/temp-store.js';

const HOUR = 3600_000;
const GRACE = 6 * HOUR;
const sub = (o: Partial<Subscription> = {}): Subscription => ({
  ...NEW_SUB,
  id: 'dtest22',
  status: 'active',
  pauseReason: null,
  createdAt: '2026-11-20T00:00:00.000Z',
  ...o,
});
const iso = (d: Date | null) => d?.toISOString() ?? null;
const lastFire = (fireTime: string) => ({
  subscriptionId: 'dtest22',
  fireTime,
  status: 'delivered' as const,
  messageId: 'm',
  threadId: null,
  error: null,
  attempts: 1,
  periodStart: null,
  periodEnd: fireTime,
  updatedAt: fireTime,
});

describe('catching up after downtime', () => {
  it('delivers a fire missed within the grace window once', async () => {
    const plan = planCatchUp(sub(), lastFire('2026-11-23T08:00:00.000Z'), new Date('2026-11-24T10:00:00Z'), GRACE);
    expect(iso(plan.deliver)).toBe('2026-11-24T08:00:00.000Z');
    expect(plan.skip).toEqual([]);
  });

  it('logs misses older than the window as skipped and delivers only the newest recent one', async () => {
    const plan = planCatchUp(sub({ cron: '0 * * * *' }), lastFire('2026-11-24T01:00:00.000Z'), new Date('2026-11-24T10:30:00Z'), GRACE);
    expect(iso(plan.deliver)).toBe('2026-11-24T10:00:00.000Z');
    const skipped = plan.skip.map((s) => [s.fire.toISOString().slice(11, 16), s.reason.includes('outside') ? 'old' : 'covered']);
    expect(skipped).toEqual([
      ['02:00', 'old'],
      ['03:00', 'old'],
      ['04:00', 'old'],
      ['05:00', 'covered'],
      ['06:00', 'covered'],
      ['07:00', 'covered'],
      ['08:00', 'covered'],
      ['09:00', 'covered'],
    ]);
  });

  it('delivers nothing when every miss is older than the window', async () => {
    const plan = planCatchUp(sub(), lastFire('2026-11-20T08:00:00.000Z'), new Date('2026-11-23T20:00:00Z'), GRACE);
    expect(plan.deliver).toBeNull();
    expect(plan.skip.map((s) => s.fire.toISOString().slice(0, 10))).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('counts from the creation time when nothing was ever delivered, and misses nothing when up to date', async () => {
    expect(
      iso(planCatchUp(sub({ createdAt: '2026-11-24T07:59:00.000Z' }), undefined, new Date('2026-11-24T09:00:00Z'), GRACE).deliver),
    ).toBe('2026-11-24T08:00:00.000Z');
    expect(planCatchUp(sub(), lastFire('2026-11-24T08:00:00.000Z'), new Date('2026-11-24T09:00:00Z'), GRACE)).toEqual({
      deliver: null,
      skip: [],
    });
  });

  it('follows the subscription time zone', async () => {
    const plan = planCatchUp(sub({ timezone: 'Asia/Baku' }), lastFire('2026-11-23T04:00:00.000Z'), new Date('2026-11-24T05:00:00Z'), GRACE);
    expect(iso(plan.deliver)).toBe('2026-11-24T04:00:00.000Z');
  });
});

describe('the scheduler on start', () => {
  it('retries an interrupted fire with its nonce, catches up a recent miss once, and logs older ones as skipped', async () => {
    const { corpus } = seedCorpus();
    const { store } = tempStore();
    await store.recordArticles(
      (await contents(corpus)).articles.map((a) => a.id),
      new Date('2026-11-20T00:00:00Z'),
    );
    const daily = await store.addSubscription(NEW_SUB, new Date('2026-11-20T00:00:00Z'));
    const hourly = await store.addSubscription({ ...NEW_SUB, schedule: '0 * * * *', cron: '0 * * * *' }, new Date('2026-11-24T01:30:00Z'));
    const now = new Date('2026-11-24T10:30:00Z');
    await store.claimFire(daily.id, new Date('2026-11-24T08:00:00Z'), new Date('2026-11-24T08:00:00Z'));
    const publisher = new FakePublisher();
    await publisher.post(daily.channelId, { content: 'posted before the crash' }, digestNonce(daily.id, new Date('2026-11-24T08:00:00Z')));
    const scheduler = makeScheduler({
      store,
      corpus: () => corpus,
      publisher,
      render: renderDigest,
      threadName: digestThreadName,
      now: () => now,
      sleep: async () => {},
      log: makeLogger('error', () => {}),
      retries: 1,
      backoffMs: 1,
      graceMs: GRACE,
    });
    await scheduler.start();
    await scheduler.stop(1000);
    expect((await store.deliveries(daily.id, 10)).map((d) => [d.fireTime.slice(11, 16), d.status])).toEqual([['08:00', 'delivered']]);
    expect(publisher.messages.filter((m) => m.nonce === digestNonce(daily.id, new Date('2026-11-24T08:00:00Z')))).toHaveLength(1);
    const h = (await store.deliveries(hourly.id, 20)).map((d) => [d.fireTime.slice(11, 16), d.status]);
    expect(h[0]).toEqual(['10:00', 'delivered']);
    expect(h.filter(([, s]) => s === 'skipped')).toHaveLength(8);
    expect(publisher.messages).toHaveLength(2);
  });
});

describe('the scheduler on stop', () => {
  it('logs a delivery still waiting on Discord as failed, so it is not retried after the restart', async () => {
    const { corpus } = seedCorpus();
    const { store } = tempStore();
    const sub = await store.addSubscription(NEW_SUB, new Date('2026-11-24T07:00:00Z'));
    const publisher = new FakePublisher();
    publisher.post = () => new Promise(() => {});
    const logs: string[] = [];
    const scheduler = makeScheduler({
      store,
      corpus: () => corpus,
      publisher,
      render: renderDigest,
      threadName: digestThreadName,
      now: () => new Date('2026-11-24T08:00:00.250Z'),
      sleep: async () => {},
      log: makeLogger('warn', (l) => logs.push(l)),
      retries: 0,
      backoffMs: 1,
      graceMs: GRACE,
    });
    const sending = scheduler.sendNow(sub.id);
    await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop(100);
    expect(await store.deliveries(sub.id)).toMatchObject([
      { status: 'failed', error: 'the bot stopped before Discord confirmed the post' },
    ]);
    expect(await store.pendingFires()).toEqual([]);
    expect(logs.join('\n')).toMatch(/interrupted by shutdown; logged as failed/);
    void sending;
  });
});
