// Template text is learnt from the corpus (src/corpus/db/template-sentences.ts);
// this is the pure half: the key a passage is known by, and dropping the
// passages the corpus says are an outlet's template text.
import { createHash } from 'node:crypto';
import { dedupeKey, wordCount } from '../../text/normalize.js';

/** Shorter passages are too generic to tell template text from a common phrase ("Read more."). */
export const MIN_TEMPLATE_WORDS = 6;

/** The key a body passage is recorded under, or null when it is too short to learn from. */
export function templateKey(text: string): string | null {
  if (wordCount(text) < MIN_TEMPLATE_WORDS) return null;
  return createHash('sha256').update(dedupeKey(text)).digest('hex').slice(0, 16);
}

/** Which of an article's keys are template text, given the articles already in the corpus. */
export type TemplateLookup = (outlet: string | null, titleKey: string, keys: string[]) => Set<string>;

export interface SentenceKey {
  key: string;
  shown: boolean;
}

/** Drops template passages; returns what is kept (renumbered) and every body passage's key with whether it is shown. */
export function dropTemplateText<P extends { kind: string; text: string; seq: number }>(
  passages: P[],
  outlet: string | null,
  titleKey: string,
  lookup: TemplateLookup | undefined,
): { kept: P[]; keys: SentenceKey[] } {
  const keyed = passages.map((p) => (p.kind === 'body' ? templateKey(p.text) : null));
  const candidates = [...new Set(keyed.filter((k): k is string => k !== null))];
  const template = lookup && outlet ? lookup(outlet, titleKey, candidates) : new Set<string>();
  const kept = passages.filter((_, i) => !template.has(keyed[i] ?? '')).map((p, seq) => ({ ...p, seq }));
  return { kept, keys: candidates.map((key) => ({ key, shown: !template.has(key) })) };
}
