// Wires subscriptions to node-cron; no digest logic lives here. One task per
// active subscription (noOverlap), plus a per-subscription queue so that a
// scheduled fire, a catch-up and a send-now never run at the same time. On
// start it retries interrupted fires and catches up missed ones; on stop it
// halts the tasks and lets an in-flight delivery finish or logs it as failed.
// A fire that finds the database not answering cannot even be claimed: it is
// a missed fire, caught up (within the grace) by recover() once the database
// answers again, the way a fire missed while the bot was down is at start.
// A fire never rejects into node-cron, which would print raw stack traces.
import cron, { type ScheduledTask } from 'node-cron';
import { isUnavailable } from '../store/store-health.js';
import type { Subscription } from '../store/store.js';
import { planCatchUp } from './catch-up.js';
import { deliverFire, type DeliveryDeps, type DeliveryOutcome } from './deliver.js';

export interface SchedulerDeps extends DeliveryDeps {
  graceMs: number;
}

export interface Scheduler {
  /** Catches up, then schedules every active subscription. May follow a stop (a standby taking over). */
  start(): Promise<void>;
  /** Brings the tasks in line with the store: subscriptions added, paused or removed by another process. */
  sync(): Promise<void>;
  /** Starts (or restarts) the task of an active subscription. */
  add(sub: Subscription): void;
  remove(id: string): void;
  nextRun(id: string): Date | null;
  /** Delivers one digest now, queued behind any delivery of the same subscription. */
  sendNow(id: string): Promise<DeliveryOutcome>;
  /** After a database outage: catches up the subscriptions whose fires could not be claimed meanwhile. */
  recover(): Promise<void>;
  stop(graceMs: number): Promise<void>;
}

/** Fires are whole seconds: the same slot always gives the same log key and nonce. */
const slot = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

