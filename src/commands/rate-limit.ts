// A per-user limit on actions that cost the bot real work (fetching a page
// from the web): at most `max` in any `windowMs`. In memory: a restart forgets
// it, which errs on the side of the user.

export interface RateLimiter {
  /** Null when the user may go ahead (and the use is counted), else how long to wait in ms. */
  take(user: string): number | null;
}

/** /add: links one member may add in a window (each costs a page fetch and an ingest), per process. */
export const linkLimiter = (now: () => number = Date.now): RateLimiter => rateLimiter(5, 10 * 60_000, now);

export function rateLimiter(max: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const uses = new Map<string, number[]>();
  return {
    take(user) {
      const t = now();
      const recent = (uses.get(user) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= max) {
        uses.set(user, recent);
        return recent[0]! + windowMs - t;
      }
      recent.push(t);
      uses.set(user, recent);
      return null;
    },
  };
}
