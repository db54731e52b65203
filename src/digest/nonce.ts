// The nonce a digest post carries: the same (subscription, fire time) always
// gives the same nonce, so with enforce_nonce Discord drops a repeat of a post
// that reached it before a crash kept us from logging it.
import { createHash } from 'node:crypto';

/** Discord accepts nonces of at most 25 characters. */
export const NONCE_LENGTH = 25;

export function digestNonce(subscriptionId: string, fireTime: Date | string): string {
  const at = typeof fireTime === 'string' ? fireTime : fireTime.toISOString();
  return createHash('sha256').update(`${subscriptionId}|${at}`).digest('hex').slice(0, NONCE_LENGTH);
}
