// Managing watches, apart from any transport: a rule is checked (read, and its
// names looked up) before it is kept, in its canonical form; the CLI and, next,
// Discord's /watch call these.
import type { Corpus } from '../../corpus/corpus.js';
import type { NewWatch, Watch, WatchStore } from '../../store/watch-store.js';
import type { Problem } from '../problems.js';
import { asWritten, resolveRule } from './match-rule.js';
import { formatRule, parseRule } from './watch-rule.js';
import { watchTest } from './watch-test.js';

/** Alerts a channel takes from one watch in an hour unless it says otherwise; the rest are rolled up. */
export const DEFAULT_HOURLY_CAP = 10;
export const MAX_HOURLY_CAP = 100;
/** Watches one server may keep. */
export const MAX_WATCHES = 50;
const WEEK_MS = 7 * 86_400_000;
/** A rule matching this share of a week's articles (of at least this many) is told it is broad. */
const BROAD_SHARE = 0.5;
const BROAD_MIN_ARTICLES = 20;

export type WatchResult<T> = ({ ok: true } & T) | { ok: false; problem: Problem };

/** The rule as it will be kept (canonical), or the problem with it. */
export function checkRule(corpus: Corpus, text: string): WatchResult<{ rule: string }> {
  const parsed = parseRule(text);
  if (!parsed.ok)
    return { ok: false, problem: { code: 'bad-rule', rule: text.trim(), message: parsed.error.message, at: parsed.error.at } };
  const resolved = resolveRule(parsed.rule, corpus.names);
  return resolved.ok ? { ok: true, rule: formatRule(asWritten(resolved.rule)) } : { ok: false, problem: resolved.problem };
}

export async function addWatch(
  store: WatchStore,
  corpus: Corpus,
  w: Omit<NewWatch, 'rule' | 'hourlyCap'> & { rule: string; hourlyCap?: number },
  now: Date,
): Promise<WatchResult<{ watch: Watch; warning: string | null }>> {
  const checked = checkRule(corpus, w.rule);
  if (!checked.ok) return checked;
  const cap = w.hourlyCap ?? DEFAULT_HOURLY_CAP;
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_HOURLY_CAP)
    return { ok: false, problem: { code: 'bad-cap', value: String(w.hourlyCap), max: MAX_HOURLY_CAP } };
  if ((await store.watches(w.guildId)).length >= MAX_WATCHES) return { ok: false, problem: { code: 'too-many-watches', max: MAX_WATCHES } };
  const watch = await store.addWatch({ ...w, rule: checked.rule, hourlyCap: cap }, now);
  return { ok: true, watch, warning: await broadness(corpus, watch, now) };
}

/** A rule that matches most of what arrives is kept (the cap holds), with a word about what to expect. */
async function broadness(corpus: Corpus, w: Watch, now: Date): Promise<string | null> {
  const tried = await watchTest(corpus, w.rule, { since: '7d', now, limit: 0 });
  if (!tried.ok || tried.scanned < BROAD_MIN_ARTICLES || tried.matched < tried.scanned * BROAD_SHARE) return null;
  return (
    `This rule matched ${tried.matched} of the ${tried.scanned} articles of the last 7 days: expect up to ${w.hourlyCap} alerts ` +
    'an hour here and a roll-up of the rest. Narrow it with more terms or a - exclusion.'
  );
}

export interface WatchListing extends Watch {
  /** Articles it matched in the last seven days (alerts of any outcome). */
  matchedThisWeek: number;
}

export async function listWatches(store: WatchStore, guildId: string | undefined, now: Date): Promise<WatchListing[]> {
  const since = new Date(now.getTime() - WEEK_MS);
  return Promise.all(
    (await store.watches(guildId)).map(async (w) => ({ ...w, matchedThisWeek: (await store.alerts(w.id, since)).length })),
  );
}

/** A watch of this server by id, or the problem; another server's watch is as unknown as a missing one. */
export async function findWatch(store: WatchStore, id: string, guildId?: string): Promise<WatchResult<{ watch: Watch }>> {
  const w = await store.watch(id.trim());
  return w && (guildId === undefined || w.guildId === guildId)
    ? { ok: true, watch: w }
    : { ok: false, problem: { code: 'unknown-watch', id: id.trim() } };
}
