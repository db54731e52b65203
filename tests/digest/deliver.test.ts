import { describe, expect, it } from 'vitest';
import { contents } from '../helpers/corpus-contents.js';
import { deliverFire, fireKey, FIRST_DIGEST_LOOKBACK_MS } from '../../src/digest/deliver.js';
import { digestNonce } from '../../src/digest/nonce.js';
import { limitViolations } from '../../src/render/discord/limits.js';
import { corpus, CREATED, FIRE, row, setup } from '../helpers/digest-delivery.js';

describe('delivering one fire', () => {
  it('posts the digest once, with the nonce of (subscription, fire time), and logs it', async () => {
    const { store, sub, publisher, deps } = await setup();
    const out = await deliverFire(deps, sub.id, FIRE);
    expect(out).toMatchObject({ status: 'delivered', messageId: 'm1', articles: (await contents(corpus)).articles.length });
    expect(publisher.messages).toHaveLength(1);
    expect(publisher.messages[0]!.nonce).toBe(digestNonce(sub.id, FIRE));
    expect(limitViolations(publisher.messages[0]!.payload)).toEqual([]);
    // A new subscription's first digest looks back a week from its creation.
    expect(await row(store, sub.id)).toMatchObject({
      status: 'delivered',
      messageId: 'm1',
      attempts: 1,
      periodStart: new Date(CREATED.getTime() - FIRST_DIGEST_LOOKBACK_MS).toISOString(),
      periodEnd: FIRE.toISOString(),
    });
    // The same fire again (a second scheduler tick, a restart) posts nothing.
    expect((await deliverFire(deps, sub.id, FIRE)).status).toBe('already-done');
    expect(publisher.attempts).toHaveLength(1);
  });

  it("carries the alert matches that went over a watch's hourly cap in the period, once each", async () => {
    const { store, sub, publisher, deps } = await setup();
    const [a, b] = (await contents(corpus)).articles;
    const w = await store.addWatch(
      { guildId: sub.guildId, channelId: sub.channelId, rule: 'Iran', thread: false, hourlyCap: 1, createdBy: 'u' },
      CREATED,
    );
    for (const article of [a!, b!]) {
      await store.claimAlert(w.id, article.id, sub.channelId, article.id, new Date('2026-11-24T07:30:00Z'), 'elsewhere:1:aa');
      await store.updateAlert(w.id, article.id, 'rolled-up');
    }
    // Another channel's roll-up is not this digest's.
    await store.claimAlert(w.id, 'elsewhere', '999999999999999999', 'x', new Date('2026-11-24T07:30:00Z'), 'elsewhere:1:aa');
    await deliverFire(deps, sub.id, FIRE);
    const header = publisher.messages[0]!.payload.embeds![0]!.description!;
    expect(header).toContain('**Alert matches over the hourly cap** (2):');
    expect(header.split('Alert matches over the hourly cap')[1]).toContain(a!.title.slice(0, 30));
    expect(limitViolations(publisher.messages[0]!.payload)).toEqual([]);
  });

  it('keeps the nonce stable and short: same input, same nonce; another fire or subscription, another', async () => {
    expect(digestNonce('dabc234', FIRE)).toBe(digestNonce('dabc234', FIRE.toISOString()));
    expect(digestNonce('dabc234', FIRE)).toHaveLength(25);
    expect(digestNonce('dabc234', new Date(FIRE.getTime() + 1000))).not.toBe(digestNonce('dabc234', FIRE));
    expect(digestNonce('dabc235', FIRE)).not.toBe(digestNonce('dabc234', FIRE));
  });

  it('after a crash between posting and logging, the retried fire carries the same nonce, so the channel sees one message', async () => {
    const { store, sub, publisher, deps } = await setup();
    // The first run claimed the fire and Discord took the post, then the process died before logging it.
    await store.claimFire(sub.id, FIRE, FIRE);
    await publisher.post(sub.channelId, { content: 'digest' }, digestNonce(sub.id, FIRE));
    const out = await deliverFire(deps, sub.id, FIRE);
    expect(out).toMatchObject({ status: 'delivered', messageId: 'm1' });
    expect(publisher.attempts.map((a) => a.nonce)).toEqual([digestNonce(sub.id, FIRE), digestNonce(sub.id, FIRE)]);
    expect(publisher.messages).toHaveLength(1);
  });

  it('after a long downtime, finds the fire in the channel and does not post it again, though the nonce expired', async () => {
    const { store, sub, publisher, deps, setClock } = await setup();
    // The fire was claimed and posted (its message names the fire), then the process died before logging it.
    await store.claimFire(sub.id, FIRE, FIRE);
    await publisher.post(sub.channelId, { content: `digest\n-# ${fireKey(sub.id, FIRE.toISOString())}` }, digestNonce(sub.id, FIRE));
    publisher.forgetNonces();
    setClock(new Date(FIRE.getTime() + 3 * 3_600_000));
    const out = await deliverFire(deps, sub.id, FIRE);
    expect(out).toMatchObject({ status: 'delivered', messageId: 'm1', note: 'found in the channel after a restart' });
    expect(publisher.messages).toHaveLength(1);
    expect(await row(store, sub.id)).toMatchObject({ status: 'delivered', messageId: 'm1' });
  });

  it('re-posts an interrupted fire that never reached the channel, carrying its fire key', async () => {
    const { store, sub, publisher, deps } = await setup();
    await store.claimFire(sub.id, FIRE, FIRE);
    const out = await deliverFire(deps, sub.id, FIRE);
    expect(out).toMatchObject({ status: 'delivered', messageId: 'm1' });
    const footer = publisher.messages[0]!.payload.embeds?.[0]?.footer?.text ?? publisher.messages[0]!.payload.content ?? '';
    expect(footer).toContain(fireKey(sub.id, FIRE.toISOString()));
  });

  it('logs nothing for a subscription removed before its fire (no foreign key error), and reports it gone', async () => {
    const { store, sub, deps } = await setup();
    await store.removeSubscription(sub.id);
    expect(await deliverFire(deps, sub.id, FIRE)).toEqual({ status: 'gone' });
  });

  it('the next digest starts where the last ended, and says "nothing new" when nothing arrived', async () => {
    const { store, sub, publisher, deps, setClock } = await setup();
    await deliverFire(deps, sub.id, FIRE);
    const next = new Date('2026-11-25T08:00:00Z');
    setClock(next);
    expect(await deliverFire(deps, sub.id, next)).toMatchObject({ status: 'delivered', articles: 0 });
    expect(publisher.messages[1]!.payload.content).toMatch(/nothing new since 24 Nov 2026, 08:00 UTC/);
    expect((await row(store, sub.id, next))?.periodStart).toBe(FIRE.toISOString());
  });

  it('with skip_empty, an empty digest posts nothing but is logged', async () => {
    const { store, sub, publisher, deps } = await setup({ seen: new Date('2026-01-01T00:00:00Z'), sub: { skipEmpty: true } });
    expect(await deliverFire(deps, sub.id, FIRE)).toEqual({ status: 'empty' });
    expect(publisher.attempts).toHaveLength(0);
    expect((await row(store, sub.id))?.status).toBe('empty');
  });

  it('pauses the subscription after one try when the channel answers 403 (50013)', async () => {
    const { store, sub, publisher, deps, logs } = await setup();
    publisher.failures = [{ status: 403, code: 50013, message: 'Missing Permissions' }];
    const out = await deliverFire(deps, sub.id, FIRE);
    expect(out.status).toBe('paused');
    expect(publisher.attempts).toHaveLength(1);
    expect(await store.subscription(sub.id)).toMatchObject({
      status: 'paused',
      pauseReason: expect.stringMatching(/missing permission.*50013/),
    });
    expect(await row(store, sub.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/50013/) });
    expect(logs.join('\n')).toMatch(/paused: missing permission/);
    // While paused, later fires are logged as skipped without a request.
    const later = new Date('2026-11-25T08:00:00Z');
    expect((await deliverFire(deps, sub.id, later)).status).toBe('paused');
    expect(publisher.attempts).toHaveLength(1);
    expect((await row(store, sub.id, later))?.status).toBe('skipped');
  });

  it('pauses when the channel is gone (404, 10003)', async () => {
    const { store, sub, publisher, deps } = await setup();
    publisher.failures = [{ status: 404, code: 10003, message: 'Unknown Channel' }];
    expect((await deliverFire(deps, sub.id, FIRE)).status).toBe('paused');
    expect((await store.subscription(sub.id))?.pauseReason).toMatch(/no longer exists/);
    expect(publisher.attempts).toHaveLength(1);
  });

  it('retries 429 and 5xx with growing waits (a longer retry_after wins), then delivers', async () => {
    const { store, sub, publisher, deps, waits } = await setup();
    publisher.failures = [
      { status: 500, message: 'Internal Server Error' },
      { retryAfter: 5000, message: 'rate limited' },
      { status: 502, message: 'Bad Gateway' },
    ];
    expect((await deliverFire(deps, sub.id, FIRE)).status).toBe('delivered');
    expect(waits).toEqual([1000, 5000, 4000]);
    expect(new Set(publisher.attempts.map((a) => a.nonce)).size).toBe(1);
    expect(await row(store, sub.id)).toMatchObject({ status: 'delivered', attempts: 4, error: null });
  });

  it('gives up after a bounded number of attempts, logs the failure and keeps the subscription active', async () => {
    const { store, sub, publisher, deps } = await setup();
    publisher.failures = Array.from({ length: 10 }, () => ({ status: 503, message: 'Service Unavailable' }));
    const out = await deliverFire(deps, sub.id, FIRE);
    expect(out).toMatchObject({ status: 'failed', reason: expect.stringMatching(/503.*gave up after 4 attempts/) });
    expect(publisher.attempts).toHaveLength(4);
    expect((await store.subscription(sub.id))?.status).toBe('active');
    expect((await row(store, sub.id))?.status).toBe('failed');
  });

  it('does not retry a request Discord rejects as malformed', async () => {
    const { sub, publisher, deps } = await setup();
    publisher.failures = [{ status: 400, code: 50035, message: 'Invalid Form Body' }];
    expect((await deliverFire(deps, sub.id, FIRE)).status).toBe('failed');
    expect(publisher.attempts).toHaveLength(1);
  });

  it('opens a discussion thread named after the digest and the day; a failed thread keeps the digest delivered', async () => {
    const { store, sub, publisher, deps } = await setup({ sub: { thread: true, topics: ['Iran'] } });
    const out = await deliverFire(deps, sub.id, FIRE);
    expect(out).toMatchObject({ status: 'delivered', threadId: 't1' });
    expect(publisher.threads).toEqual([{ channelId: sub.channelId, messageId: 'm1', name: 'Digest: Iran · 2026-11-24' }]);
    const other = await setup({ sub: { thread: true } });
    other.publisher.threadFailure = { status: 403, code: 50013, message: 'Missing Permissions' };
    expect(await deliverFire(other.deps, other.sub.id, FIRE)).toMatchObject({
      status: 'delivered',
      note: expect.stringMatching(/thread could not be opened/),
    });
    expect((await other.store.subscription(other.sub.id))?.status).toBe('active');
    expect((await row(store, sub.id))?.threadId).toBe('t1');
  });
});
