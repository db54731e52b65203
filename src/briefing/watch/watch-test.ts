// `watch test`: what a rule would have matched in the corpus over a period,
// with counts and the quotes that show why, so a team can tune a rule before
// it goes live.
import type { Corpus } from '../../corpus/corpus.js';
import type { ArticleRef, Quote } from '../answer-types.js';
import type { Problem } from '../problems.js';
import { articleRef, toQuote } from '../quotes.js';
import { matchArticle, resolveRule } from './match-rule.js';
import { formatRule, parseRule } from './watch-rule.js';

export interface WatchTestAnswer {
  ok: true;
  command: 'watch-test';
  /** The rule in its canonical form. */
  rule: string;
  /** The first day counted (YYYY-MM-DD), or null for the whole corpus. */
  since: string | null;
  /** Articles of the period read, and how many matched. */
  scanned: number;
  matched: number;
  /** The newest matches, each with up to three quotes that show why, the rule's words marked. */
  matches: { article: ArticleRef; quotes: Quote[] }[];
}

export type WatchTestResult = WatchTestAnswer | { ok: false; command: 'watch-test'; problem: Problem };

const DAY_MS = 86_400_000;
/** Articles read from the corpus at a time, newest first. */
const PAGE = 200;

/** "7d", "30d", "2025-03-01" or "all" as the first day counted (null: everything). */
export function readSince(value: string, now: Date): { since: string | null } | { problem: Problem } {
  const v = value.trim().toLowerCase();
  if (v === 'all') return { since: null };
  const days = /^(\d{1,5})d$/.exec(v);
  if (days) return { since: new Date(now.getTime() - Number(days[1]) * DAY_MS).toISOString().slice(0, 10) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return { since: v };
  return { problem: { code: 'bad-since', value } };
}

export async function watchTest(
  corpus: Corpus,
  ruleText: string,
  o: { since: string; now: Date; limit?: number },
): Promise<WatchTestResult> {
  const fail = (problem: Problem): WatchTestResult => ({ ok: false, command: 'watch-test', problem });
  const parsed = parseRule(ruleText);
  if (!parsed.ok) return fail({ code: 'bad-rule', rule: ruleText.trim(), message: parsed.error.message, at: parsed.error.at });
  const resolved = resolveRule(parsed.rule, corpus.names);
  if (!resolved.ok) return fail(resolved.problem);
  const window = readSince(o.since, o.now);
  if ('problem' in window) return fail(window.problem);
  const limit = o.limit ?? 10;
  const matches: WatchTestAnswer['matches'] = [];
  let scanned = 0;
  let matched = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await corpus.articles(offset, PAGE);
    // Newest first: once past the period, the rest are older still. An undated article counts only for "all".
    const inPeriod = page.filter((a) => (window.since === null ? true : a.published !== null && a.published >= window.since));
    for (const article of inPeriod) {
      scanned++;
      const hit = matchArticle(resolved.rule, article, await corpus.passagesOf(article.id));
      if (!hit) continue;
      matched++;
      if (matches.length < limit)
        matches.push({
          article: articleRef(article),
          quotes: hit.passages.map(({ passage, matches: spans }) => toQuote(() => article, passage, spans)),
        });
    }
    const last = page.at(-1);
    if (page.length < PAGE || (window.since !== null && (last?.published ?? '') < window.since)) break;
  }
  return { ok: true, command: 'watch-test', rule: formatRule(parsed.rule), since: window.since, scanned, matched, matches };
}
