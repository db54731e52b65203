// One fire of one subscription, delivered at most once. The fire is claimed
// in the delivery log first; the post carries a nonce derived from (id, fire
// time), so retrying a fire that was claimed but never confirmed cannot post
// twice. Passing errors are retried with backoff a bounded number of times;
// a channel that refuses the bot pauses the subscription until /digest resume.
import type { Corpus } from '../corpus/corpus.js';
import { digest, type DigestAnswer } from '../briefing/digest.js';
import type { ArticleRef } from '../briefing/answer-types.js';
import { articleRef } from '../briefing/quotes.js';
import { findTopic, type Topic } from '../briefing/digest-topics.js';
import type { MessagePayload, PayloadWithFiles } from '../render/message-payload.js';
import type { Logger } from '../logger.js';
import type { Delivery, Store, Subscription } from '../store/store.js';
import { digestNonce } from './nonce.js';
import { classifyPublishError } from './publish-errors.js';
import type { Publisher } from './publisher.js';

/** A new subscription's first digest looks back a week, so the channel starts with context. */
export const FIRST_DIGEST_LOOKBACK_MS = 7 * 86_400_000;

export interface DigestView {
  answer: DigestAnswer;
  /** "Iran, Zangezur corridor" or "New in the corpus". */
  name: string;
  timezone: string;
  /** Names the fire in the posted message, so a restart can find out whether it went out (fireKey()). */
  key?: string;
  /** The attached chart's file name, for the embed that shows it. */
  chartFile?: string;
  /** Matches of the channel's watches that went over their hourly cap in the period, and were only rolled up. */
  rolledUp?: ArticleRef[];
}

/** A digest draws its timeline from this many dated events. */
export const DIGEST_CHART_MIN_EVENTS = 3;

/** How many of a channel's latest messages are searched for an interrupted fire's post. */
const RECENT_POSTS = 50;

/** The text a digest's message carries to say which fire it is. */
export function fireKey(subscriptionId: string, fire: string): string {
  return `digest ${subscriptionId} · fire ${fire}`;
}

export interface DeliveryDeps {
  store: Store;
  corpus(): Corpus;
  publisher: Publisher;
  render(view: DigestView): MessagePayload;
  /** The period's timeline chart (absent: digests carry none). */
  chart?: (view: DigestView) => Promise<{ file: string; png: Buffer; description: string } | null>;
  threadName(view: DigestView): string;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: Logger;
  /** Extra attempts after the first for passing errors. */
  retries: number;
  /** The first wait; it doubles each time (a rate limit's retry_after wins when longer). */
  backoffMs: number;
}

export type DeliveryOutcome =
  | { status: 'delivered'; messageId: string; threadId: string | null; articles: number; note?: string }
  | { status: 'empty' }
  | { status: 'already-done'; delivery: Delivery }
  | { status: 'paused'; reason: string }
  | { status: 'failed'; reason: string }
  | { status: 'gone' };

function topicsOf(corpus: Corpus, names: readonly string[]): Topic[] {
  return names.map((n) => findTopic(corpus, n)).filter((t): t is Topic => t !== null);
}

function digestName(topics: readonly Topic[]): string {
  return topics.length ? topics.map((t) => t.name).join(', ') : 'New in the corpus';
}

/** Where the next digest of a subscription starts: where the last one ended, or a week before it was created. */
export async function periodStart(store: Store, sub: Subscription): Promise<Date> {
  const last = (await store.lastDelivered(sub.id))?.periodEnd;
  return last ? new Date(last) : new Date(Date.parse(sub.createdAt) - FIRST_DIGEST_LOOKBACK_MS);
}

export async function buildView(deps: Pick<DeliveryDeps, 'store' | 'corpus'>, sub: Subscription, end: Date): Promise<DigestView> {
  const start = await periodStart(deps.store, sub);
  // The period's articles only: a range on an index, however large the corpus has grown.
  const firstSeen = await deps.store.articlesSeenBetween(start, end);
  const corpus = deps.corpus();
  const topics = topicsOf(corpus, sub.topics);
  const answer = await digest(corpus, { topics, start, end, firstSeen });
  // The channel's alert matches that were over their cap: the digest carries them, so none is only a roll-up line.
  const over = await deps.store.alertsIn(sub.channelId, 'rolled-up', start, end);
  const rolled = (await Promise.all([...new Set(over.map((a) => a.articleId))].map((id) => corpus.article(id))))
    .filter((a): a is NonNullable<typeof a> => Boolean(a))
    .map(articleRef);
  return { answer, name: digestName(topics), timezone: sub.timezone, ...(rolled.length ? { rolledUp: rolled } : {}) };
}

async function postWithRetries(
  deps: DeliveryDeps,
  sub: Subscription,
  fire: string,
  payload: PayloadWithFiles,
): Promise<{ id: string } | { fatal: string } | { failed: string }> {
  const nonce = digestNonce(sub.id, fire);
  for (let attempt = 1; ; attempt++) {
    try {
      const posted = await deps.publisher.post(sub.channelId, payload, nonce);
      await deps.store.updateFire(sub.id, fire, { status: 'pending', attempts: attempt }, deps.now());
      return posted;
    } catch (e) {
      const f = classifyPublishError(e);
      await deps.store.updateFire(sub.id, fire, { status: 'pending', attempts: attempt, error: f.reason }, deps.now());
      if (f.kind === 'fatal') return { fatal: f.reason };
      if (f.kind === 'rejected' || attempt > deps.retries)
        return { failed: f.kind === 'rejected' ? f.reason : `${f.reason} (gave up after ${attempt} attempts)` };
      const wait = Math.max(deps.backoffMs * 2 ** (attempt - 1), f.retryAfterMs ?? 0);
      deps.log.warn(`digest ${sub.id}: ${f.reason}; retrying in ${Math.round(wait)} ms (attempt ${attempt + 1} of ${deps.retries + 1})`);
      await deps.sleep(wait);
    }
  }
}