export function makeScheduler(deps: SchedulerDeps): Scheduler {
  const tasks = new Map<string, ScheduledTask>();
  const queues = new Map<string, Promise<unknown>>();
  const inFlight = new Map<string, { id: string; fire: Date }>();
  /** Subscriptions with a fire the database could not record (it did not answer): caught up by recover(). */
  const missed = new Set<string>();
  /** Scheduling: only while this process holds the schedule (start .. stop). */
  let running = false;
  /** Stopping: queued deliveries that have not begun are refused. */
  let stopped = false;

  function run(id: string, fire: Date, why: string): Promise<DeliveryOutcome> {
    const key = `${id}@${fire.toISOString()}`;
    const job = (queues.get(id) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        if (stopped) return { status: 'failed', reason: 'the bot is shutting down' } as DeliveryOutcome;
        inFlight.set(key, { id, fire });
        try {
          const outcome = await deliverFire(deps, id, fire);
          if (outcome.status === 'paused' || outcome.status === 'gone') remove(id);
          return outcome;
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          if (isUnavailable(e)) return missedFire(id, fire, reason);
          deps.log.error(`digest ${id} (${why}) crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          try {
            await deps.store.updateFire(id, fire.toISOString(), { status: 'failed', error: reason }, deps.now());
          } catch (again) {
            if (isUnavailable(again)) return missedFire(id, fire, reason);
            deps.log.error(`digest ${id}: could not log the failed fire: ${again instanceof Error ? again.message : String(again)}`);
          }
          return { status: 'failed', reason } as DeliveryOutcome;
        } finally {
          inFlight.delete(key);
        }
      });
    queues.set(id, job);
    return job;
  }

  function missedFire(id: string, fire: Date, reason: string): DeliveryOutcome {
    missed.add(id);
    // The store said once that it stopped answering; each fire it holds up is a debug line, caught up later.
    deps.log.debug(
      `digest ${id}: the fire of ${fire.toISOString()} could not be recorded (${reason}); caught up when the database is back`,
    );
    return { status: 'failed', reason: `the database did not answer: ${reason}` };
  }

  /**
   * What node-cron says about a task (a fire skipped because the last one still runs, a missed fire) goes to the log
   * with the subscription's id, not to the console: on a busy machine a slow fire is news for the log, not a crash.
   */
  function cronLogger(id: string) {
    const line = (m: string | Error) => `digest ${id}: node-cron: ${m instanceof Error ? m.message : m}`;
    return {
      info: (m: string) => deps.log.debug(line(m)),
      warn: (m: string) => deps.log.warn(line(m)),
      error: (m: string | Error, e?: Error) => deps.log.error(`${line(m)}${e ? ` (${e.message})` : ''}`),
      debug: (m: string | Error) => deps.log.debug(line(m)),
    };
  }

  function add(sub: Subscription): void {
    remove(sub.id);
    // Stopped, or a standby: the process holding the lease schedules it (see leadership.ts).
    if (sub.status !== 'active' || !running) return;
    const task = cron.schedule(sub.cron, (ctx) => run(sub.id, slot(ctx.date), 'scheduled'), {
      timezone: sub.timezone,
      name: `digest-${sub.id}`,
      noOverlap: true,
      logger: cronLogger(sub.id),
    });
    tasks.set(sub.id, task);
  }

  function remove(id: string): void {
    const task = tasks.get(id);
    if (task) void task.destroy();
    tasks.delete(id);
  }

  async function catchUp(sub: Subscription): Promise<void> {
    const now = deps.now();
    for (const p of (await deps.store.pendingFires()).filter((d) => d.subscriptionId === sub.id)) {
      if (now.getTime() - Date.parse(p.fireTime) <= deps.graceMs) {
        deps.log.info(`digest ${sub.id}: retrying the interrupted fire of ${p.fireTime} (same nonce, so no double post)`);
        await run(sub.id, new Date(p.fireTime), 'interrupted');
      } else
        await deps.store.updateFire(sub.id, p.fireTime, { status: 'failed', error: 'interrupted by a stop, and too old to retry' }, now);
    }
    const plan = planCatchUp(sub, await deps.store.latestFire(sub.id), now, deps.graceMs);
    for (const s of plan.skip) {
      if ((await deps.store.claimFire(sub.id, s.fire, now)).claimed)
        await deps.store.updateFire(sub.id, s.fire.toISOString(), { status: 'skipped', error: s.reason }, now);
    }
    if (plan.skip.length) deps.log.warn(`digest ${sub.id}: ${plan.skip.length} missed fire(s) logged as skipped`);
    if (plan.deliver) {
      deps.log.info(`digest ${sub.id}: catching up the fire of ${plan.deliver.toISOString()} missed while the bot was down`);
      await run(sub.id, plan.deliver, 'catch-up');
    }
  }

  return {
    async start() {
      stopped = false;
      running = true;
      const subs = (await deps.store.subscriptions()).filter((s) => s.status === 'active');
      for (const sub of subs) add(sub);
      await Promise.all(
        subs.map((s) =>
          catchUp(s).catch((e) => deps.log.error(`digest ${s.id}: catch-up failed: ${e instanceof Error ? e.message : String(e)}`)),
        ),
      );
    },
    add,
    remove,
    async sync() {
      if (!running) return;
      const subs = await deps.store.subscriptions();
      // Stopped while the store answered: nothing to schedule.
      if (!running) return;
      const active = new Map(subs.filter((s) => s.status === 'active').map((s) => [s.id, s]));
      for (const id of [...tasks.keys()]) if (!active.has(id)) remove(id);
      for (const [id, sub] of active) if (!tasks.has(id)) add(sub);
    },
    nextRun: (id) => tasks.get(id)?.getNextRun() ?? null,
    async recover() {
      const ids = [...missed];
      missed.clear();
      if (!running) return;
      for (const id of ids) {
        try {
          const sub = await deps.store.subscription(id);
          if (sub?.status === 'active') await catchUp(sub);
        } catch (e) {
          if (isUnavailable(e)) missed.add(id);
          else deps.log.error(`digest ${id}: catch-up after the outage failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    },
    // Scheduled fires are whole seconds; a send-now keeps its milliseconds (never .000) so it never takes a scheduled fire's log
    // row or nonce.
    sendNow: (id) => {
      const now = deps.now().getTime();
      return run(id, new Date(now % 1000 === 0 ? now + 1 : now), 'send-now');
    },
    async stop(graceMs) {
      stopped = true;
      running = false;
      for (const id of [...tasks.keys()]) remove(id);
      const settled = Promise.allSettled([...queues.values()]);
      await Promise.race([settled, new Promise((r) => setTimeout(r, graceMs).unref())]);
      for (const { id, fire } of inFlight.values()) {
        await deps.store.updateFire(
          id,
          fire.toISOString(),
          { status: 'failed', error: 'the bot stopped before Discord confirmed the post' },
          deps.now(),
        );
        deps.log.warn(`digest ${id}: delivery for ${fire.toISOString()} interrupted by shutdown; logged as failed`);
      }
    },
  };
}
