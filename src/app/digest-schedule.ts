// The digest scheduler as the bot runs it: posting over REST with the bot's
// token, rendering embeds and the period's chart. Shared by the process that
// runs the schedule (run-work.ts) and by `briefing serve`, which uses one
// unstarted to deliver a /digest send-now.
import { digestChart } from '../charts/answer-chart.js';
import type { Config } from '../config.js';
import type { Corpus } from '../corpus/corpus.js';
import { discordPublisher } from '../discord/digest-publisher.js';
import { digestThreadName, renderDigest } from '../render/discord/digest-render.js';
import type { Publisher } from '../digest/publisher.js';
import { makeScheduler, type Scheduler } from '../digest/scheduler.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

export interface SchedulerOverrides {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  publisher?: Publisher;
  backoffMs?: number;
}

/**
 * The digest scheduler, posting over REST as the bot. The process holding the schedule's lease starts it; others
 * (a standby, a `briefing serve` replica answering /digest) use it unstarted, to deliver a send-now.
 */
export function digestScheduler(
  config: Config & { DISCORD_TOKEN: string },
  log: Logger,
  store: Store,
  corpus: () => Corpus,
  o: SchedulerOverrides = {},
): Scheduler {
  return makeScheduler({
    store,
    corpus,
    publisher: o.publisher ?? discordPublisher(config.DISCORD_TOKEN, config.DISCORD_API_URL),
    render: renderDigest,
    chart: (view) => digestChart(view.answer, `Dated events in the digest: ${view.name}`),
    threadName: digestThreadName,
    now: o.now ?? (() => new Date()),
    log,
    sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    retries: 3,
    backoffMs: o.backoffMs ?? 2000,
    graceMs: config.DIGEST_CATCH_UP_GRACE_SECONDS * 1000,
  });
}
