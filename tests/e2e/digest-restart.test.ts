// An interrupted digest after a long downtime, through the real REST client:
// Discord (here the emulator, with a nonce window of 200 ms) has forgotten the
// nonce, so only the check of the channel keeps the fire from posting twice.
import { afterAll, describe, expect, it } from 'vitest';
import { deliverFire, type DeliveryDeps } from '../../src/digest/deliver.js';
import { discordPublisher } from '../../src/discord/digest-publisher.js';
import { digestThreadName, renderDigest } from '../../src/render/discord/digest-render.js';
import { makeLogger } from '../../src/logger.js';
import { contents } from '../helpers/corpus-contents.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { NEW_SUB, tempStore } from '../helpers/temp-store.js';
import { CHANNEL_ID, DiscordEmulator, TOKEN } from './emulator.js';

const emulator = new DiscordEmulator();
afterAll(() => emulator.close());

describe('a digest interrupted before it was logged', () => {
  it('is found in the channel after the nonce window and never posted twice', async () => {
    await emulator.start();
    emulator.nonceWindowMs = 200;
    const { corpus } = seedCorpus();
    const { store } = tempStore();
    const fire = new Date('2026-11-24T08:00:00Z');
    await store.recordArticles(
      (await contents(corpus)).articles.map((a) => a.id),
      new Date('2026-11-24T06:00:00Z'),
    );
    const sub = await store.addSubscription({ ...NEW_SUB, channelId: CHANNEL_ID }, new Date('2026-11-24T07:00:00Z'));
    let clock = fire;
    const logs: string[] = [];
    const deps: DeliveryDeps = {
      store,
      corpus: () => corpus,
      publisher: discordPublisher(TOKEN, emulator.apiUrl),
      render: renderDigest,
      threadName: digestThreadName,
      now: () => clock,
      sleep: async () => undefined,
      log: makeLogger('debug', (l) => logs.push(l)),
      retries: 1,
      backoffMs: 10,
    };
    const first = await deliverFire(deps, sub.id, fire);
    expect(first.status).toBe('delivered');
    // The process died after Discord took the post and before the log said so: the row is still pending.
    await store.updateFire(sub.id, fire.toISOString(), { status: 'pending' }, fire);
    await new Promise((r) => setTimeout(r, 300));
    clock = new Date(fire.getTime() + 3 * 3_600_000);
    const again = await deliverFire(deps, sub.id, fire);
    expect(again).toMatchObject({ status: 'delivered', messageId: first.status === 'delivered' ? first.messageId : '' });
    expect(emulator.channelPosts(CHANNEL_ID)).toHaveLength(1);
    expect(emulator.callsTo('GET', new RegExp(`^/channels/${CHANNEL_ID}/messages$`))).toHaveLength(1);
    expect(logs.join('\n')).toMatch(/had reached the channel \(message \d+\); not posted again/);
  });
});
