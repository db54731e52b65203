// Alerts: when articles enter the corpus, every active watch is checked
// against each, and a match is posted to the watch's channel, once, whichever
// process ingested it (the alert is claimed in the store first, and posted
// with a nonce of its own). The same story again within 48 hours adds "also
// reported by …" to the first alert (an edit), not a new post; matches over
// the channel's hourly cap go into one roll-up message. An alert claimed but
// never posted (the process stopped in between) is found by its footer in the
// channel, or posted, at the next start, batch or sweep; so are the articles
// that arrived after the last check and were never checked. A channel the bot cannot
// post in pauses the watch with the reason. Nothing is dropped silently: every
// match is logged in the store with what became of it.
import { createHash } from 'node:crypto';
import type { ArticleRef, Quote } from '../briefing/answer-types.js';
import { articleRef, toQuote } from '../briefing/quotes.js';
import { matchArticle, type PassageWords, resolveRule, type ResolvedRule } from '../briefing/watch/match-rule.js';
import { parseRule } from '../briefing/watch/watch-rule.js';
import type { Corpus } from '../corpus/corpus.js';
import type { Article, Passage } from '../corpus/records.js';
import { classifyPublishError } from '../digest/publish-errors.js';
import type { Publisher } from '../digest/publisher.js';
import type { Logger } from '../logger.js';
import type { MessagePayload } from '../render/message-payload.js';
import type { Store } from '../store/store.js';
import type { OwnerGone } from '../store/orphaned-lease.js';
import type { AlertRecord, Watch } from '../store/watch-store.js';
import { sameStory } from '../briefing/story.js';

/** How long a story keeps its first alert: a copy after that is news again. */
export const STORY_WINDOW_MS = 48 * 3_600_000;
const HOUR_MS = 3_600_000;
/**
 * A pending alert younger than this may still be on its way from another process, unless that process is known to
 * have ended (AlertDeps.claimantGone). Every process that delivers alerts also sweeps this often, so what a stop left
 * undone is finished within two of these even when nothing new arrives.
 */
export const PENDING_GRACE_MS = 30_000;
/** How far back in the channel an interrupted alert is looked for. */
const RECENT_POSTS = 50;

export interface AlertRender {
  alert(watch: Watch, article: ArticleRef, quotes: readonly Quote[], alsoReportedBy: readonly ArticleRef[]): MessagePayload;
  rollUp(watch: Watch, articles: readonly ArticleRef[]): MessagePayload;
  threadName(watch: Watch, article: ArticleRef): string;
  /** What the footer of an alert says of it, to find it in the channel again. */
  footer(watch: Pick<Watch, 'id' | 'rule'>, articleId: string): string;
}

export interface AlertDeps {
  store: Store;
  corpus: () => Corpus;
  publisher: Publisher;
  render: AlertRender;
  now: () => Date;
  log: Logger;
  /** This process, as its claims name it. */
  owner: string;
  /** Whether the process that made a claim is known to have ended (process-owner.ts): its claims need no grace. */
  claimantGone: OwnerGone;
}

/** A nonce Discord keeps for a few minutes: a retried post of one alert makes no second message. */
const nonceOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 25);
const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Read {
  article: Article;
  passages: Passage[];
  /** Its passages' words, read once for every watch checked against it. */
  words: PassageWords;
}

