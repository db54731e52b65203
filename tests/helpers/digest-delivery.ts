// One digest fire's delivery on the seed corpus, a fresh real store and a publisher that behaves like Discord, with
// a clock and waits the test controls (tests/digest/deliver*.test.ts).
import type { DeliveryDeps } from '../../src/digest/deliver.js';
import { digestThreadName, renderDigest } from '../../src/render/discord/digest-render.js';
import { makeLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { contents } from './corpus-contents.js';
import { FakePublisher } from './fake-publisher.js';
import { seedCorpus } from './seed-corpus.js';
import { NEW_SUB, tempStore } from './temp-store.js';
export const { corpus } = seedCorpus();
export const CREATED = new Date('2026-11-24T07:00:00Z');
export const FIRE = new Date('2026-11-24T08:00:00Z');

export async function setup(o: { seen?: Date; sub?: Partial<typeof NEW_SUB> } = {}) {
  const { store } = tempStore();
  await store.recordArticles(
    (await contents(corpus)).articles.map((a) => a.id),
    o.seen ?? new Date('2026-11-24T06:00:00Z'),
  );
  const sub = await store.addSubscription({ ...NEW_SUB, ...o.sub }, CREATED);
  const publisher = new FakePublisher();
  const logs: string[] = [];
  const waits: number[] = [];
  let clock = FIRE;
  const deps: DeliveryDeps = {
    store,
    corpus: () => corpus,
    publisher,
    render: renderDigest,
    threadName: digestThreadName,
    now: () => clock,
    sleep: async (ms) => void waits.push(ms),
    log: makeLogger('debug', (l) => logs.push(l)),
    retries: 3,
    backoffMs: 1000,
  };
  return { store, sub, publisher, deps, logs, waits, setClock: (d: Date) => (clock = d) };
}

export const row = async (store: Store, id: string, fire = FIRE) =>
  (await store.deliveries(id, 50)).find((d) => d.fireTime === fire.toISOString());
