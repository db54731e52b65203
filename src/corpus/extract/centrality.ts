// How central an entity is to a passage: the subject of a short sentence about
// it beats a passing mention in a long list of countries, and a sentence where
// it does something beats one that only describes it.
import { wordCount } from '../../text/normalize.js';
import type { Mention } from './gazetteer-matcher.js';
import { type SentenceRole, sentenceRole } from './sentence-role.js';

export interface CentralityInput {
  text: string;
  kind: 'body' | 'caption';
  /** This entity's mentions in the passage. */
  mentions: Mention[];
  /** How many distinct entities of the same type the passage mentions. */
  distinct: number;
}

/** The bonus for each role; a plain mention earns less the later it comes. */
const ROLE_BONUS: Record<Exclude<SentenceRole, 'mentioned'>, number> = { acts: 1.2, opens: 0.7, described: 0.5 };
const ROLE_ORDER: SentenceRole[] = ['acts', 'opens', 'described', 'mentioned'];

export function centrality({ text, kind, mentions, distinct }: CentralityInput): number {
  const first = mentions.reduce((a, b) => (b.start < a.start ? b : a));
  const role = mentions.map((m) => sentenceRole(text, m.start, m.end)).sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b))[0]!;
  const wordsBefore = wordCount(text.slice(0, first.start).replace(/^[^:]{0,40}:\s/, ''));
  const subject = role === 'mentioned' ? Math.max(0, 0.5 - wordsBefore / 80) : ROLE_BONUS[role];
  const count = 1 + 0.3 * (Math.min(mentions.length, 4) - 1);
  const direct = Math.max(...mentions.map((m) => m.weight));
  // The other names in a sentence where this one acts are what it acts on: they dilute it less.
  const focus = Math.max(1, distinct) ** (role === 'acts' ? -0.25 : -0.5);
  const n = wordCount(text);
  const length = n < 8 ? 0.7 : n > 80 ? 0.6 : n > 50 ? 0.85 : 1;
  const caption = kind === 'caption' ? 0.6 : 1;
  return round((1 + subject) * count * direct * focus * length * caption);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Orders passages by score, then spreads them across articles: each further passage from one article counts for less. */
export function diversify<T extends { score: number; articleId: string }>(items: T[], decay = 0.75): T[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const seen = new Map<string, number>();
  const weighted = sorted.map((item, order) => {
    const k = seen.get(item.articleId) ?? 0;
    seen.set(item.articleId, k + 1);
    return { item, order, effective: item.score * decay ** k };
  });
  weighted.sort((a, b) => b.effective - a.effective || a.order - b.order);
  return weighted.map((w) => w.item);
}
