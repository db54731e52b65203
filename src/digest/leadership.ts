// One digest scheduler per database. Every bot process on the same store
// competes for the "scheduler" lease; the holder runs the schedule and renews
// the lease every third of its time to live, the others wait as standbys and
// take over when it expires (a crash, kill -9, a lost machine), or at once when
// its holder ran on their machine and has ended. Claims in the
// delivery log stay atomic on top of this, so a fire is never posted by two.
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Scheduler } from './scheduler.js';
import { isUnavailable } from '../store/store-health.js';
import { acquireLeaseOrOrphan, type OwnerGone } from '../store/orphaned-lease.js';

export const SCHEDULER_LEASE = 'scheduler';

export interface LeadershipDeps {
  store: Store;
  scheduler: Scheduler;
  /** Names this process in the lease and the log: host, pid and a random part. */
  owner: string;
  ttlMs: number;
  now(): Date;
  log: Logger;
  /** Whether a lease's holder is known to have ended: its lease is taken at once (see orphaned-lease.ts). */
  ownerGone?: OwnerGone;
}

export interface Leadership {
  /** Takes the lease if it is free (and starts the schedule), else stands by; then keeps checking. */
  start(): Promise<void>;
  leading(): boolean;
  /** One check of the lease now (the timer does this every ttl/3); for tests with a fake clock. */
  checkNow(): Promise<void>;
  /** Stops the schedule if this process runs it, and gives the lease up for the next one. */
  stop(graceMs: number): Promise<void>;
}

export function makeLeadership(deps: LeadershipDeps): Leadership {
  let leading = false;
  let standbyLogged = false;
  let timer: NodeJS.Timeout | null = null;
  let tick: Promise<void> = Promise.resolve();

  async function check(): Promise<void> {
    const lease = await acquireLeaseOrOrphan(deps.store, SCHEDULER_LEASE, deps.owner, deps.ttlMs, deps.now(), deps.ownerGone);
    if (lease.held && !leading) {
      leading = true;
      standbyLogged = false;
      deps.log.info(`this process (${deps.owner}) runs the digest schedule`);
      await deps.scheduler.start();
    } else if (lease.held) {
      await deps.scheduler.sync();
    } else if (leading) {
      leading = false;
      deps.log.warn(`the digest schedule lease passed to ${lease.owner}; this process stands by`);
      await deps.scheduler.stop(1000);
    } else if (!standbyLogged) {
      standbyLogged = true;
      deps.log.info(
        `another process (${lease.owner}) runs the digest schedule until ${lease.expiresAt}; this one stands by and takes over if it ` +
          `stops renewing`,
      );
    }
  }

  const next = () => {
    // A database that does not answer is said once by the watched store, not on every tick.
    tick = tick
      .then(check)
      .catch((e: unknown) =>
        isUnavailable(e) ? undefined : deps.log.error(`digest schedule lease: ${e instanceof Error ? e.message : String(e)}`),
      );
    return tick;
  };

  return {
    async start() {
      await next();
      timer = setInterval(() => void next(), Math.max(250, Math.floor(deps.ttlMs / 3)));
      timer.unref();
    },
    leading: () => leading,
    checkNow: next,
    async stop(graceMs) {
      if (timer) clearInterval(timer);
      timer = null;
      await tick;
      if (leading) {
        await deps.scheduler.stop(graceMs);
        await deps.store.releaseLease(SCHEDULER_LEASE, deps.owner);
        leading = false;
      }
    },
  };
}
