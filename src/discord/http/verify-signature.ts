// Discord signs every interaction it POSTs to an Interactions Endpoint URL with
// Ed25519 over timestamp + body. Node verifies Ed25519 natively; the public key
// from the Developer Portal is the raw 32 bytes in hex, wrapped here as SPKI.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo, before the 32 key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** A request signed longer ago than this is refused: a captured request cannot be replayed later. */
export const MAX_SIGNATURE_AGE_S = 300;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hexadecimal characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type SignatureCheck = 'ok' | 'missing' | 'bad-signature' | 'stale';

export function checkSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  now: Date,
): SignatureCheck {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (!verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'hex'))) return 'bad-signature';
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_S ? 'stale' : 'ok';
}

/**
 * What identifies a signed request for the replay check, and until when it must be remembered: past that,
 * its signature is too old to be accepted anyway. Half the signature identifies it well enough.
 */
export function replayKey(signature: string, timestamp: string): { key: string; until: Date } {
  return { key: signature.slice(0, 64), until: new Date((Number(timestamp) + MAX_SIGNATURE_AGE_S) * 1000) };
}
