// Template text is learnt from the corpus (src/corpus/db/template-sentences.ts);
// this is the pure half: the key a passage is known by, and dropping the
// passages the corpus says are an outlet's template text.
import { wordCount } from '../../text/normalize.js';

/** Shorter passages are too generic to tell template text from a common phrase ("Read more."). */
export const MIN_TEMPLATE_WORDS = 6;

/** The key a body passage is recorded under (from its id's digest), or null when it is too short to learn from. */
export function templateKey(text: string, digest: string): string | null {
  // Counting spaces first: most passages are long enough at a glance, and wordCount's regex is the cost.
  const spaced = text.split(' ', 2 * MIN_TEMPLATE_WORDS).length;
  if (spaced < MIN_TEMPLATE_WORDS || (spaced < 2 * MIN_TEMPLATE_WORDS && wordCount(text) < MIN_TEMPLATE_WORDS)) return null;
  return digest.slice(0, 16);
}

/** Which of an article's keys are template text, given the articles already in the corpus. */
export type TemplateLookup = (outlet: string | null, titleKey: string, keys: string[]) => Set<string>;

export interface SentenceKey {
  key: string;
  shown: boolean;
}

/**
 * Drops template passages; returns what is kept (renumbered) with the digests of what is kept, and every body
 * passage's key with whether it is shown. `digests` are the passages' passageDigest, in order.
 */
export function dropTemplateText<P extends { kind: string; text: string; seq: number }>(
  passages: P[],
  digests: string[],
  outlet: string | null,
  titleKey: string,
  lookup: TemplateLookup | undefined,
): { kept: P[]; keptDigests: string[]; keys: SentenceKey[] } {
  const keyed = passages.map((p, i) => (p.kind === 'body' ? templateKey(p.text, digests[i]!) : null));
  const candidates = [...new Set(keyed.filter((k): k is string => k !== null))];
  const template = lookup && outlet && candidates.length ? lookup(outlet, titleKey, candidates) : new Set<string>();
  const keep = keyed.map((k) => !template.has(k ?? ''));
  return {
    kept: passages.filter((_, i) => keep[i]).map((p, seq) => ({ ...p, seq })),
    keptDigests: digests.filter((_, i) => keep[i]),
    keys: candidates.map((key) => ({ key, shown: !template.has(key) })),
  };
}