export function alertDelivery(deps: AlertDeps) {
  const rules = new Map<string, ResolvedRule | null>();
  const ruleOf = (corpus: Corpus, w: Watch) => {
    if (!rules.has(w.rule)) {
      const parsed = parseRule(w.rule);
      const resolved = parsed.ok ? resolveRule(parsed.rule, corpus.names) : null;
      rules.set(w.rule, resolved?.ok ? resolved.rule : null);
    }
    return rules.get(w.rule)!;
  };
  const read = async (corpus: Corpus, id: string): Promise<Read | null> => {
    const article = await corpus.article(id);
    return article ? { article, passages: await corpus.passagesOf(id), words: new Map() } : null;
  };

  /** The alert message of an article under a watch, with the outlets that also reported its story. */
  async function alertPayload(corpus: Corpus, w: Watch, r: Read, story: string): Promise<MessagePayload | null> {
    const rule = ruleOf(corpus, w);
    const hit = rule && matchArticle(rule, r.article, r.passages, 3, r.words);
    if (!hit) return null;
    const since = new Date(deps.now().getTime() - STORY_WINDOW_MS);
    const also = (await deps.store.alerts(w.id, since)).filter((a) => a.story === story && a.status === 'also-reported');
    const alsoBy = (await Promise.all(also.map((a) => corpus.article(a.articleId))))
      .filter((a): a is Article => Boolean(a))
      .map(articleRef);
    const quotes = hit.passages.map(({ passage, matches }) => toQuote(() => r.article, passage, matches));
    return deps.render.alert(w, articleRef(r.article), quotes, alsoBy);
  }

  /** The first alert of the story this article belongs to in a watch's channel, within the window, if there is one. */
  async function storyOf(corpus: Corpus, w: Watch, r: Read): Promise<AlertRecord | null> {
    const since = new Date(deps.now().getTime() - STORY_WINDOW_MS);
    for (const a of (await deps.store.alerts(w.id, since)).filter((x) => x.status === 'posted')) {
      if (a.articleId === r.article.id) continue;
      const other = await read(corpus, a.articleId);
      if (other && sameStory(r, other)) return a;
    }
    return null;
  }

  /** A channel the bot cannot use pauses the watch, with the reason /watch list shows. */
  async function pauseIfLost(w: Watch, f: ReturnType<typeof classifyPublishError>): Promise<void> {
    if (f.kind !== 'fatal') return;
    await deps.store.setWatchStatus(w.id, 'paused', f.reason);
    deps.log.error(`watch ${w.id}: paused, ${f.reason}; /watch resume after fixing it`);
  }

  /** A post that failed: a passing failure stays pending, to be retried; any other is logged as failed, with why. */
  async function failed(w: Watch, articleId: string, e: unknown): Promise<void> {
    const f = classifyPublishError(e);
    const key = `${w.id}:${articleId}`;
    if (f.kind === 'transient') {
      deps.log.warn(`alert ${key}: not posted yet (${f.reason}); it is tried again`);
      return;
    }
    await deps.store.updateAlert(w.id, articleId, 'failed', { error: f.reason });
    deps.log.error(`alert ${key}: could not be posted to channel ${w.channelId}: ${f.reason}`);
    await pauseIfLost(w, f);
  }

  async function post(corpus: Corpus, w: Watch, r: Read, story: string): Promise<void> {
    const payload = await alertPayload(corpus, w, r, story);
    if (!payload) return;
    const key = `${w.id}:${r.article.id}`;
    try {
      const posted = await deps.publisher.post(w.channelId, payload, nonceOf(`alert:${key}`));
      await deps.store.updateAlert(w.id, r.article.id, 'posted', { messageId: posted.id });
      deps.log.info(`alert ${key}: posted to channel ${w.channelId}`);
      if (w.thread)
        await deps.publisher.openThread(w.channelId, posted.id, deps.render.threadName(w, articleRef(r.article))).catch((e: unknown) => {
          deps.log.warn(`alert ${key}: posted, but its thread could not be opened: ${why(e)}`);
        });
    } catch (e) {
      await failed(w, r.article.id, e);
    }
  }

  async function deliverOne(corpus: Corpus, w: Watch, r: Read, rolled: Map<Watch, ArticleRef[]>): Promise<void> {
    const rule = ruleOf(corpus, w);
    if (!rule || !matchArticle(rule, r.article, r.passages, 0, r.words)) return;
    const first = await storyOf(corpus, w, r);
    const story = first?.story ?? r.article.id;
    if (!(await deps.store.claimAlert(w.id, r.article.id, w.channelId, story, deps.now(), deps.owner))) return;
    if (first?.messageId) {
      // The same story: the first alert names this outlet too. No new post.
      await deps.store.updateAlert(w.id, r.article.id, 'also-reported');
      const firstRead = await read(corpus, first.articleId);
      const payload = firstRead && (await alertPayload(corpus, w, firstRead, story));
      if (payload)
        await deps.publisher.edit(w.channelId, first.messageId, payload).catch((e: unknown) => {
          deps.log.warn(`alert ${w.id}:${first.articleId}: "also reported by" could not be added: ${why(e)}`);
        });
      return;
    }
    if ((await deps.store.postedSince(w.channelId, new Date(deps.now().getTime() - HOUR_MS))) >= w.hourlyCap) {
      await deps.store.updateAlert(w.id, r.article.id, 'rolled-up');
      rolled.set(w, [...(rolled.get(w) ?? []), articleRef(r.article)]);
      return;
    }
    await post(corpus, w, r, story);
  }

  /**
   * Alerts claimed and never finished: found in the channel by their footer, or posted now. True when one of them was
   * claimed by a process that has ended (it may have left the rest of its batch unchecked too).
   */
  async function finishPending(before: number): Promise<boolean> {
    const all = await deps.store.pendingAlerts();
    const orphaned = all.filter((a) => a.claimedBy !== deps.owner && deps.claimantGone(a.claimedBy));
    const pending = all.filter((a) => Date.parse(a.createdAt) <= before || orphaned.includes(a));
    if (pending.length === 0) return false;
    const corpus = deps.corpus();
    for (const a of pending) {
      const w = await deps.store.watch(a.watchId);
      if (w?.status !== 'active') continue;
      const footer = deps.render.footer(w, a.articleId);
      try {
        const there = (await deps.publisher.recentOwnPosts(w.channelId, RECENT_POSTS)).find((p) => p.text.includes(footer));
        if (there) {
          await deps.store.updateAlert(w.id, a.articleId, 'posted', { messageId: there.id });
          continue;
        }
      } catch (e) {
        deps.log.warn(`alert ${w.id}:${a.articleId}: the channel could not be checked for it (${why(e)}); posting it`);
      }
      const r = await read(corpus, a.articleId);
      if (r) await post(corpus, w, r, a.story);
      else await deps.store.updateAlert(w.id, a.articleId, 'failed', { error: 'the article left the corpus before it was posted' });
    }
    return orphaned.length > 0;
  }

  /** Checks the articles (each with when it first reached the corpus) against every watch made before it, and posts. */
  async function check(articles: readonly { id: string; seenAt: string }[]): Promise<void> {
    const watches = (await deps.store.watches()).filter((w) => w.status === 'active');
    if (watches.length === 0 || articles.length === 0) return;
    const corpus = deps.corpus();
    const rolled = new Map<Watch, ArticleRef[]>();
    for (const { id, seenAt } of articles) {
      const r = await read(corpus, id);
      // A watch alerts on what reaches the corpus after it was made, never on what was there before.
      if (r) for (const w of watches) if (w.createdAt <= seenAt) await deliverOne(corpus, w, r, rolled);
    }
    for (const [w, refs] of rolled) {
      await deps.publisher
        .post(w.channelId, deps.render.rollUp(w, refs), nonceOf(`rollup:${w.id}:${refs.map((a) => a.id).join(',')}`))
        .catch(async (e: unknown) => {
          const f = classifyPublishError(e);
          deps.log.error(`watch ${w.id}: the roll-up of ${refs.length} match(es) could not be posted: ${f.reason}`);
          await pauseIfLost(w, f);
        });
    }
  }

  /**
   * What a stop (or a database that stopped answering) left undone: alerts claimed and never posted, and articles
   * that reached the corpus after the last check and were never checked. Articles checked already are claimed
   * already, so a second look posts nothing twice.
   */
  async function recover(): Promise<void> {
    const now = deps.now();
    const before = now.getTime() - PENDING_GRACE_MS;
    // Batches a process of this machine left half checked when it ended (see deliver).
    const left = (await deps.store.alertBatches()).filter((b) => b.owner !== deps.owner && deps.claimantGone(b.owner));
    const orphans = (await finishPending(before)) || left.length > 0;
    const upTo = await deps.store.alertsCheckedUpTo();
    // The first check ever starts now: what the corpus held before was never news to a watch.
    if (upTo === null) return deps.store.checkedAlertsUpTo(now);
    // Articles younger than the grace may be in another process's batch; a process known to have ended left its
    // batch unchecked, so then they are checked now. A second look is harmless (each alert is claimed once), so the
    // mark stays at the grace and the next sweep looks at them again.
    const end = orphans ? now.getTime() : before;
    if (Date.parse(upTo) < end) {
      const missed = await deps.store.articlesSeenBetween(new Date(upTo), new Date(end));
      await check([...missed].map(([id, seenAt]) => ({ id, seenAt })));
      if (Date.parse(upTo) < before) await deps.store.checkedAlertsUpTo(new Date(before));
    }
    for (const b of left) await deps.store.alertBatch(b.owner, null);
  }

  // One piece of work at a time: a sweep and a batch in one process never look at the same claim at once.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    recover: () => serial(recover),
    /** Checks every active watch against the articles just added, and posts what matches. */
    deliver: (articleIds: readonly string[], seenAt: Date): Promise<void> =>
      serial(async () => {
        await recover();
        // Noted as this process's batch until it is checked: should the process end first, the next one on this
        // machine knows at once that these articles were left unchecked.
        await deps.store.alertBatch(deps.owner, seenAt);
        await check(articleIds.map((id) => ({ id, seenAt: seenAt.toISOString() })));
        await deps.store.checkedAlertsUpTo(seenAt);
        await deps.store.alertBatch(deps.owner, null);
      }),
  };
}
