// Who a process is, in the store's leases and claims: "host:pid:random". The random part keeps two processes that
// get one pid in turn (a restart) apart; the host and pid let another process on the same machine see that the owner
// is gone, so what it left half done is taken over at once, not after a grace that only guesses how long it may live.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { OwnerGone } from '../store/orphaned-lease.js';

export const processOwner = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * True only with evidence that the owner's process has ended: it ran on this machine and its pid answers no signal.
 * An owner on another machine, one written by an older version, or a pid now used by another process, is not known
 * to be gone (false), and its claims wait out their grace as before.
 */
export const ownerGone: OwnerGone = (owner) => {
  const m = owner?.match(/^(.+):(\d+):[0-9a-f]+$/);
  if (!m || m[1] !== hostname()) return false;
  const pid = Number(m[2]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: the pid runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
};
