// What /digest's subcommands do, apart from Discord: checks and store changes,
// returning data or a message for the user. Subscriptions are per server; an
// id from another server is treated as unknown.
import type { Corpus } from '../corpus/corpus.js';
import { parseTopics } from '../briefing/digest-topics.js';
import { cleanInput } from '../text/normalize.js';
import type { Delivery, Store, Subscription } from '../store/store.js';
import { buildView, type DeliveryOutcome, type DigestView } from './deliver.js';
import { parseSchedule } from './schedule.js';
import type { Scheduler } from './scheduler.js';
import { parseTimeZone } from './time-zones.js';
import type { Problem } from '../briefing/problems.js';

export const MAX_SUBSCRIPTIONS_PER_SERVER = 25;

export interface ManageDeps {
  store: Store;
  scheduler: Scheduler;
  corpus(): Corpus;
  now(): Date;
  minIntervalSeconds: number;
}

export type Refusal = { ok: false; problem: Problem };

export interface SubscribeInput {
  guildId: string;
  channelId: string;
  userId: string;
  schedule: string;
  timezone?: string | undefined;
  topics?: string | undefined;
  thread: boolean;
  skipEmpty: boolean;
  /** The period's timeline chart (default on). */
  chart?: boolean | undefined;
}

export async function subscribe(
  deps: ManageDeps,
  input: SubscribeInput,
): Promise<{ ok: true; sub: Subscription; nextRun: Date | null } | Refusal> {
  const schedule = parseSchedule(input.schedule, deps.minIntervalSeconds);
  if (!schedule.ok) return schedule;
  const zone = parseTimeZone(input.timezone);
  if (!zone.ok) return zone;
  const topics = parseTopics(deps.corpus(), input.topics);
  if (!topics.ok) return topics;
  if ((await deps.store.subscriptions(input.guildId)).length >= MAX_SUBSCRIPTIONS_PER_SERVER) {
    return { ok: false, problem: { code: 'too-many-subscriptions', max: MAX_SUBSCRIPTIONS_PER_SERVER } };
  }
  const sub = await deps.store.addSubscription(
    {
      guildId: input.guildId,
      channelId: input.channelId,
      schedule: schedule.label,
      cron: schedule.cron,
      timezone: zone.zone,
      topics: topics.topics.map((t) => t.name),
      thread: input.thread,
      skipEmpty: input.skipEmpty,
      chart: input.chart ?? true,
      createdBy: input.userId,
    },
    deps.now(),
  );
  deps.scheduler.add(sub);
  return { ok: true, sub, nextRun: deps.scheduler.nextRun(sub.id) };
}

async function findOwn(deps: ManageDeps, guildId: string, rawId: string): Promise<Subscription | Refusal> {
  const id = cleanInput(rawId).toLowerCase();
  const sub = /^d[a-z0-9]{6}$/.test(id) ? await deps.store.subscription(id) : undefined;
  if (!sub || sub.guildId !== guildId) return { ok: false, problem: { code: 'unknown-subscription', id } };
  return sub;
}

export interface ListedSubscription {
  sub: Subscription;
  nextRun: Date | null;
  last: Delivery | undefined;
}

export async function list(deps: ManageDeps, guildId: string): Promise<ListedSubscription[]> {
  const subs = await deps.store.subscriptions(guildId);
  return Promise.all(
    subs.map(async (sub) => ({ sub, nextRun: deps.scheduler.nextRun(sub.id), last: (await deps.store.deliveries(sub.id, 1))[0] })),
  );
}

export async function unsubscribe(deps: ManageDeps, guildId: string, rawId: string): Promise<{ ok: true; sub: Subscription } | Refusal> {
  const sub = await findOwn(deps, guildId, rawId);
  if ('ok' in sub) return sub;
  deps.scheduler.remove(sub.id);
  await deps.store.removeSubscription(sub.id);
  return { ok: true, sub };
}

export async function resume(
  deps: ManageDeps,
  guildId: string,
  rawId: string,
): Promise<{ ok: true; sub: Subscription; nextRun: Date | null; wasActive: boolean } | Refusal> {
  const found = await findOwn(deps, guildId, rawId);
  if ('ok' in found) return found;
  const wasActive = found.status === 'active';
  await deps.store.setStatus(found.id, 'active', null);
  const sub = (await deps.store.subscription(found.id))!;
  deps.scheduler.add(sub);
  return { ok: true, sub, nextRun: deps.scheduler.nextRun(sub.id), wasActive };
}

export async function sendNow(
  deps: ManageDeps,
  guildId: string,
  rawId: string,
): Promise<{ ok: true; sub: Subscription; outcome: DeliveryOutcome } | Refusal> {
  const sub = await findOwn(deps, guildId, rawId);
  if ('ok' in sub) return sub;
  if (sub.status === 'paused') return { ok: false, problem: { code: 'subscription-paused', id: sub.id, reason: sub.pauseReason } };
  return { ok: true, sub, outcome: await deps.scheduler.sendNow(sub.id) };
}

/** What a new subscription's first digest would hold now, on these topics. */
export async function preview(
  deps: ManageDeps,
  rawTopics: string | undefined,
  timezone = 'UTC',
): Promise<{ ok: true; view: DigestView } | Refusal> {
  const topics = parseTopics(deps.corpus(), rawTopics);
  if (!topics.ok) return topics;
  const now = deps.now();
  const draft: Subscription = {
    id: 'preview',
    guildId: '',
    channelId: '',
    schedule: '',
    cron: '',
    timezone,
    topics: topics.topics.map((t) => t.name),
    thread: false,
    skipEmpty: false,
    chart: true,
    createdBy: '',
    status: 'active',
    pauseReason: null,
    createdAt: now.toISOString(),
  };
  return { ok: true, view: await buildView(deps, draft, now) };
}
