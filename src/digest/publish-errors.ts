// How a failed post is handled, from what Discord answered. A channel the bot
// may not post in, or that is gone, pauses the subscription: retrying would
// only add to Discord's invalid-request count. Rate limits, server errors and
// network trouble pass, so they are retried. Anything else is our request
// being wrong, so it is logged and not repeated.

export type PublishFailure =
  | { kind: 'fatal'; reason: string }
  | { kind: 'transient'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; reason: string };

interface ErrorShape {
  status?: unknown;
  code?: unknown;
  retryAfter?: unknown;
  message?: unknown;
  name?: unknown;
}

export function classifyPublishError(e: unknown): PublishFailure {
  const err = (typeof e === 'object' && e !== null ? e : {}) as ErrorShape;
  const message = typeof err.message === 'string' ? err.message : String(e);
  const status = typeof err.status === 'number' ? err.status : undefined;
  const code = typeof err.code === 'number' ? err.code : undefined;
  if (err.name === 'RateLimitError' || typeof err.retryAfter === 'number') {
    return {
      kind: 'transient',
      reason: 'rate limited by Discord',
      ...(typeof err.retryAfter === 'number' ? { retryAfterMs: err.retryAfter } : {}),
    };
  }
  if (status === 403 && (code === 50013 || code === 50001))
    return { kind: 'fatal', reason: `missing permission to post in the channel (Discord ${code}: ${message})` };
  if (status === 404 && code === 10003) return { kind: 'fatal', reason: `the channel no longer exists (Discord 10003: ${message})` };
  if (status === 429 || (status !== undefined && status >= 500))
    return { kind: 'transient', reason: `Discord answered ${status}: ${message}` };
  if (status === undefined) return { kind: 'transient', reason: `could not reach Discord: ${message}` };
  return { kind: 'rejected', reason: `Discord refused the post (${status}${code !== undefined ? `, code ${code}` : ''}): ${message}` };
}
