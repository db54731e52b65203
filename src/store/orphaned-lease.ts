// A lease whose holder is known to have ended (a kill -9, a crash; see app/process-owner.ts) is taken at once, not
// after it expires: a bot restarted on the same machine runs its digests and polls its feeds straight away. Without
// that evidence (another machine, an older version) the lease is waited out as before.
import type { LeaseState, Store } from './store.js';

/** Whether a lease's or a claim's owner is known to have ended. */
export type OwnerGone = (owner: string | null) => boolean;

export async function acquireLeaseOrOrphan(
  store: Pick<Store, 'acquireLease'>,
  name: string,
  owner: string,
  ttlMs: number,
  now: Date,
  gone: OwnerGone | undefined,
): Promise<LeaseState> {
  const lease = await store.acquireLease(name, owner, ttlMs, now);
  if (lease.held || !gone?.(lease.owner)) return lease;
  // Taken from that owner only: should another process have taken it meanwhile, it stays theirs.
  return store.acquireLease(name, owner, ttlMs, now, lease.owner);
}
