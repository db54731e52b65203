// Where a captured page goes: a new URL gets a new file in raw/, a URL seen
// before keeps its file (the new text replaces the old one, and unchanged
// sentences keep their quote ids), the same text under another URL is a
// duplicate (the same wire story in two feeds) and is not saved twice.
import type { FeedStore } from '../store/feed-store.js';
import { rawFileFor, saveCapture, type Captured } from './capture-page.js';

export type KeepOutcome = 'new' | 'changed' | 'unchanged' | 'duplicate';

export async function keepCapture(
  c: Captured,
  folder: string,
  raw: string,
  store: FeedStore,
  now: Date,
): Promise<{ outcome: KeepOutcome; file: string }> {
  const atUrl = await store.pageByUrl(c.url);
  if (atUrl?.fingerprint === c.fingerprint) return { outcome: 'unchanged', file: atUrl.file };
  const sameText = atUrl ? undefined : await store.pageByFingerprint(c.fingerprint);
  if (sameText) return { outcome: 'duplicate', file: sameText.file };
  const file = atUrl?.file ?? rawFileFor(folder, c.url);
  saveCapture(raw, file, c);
  await store.savePage({ url: c.url, fingerprint: c.fingerprint, file }, now);
  return { outcome: atUrl ? 'changed' : 'new', file };
}
