// One digest scheduler per database, against real SQLite files shared by two
// store connections (as two processes would), with a fake clock.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLeadership } from '../../src/digest/leadership.js';
import type { Scheduler } from '../../src/digest/scheduler.js';
import { makeLogger } from '../../src/logger.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { tempDir } from '../helpers/temp-store.js';

function recordingScheduler(events: string[], name: string): Scheduler {
  return {
    start: async () => void events.push(`${name} start`),
    stop: async () => void events.push(`${name} stop`),
    sync: async () => void events.push(`${name} sync`),
    add: () => undefined,
    remove: () => undefined,
    nextRun: () => null,
    sendNow: async () => ({ status: 'gone' }),
    recover: async () => undefined,
  };
}

/** Processes competing for the schedule on one SQLite file, as their names, at the time `now` gives. */
function contenders(events: string[], now: () => Date, log = makeLogger('error', () => {})) {
  const file = join(tempDir(), 'b.sqlite');
  return (name: string, ownerGone?: (o: string | null) => boolean) =>
    makeLeadership({
      store: openSqliteStore(file),
      scheduler: recordingScheduler(events, name),
      owner: name,
      ttlMs: 30_000,
      now,
      log,
      ...(ownerGone ? { ownerGone } : {}),
    });
}

describe('the scheduler lease', () => {
  it('is held by one process at a time, renewed by its holder, and taken over when it lapses', async () => {
    const file = join(tempDir(), 'b.sqlite');
    const a = openSqliteStore(file);
    const b = openSqliteStore(file);
    const t0 = new Date('2026-11-24T08:00:00Z');
    expect(await a.acquireLease('scheduler', 'A', 30_000, t0)).toEqual({ held: true, owner: 'A', expiresAt: '2026-11-24T08:00:30.000Z' });
    expect(await b.acquireLease('scheduler', 'B', 30_000, t0)).toMatchObject({ held: false, owner: 'A' });
    expect(await a.acquireLease('scheduler', 'A', 30_000, new Date(t0.getTime() + 10_000))).toMatchObject({
      held: true,
      expiresAt: '2026-11-24T08:00:40.000Z',
    });
    expect((await b.acquireLease('scheduler', 'B', 30_000, new Date(t0.getTime() + 39_000))).held).toBe(false);
    expect(await b.acquireLease('scheduler', 'B', 30_000, new Date(t0.getTime() + 41_000))).toMatchObject({ held: true, owner: 'B' });
    expect((await a.acquireLease('scheduler', 'A', 30_000, new Date(t0.getTime() + 42_000))).held).toBe(false);
    await b.releaseLease('scheduler', 'B');
    expect((await a.acquireLease('scheduler', 'A', 30_000, new Date(t0.getTime() + 43_000))).held).toBe(true);
    await a.close();
    await b.close();
  });

  it(
    'runs the schedule in the holder only; a standby starts it when the holder stops renewing, and the old holder stands ' + 'down',
    async () => {
      const events: string[] = [];
      let clock = new Date('2026-11-24T08:00:00Z');
      const logs: string[] = [];
      const make = contenders(
        events,
        () => clock,
        makeLogger('info', (l) => logs.push(l)),
      );
      const a = make('A');
      const b = make('B');
      await a.checkNow();
      await b.checkNow();
      expect([a.leading(), b.leading()]).toEqual([true, false]);
      expect(logs.join('\n')).toMatch(/another process \(A\) runs the digest schedule until 2026-11-24T08:00:30\.000Z; this one stands by/);
      await a.checkNow();
      expect(events).toEqual(['A start', 'A sync']);

      // A is frozen (or killed) and stops renewing; once its lease lapses, B takes over.
      clock = new Date(clock.getTime() + 31_000);
      await b.checkNow();
      expect(b.leading()).toBe(true);
      await a.checkNow();
      expect(a.leading()).toBe(false);
      expect(events).toEqual(['A start', 'A sync', 'B start', 'A stop']);
      expect(logs.join('\n')).toMatch(/lease passed to B; this process stands by/);

      // A clean stop hands the lease on at once.
      await b.stop(100);
      await a.checkNow();
      expect(a.leading()).toBe(true);
    },
  );

  it('is taken at once from a holder known to have ended, and waited out otherwise', async () => {
    const clock = new Date('2026-11-24T08:00:00Z');
    const events: string[] = [];
    const dead = new Set(['A']);
    const make = contenders(events, () => clock);
    await make('A').checkNow();
    // B has no evidence, C has: A was killed on their machine.
    const b = make('B');
    await b.checkNow();
    expect(b.leading()).toBe(false);
    const c = make('C', (o) => o !== null && dead.has(o));
    await c.checkNow();
    expect(c.leading()).toBe(true);
    expect(events).toEqual(['A start', 'C start']);
    // C runs; B, even with the evidence it now has of A, does not take it from C.
    const b2 = make('B2', (o) => o !== null && dead.has(o));
    await b2.checkNow();
    expect(b2.leading()).toBe(false);
  });
});
