// After downtime: which missed fires to deliver and which to log as skipped.
// Only the newest miss inside the grace window is delivered. It covers
// everything since the last digest, so nothing is lost, and a channel does not
// get a burst of stale digests. Older misses are logged as skipped.
import type { Delivery, Subscription } from '../store/store.js';
import { firesBetween } from './schedule.js';

export const DEFAULT_CATCH_UP_GRACE_SECONDS = 6 * 3600;

export interface CatchUpPlan {
  /** The one missed fire to deliver now, if any is recent enough. */
  deliver: Date | null;
  /** Missed fires to log as skipped, each with why. */
  skip: { fire: Date; reason: string }[];
}

export function planCatchUp(sub: Subscription, latest: Delivery | undefined, now: Date, graceMs: number): CatchUpPlan {
  const after = new Date(latest ? Math.max(Date.parse(latest.fireTime), Date.parse(sub.createdAt)) : Date.parse(sub.createdAt));
  const { fires } = firesBetween(sub.cron, sub.timezone, after, now);
  const recent = fires.filter((f) => now.getTime() - f.getTime() <= graceMs);
  const deliver = recent.at(-1) ?? null;
  const skip = fires
    .filter((f) => f !== deliver)
    .map((fire) => ({
      fire,
      reason: recent.includes(fire)
        ? `missed while the bot was down; covered by the catch-up digest for ${deliver!.toISOString()}`
        : `missed while the bot was down, more than ${Math.round((graceMs / 3600_000) * 10) / 10} h ago (outside the catch-up window)`,
    }));
  return { deliver, skip };
}