/**
 * An interrupted fire may have reached Discord before the bot stopped. The
 * nonce makes a retry safe for a few minutes only, so the channel is checked
 * for the fire's own post first. Null when it is not there (or the check failed:
 * then the nonce is all there is, and the log says so).
 */
async function alreadyPosted(deps: DeliveryDeps, sub: Subscription, fire: string): Promise<string | null> {
  try {
    const key = fireKey(sub.id, fire);
    return (await deps.publisher.recentOwnPosts(sub.channelId, RECENT_POSTS)).find((m) => m.text.includes(key))?.id ?? null;
  } catch (e) {
    deps.log.warn(
      `digest ${sub.id}: could not check the channel for the interrupted fire of ${fire} (${classifyPublishError(e).reason}); retrying ` +
        `with its nonce`,
    );
    return null;
  }
}

export async function deliverFire(fireDeps: DeliveryDeps, subscriptionId: string, fireTime: Date): Promise<DeliveryOutcome> {
  // Every line logged for this fire carries the subscription and the fire time.
  const deps = { ...fireDeps, log: fireDeps.log.child({ digest: subscriptionId, fire: fireTime.toISOString() }) };
  // A subscription removed by another instance or command has no fires left to log.
  const sub = await deps.store.subscription(subscriptionId);
  if (!sub) return { status: 'gone' };
  const { delivery, claimed } = await deps.store.claimFire(subscriptionId, fireTime, deps.now());
  if (!claimed && delivery.status !== 'pending') return { status: 'already-done', delivery };
  const fire = delivery.fireTime;
  if (sub.status === 'paused') {
    await deps.store.updateFire(sub.id, fire, { status: 'skipped', error: `paused: ${sub.pauseReason ?? 'no reason given'}` }, deps.now());
    return { status: 'paused', reason: sub.pauseReason ?? '' };
  }
  const view = { ...(await buildView(deps, sub, fireTime)), key: fireKey(sub.id, fire) };
  const period = { periodStart: view.answer.period.start, periodEnd: view.answer.period.end };
  if (!claimed) {
    const found = await alreadyPosted(deps, sub, fire);
    if (found) {
      await deps.store.updateFire(sub.id, fire, { status: 'delivered', messageId: found, error: null, ...period }, deps.now());
      deps.log.info(`digest ${sub.id}: the interrupted fire of ${fire} had reached the channel (message ${found}); not posted again`, {
        channel: sub.channelId,
      });
      return {
        status: 'delivered',
        messageId: found,
        threadId: null,
        articles: view.answer.articles.length,
        note: 'found in the channel after a restart',
      };
    }
  }
  if (view.answer.articles.length === 0 && sub.skipEmpty) {
    await deps.store.updateFire(sub.id, fire, { status: 'empty', ...period }, deps.now());
    return { status: 'empty' };
  }
  const posted = await postWithRetries(deps, sub, fire, await withChart(deps, sub, view));
  if ('fatal' in posted) {
    await deps.store.setStatus(sub.id, 'paused', posted.fatal);
    await deps.store.updateFire(sub.id, fire, { status: 'failed', error: posted.fatal }, deps.now());
    deps.log.warn(`digest ${sub.id} paused: ${posted.fatal}. /digest resume ${sub.id} re-activates it.`, { channel: sub.channelId });
    return { status: 'paused', reason: posted.fatal };
  }
  if ('failed' in posted) {
    await deps.store.updateFire(sub.id, fire, { status: 'failed', error: posted.failed }, deps.now());
    deps.log.error(`digest ${sub.id} failed for ${fire}: ${posted.failed}`, { channel: sub.channelId });
    return { status: 'failed', reason: posted.failed };
  }
  await deps.store.updateFire(sub.id, fire, { status: 'delivered', messageId: posted.id, error: null, ...period }, deps.now());
  let threadId: string | null = null;
  let note: string | undefined;
  if (sub.thread) {
    try {
      threadId = (await deps.publisher.openThread(sub.channelId, posted.id, deps.threadName(view))).id;
      await deps.store.updateFire(sub.id, fire, { status: 'delivered', threadId }, deps.now());
    } catch (e) {
      note = `posted, but the discussion thread could not be opened: ${classifyPublishError(e).reason}`;
      await deps.store.updateFire(sub.id, fire, { status: 'delivered', error: note }, deps.now());
      deps.log.warn(`digest ${sub.id}: ${note}`, { channel: sub.channelId });
    }
  }
  deps.log.info(`digest ${sub.id} delivered for ${fire}: ${view.answer.articles.length} new article(s)`, { channel: sub.channelId });
  return { status: 'delivered', messageId: posted.id, threadId, articles: view.answer.articles.length, ...(note ? { note } : {}) };
}

/** The digest as posted, with its timeline chart when it has enough dated events; a chart that fails is logged and left out. */
async function withChart(deps: DeliveryDeps, sub: Subscription, view: DigestView): Promise<PayloadWithFiles> {
  if (!deps.chart || !sub.chart || view.answer.events.length < DIGEST_CHART_MIN_EVENTS) return deps.render(view);
  try {
    const image = await deps.chart(view);
    if (!image) return deps.render(view);
    const payload = deps.render({ ...view, chartFile: image.file });
    return { ...payload, files: [{ name: image.file, data: image.png, description: image.description.slice(0, 1000) }] };
  } catch (e) {
    deps.log.error(`digest ${sub.id}: the chart failed, so the digest goes out without it: ${e instanceof Error ? e.message : String(e)}`);
    return deps.render(view);
  }
}
