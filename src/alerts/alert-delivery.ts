// Alerts: when articles enter the corpus, every active watch is checked
// against each, and a match is posted to the watch's channel, once, whichever
// process ingested it (the alert is claimed in the store first). The same
// story again within 48 hours is a reply under the first alert ("Also reported
// by …"), not a new post; matches over the channel's hourly cap go into one
// roll-up message. Nothing is dropped silently: every match is logged in the
// store with what became of it.
import { articleRef, toQuote } from '../briefing/quotes.js';
import { matchArticle, resolveRule, type ResolvedRule } from '../briefing/watch/match-rule.js';
import { parseRule } from '../briefing/watch/watch-rule.js';
import type { Corpus } from '../corpus/corpus.js';
import type { Article, Passage } from '../corpus/records.js';
import type { Publisher } from '../digest/publisher.js';
import type { Logger } from '../logger.js';
import type { MessagePayload } from '../render/message-payload.js';
import type { Store } from '../store/store.js';
import type { Watch } from '../store/watch-store.js';
import type { ArticleRef, Quote } from '../briefing/answer-types.js';
import { sameStory } from './story.js';
import { createHash } from 'node:crypto';

/** How long a story keeps its first alert: a copy after that is news again. */
export const STORY_WINDOW_MS = 48 * 3_600_000;
const HOUR_MS = 3_600_000;

export interface AlertRender {
  alert(watch: Watch, article: ArticleRef, quotes: readonly Quote[]): MessagePayload;
  alsoReported(article: ArticleRef, firstAlert: string): MessagePayload;
  rollUp(watch: Watch, articles: readonly ArticleRef[]): MessagePayload;
  threadName(watch: Watch, article: ArticleRef): string;
}

export interface AlertDeps {
  store: Store;
  corpus: () => Corpus;
  publisher: Publisher;
  render: AlertRender;
  now: () => Date;
  log: Logger;
}

/** A nonce Discord keeps for a few minutes: a retried post of one alert makes no second message. */
const nonceOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 25);

interface Read {
  article: Article;
  passages: Passage[];
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

  /** The story an article belongs to in a watch's channel: an earlier alert's within the window, or its own. */
  async function storyOf(corpus: Corpus, w: Watch, read: Read, now: Date): Promise<{ story: string; firstAlert: string | null }> {
    const recent = (await deps.store.alerts(w.id, new Date(now.getTime() - STORY_WINDOW_MS))).filter((a) => a.status === 'posted');
    for (const a of recent) {
      const other = await corpus.article(a.articleId);
      if (!other || other.id === read.article.id) continue;
      if (sameStory(read, { article: other, passages: await corpus.passagesOf(other.id) }))
        return { story: a.story, firstAlert: a.messageId };
    }
    return { story: read.article.id, firstAlert: null };
  }

  async function deliverOne(corpus: Corpus, w: Watch, read: Read, rolled: Map<Watch, ArticleRef[]>): Promise<void> {
    const rule = ruleOf(corpus, w);
    if (!rule) return;
    const hit = matchArticle(rule, read.article, read.passages);
    if (!hit) return;
    const now = deps.now();
    const { story, firstAlert } = await storyOf(corpus, w, read, now);
    if (!(await deps.store.claimAlert(w.id, read.article.id, w.channelId, story, now))) return;
    const ref = articleRef(read.article);
    const key = `${w.id}:${read.article.id}`;
    try {
      if (firstAlert) {
        await deps.publisher.post(w.channelId, deps.render.alsoReported(ref, firstAlert), nonceOf(`also:${key}`));
        await deps.store.updateAlert(w.id, read.article.id, 'also-reported');
        return;
      }
      if ((await deps.store.postedSince(w.channelId, new Date(now.getTime() - HOUR_MS))) >= w.hourlyCap) {
        await deps.store.updateAlert(w.id, read.article.id, 'rolled-up');
        rolled.set(w, [...(rolled.get(w) ?? []), ref]);
        return;
      }
      const quotes = hit.passages.map(({ passage, matches }) => toQuote(() => read.article, passage, matches));
      const posted = await deps.publisher.post(w.channelId, deps.render.alert(w, ref, quotes), nonceOf(`alert:${key}`));
      await deps.store.updateAlert(w.id, read.article.id, 'posted', { messageId: posted.id });
      if (w.thread)
        await deps.publisher.openThread(w.channelId, posted.id, deps.render.threadName(w, ref)).catch((e: unknown) => {
          deps.log.warn(`alert ${key}: posted, but its thread could not be opened: ${e instanceof Error ? e.message : String(e)}`);
        });
      deps.log.info(`alert ${key}: posted to channel ${w.channelId}`);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      await deps.store.updateAlert(w.id, read.article.id, 'failed', { error: why });
      deps.log.error(`alert ${key}: could not be posted to channel ${w.channelId}: ${why}`);
    }
  }

  return {
    /** Checks every active watch against the articles just added, and posts what matches. */
    async deliver(articleIds: readonly string[], seenAt: Date): Promise<void> {
      // A watch alerts on what reaches the corpus after it was made, never on what was there before.
      const watches = (await deps.store.watches()).filter((w) => w.status === 'active' && w.createdAt <= seenAt.toISOString());
      if (watches.length === 0 || articleIds.length === 0) return;
      const corpus = deps.corpus();
      const rolled = new Map<Watch, ArticleRef[]>();
      for (const id of articleIds) {
        const article = await corpus.article(id);
        if (!article) continue;
        const read = { article, passages: await corpus.passagesOf(id) };
        for (const w of watches) await deliverOne(corpus, w, read, rolled);
      }
      for (const [w, articles] of rolled) {
        await deps.publisher
          .post(w.channelId, deps.render.rollUp(w, articles), nonceOf(`rollup:${w.id}:${articles.map((a) => a.id).join(',')}`))
          .catch((e: unknown) =>
            deps.log.error(`watch ${w.id}: the roll-up of ${articles.length} match(es) could not be posted: ${String(e)}`),
          );
      }
    },
  };
}
