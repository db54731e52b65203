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
 * Signatures seen within the age window: the same signed request sent twice is refused the second time.
 * Per process; across replicas the age window is what bounds a replay.
 */
export function replayGuard(now: () => Date): (signature: string, timestamp: string) => boolean {
  const seen = new Map<string, number>();
  return (signature, timestamp) => {
    const t = now().getTime();
    // Entries arrive roughly in time order: forget from the oldest until one is still in the window,
    // so each request costs what expired since the last, not the whole map.
    for (const [s, until] of seen) {
      if (until >= t) break;
      seen.delete(s);
    }
    // Half the signature identifies it well enough, at half the memory.
    const key = signature.slice(0, 64);
    if (seen.has(key)) return false;
    seen.set(key, Number(timestamp) * 1000 + MAX_SIGNATURE_AGE_S * 1000);
    return true;
  };
}
