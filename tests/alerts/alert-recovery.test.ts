// What a stop leaves undone is done at the next start, once: articles that
// reached the corpus and were never checked against the watches (the database
// stopped answering mid-batch), on a real corpus and a real SQLite store, with
// a publisher that behaves like Discord.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { alertDelivery, type AlertDeps } from '../../src/alerts/alert-delivery.js';
import { ownerGone, processOwner } from '../../src/app/process-owner.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { alertFooter, alertThreadName, renderAlert, renderRollUp } from '../../src/render/discord/alert-render.js';
import { makeLogger } from '../../src/logger.js';
import { contents } from '../helpers/corpus-contents.js';
import { FakePublisher } from '../helpers/fake-publisher.js';
import { tempData } from '../helpers/temp-data.js';
import { tempStore } from '../helpers/temp-store.js';

const md = (title: string, text: string) =>
  `---\ntitle: ${title}\noutlet: OC Media\nauthor: A. Writer\npublished: 2026-12-06\n---\n\n${text}\n`;
const corpus = openCorpus(
  tempData({
    'a.md': md('Poti port expands', 'Georgia opened a new berth at Poti for the Middle Corridor on Monday, officials said.'),
    'b.md': md('Wine in Kakheti', 'Georgia held its wine festival in Telavi on Saturday, the organisers said.'),
  }),
);
const at = (s: number) => new Date(Date.parse('2026-12-07T10:00:00Z') + s * 1000);
const render = { alert: renderAlert, rollUp: renderRollUp, threadName: alertThreadName, footer: alertFooter };
const quiet = makeLogger('error', () => {});
/** A process of this machine that has ended: its owner name, as its claims would carry it. */
function endedOwner(): string {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return processOwner().replace(`:${process.pid}:`, `:${child.stdout}:`);
}

/** A delivery on a fresh store, as a process of this machine runs it, at the time `now` gives. */
function delivery(now: () => Date) {
  const { store } = tempStore();
  const publisher = new FakePublisher();
  const deps: AlertDeps = {
    store,
    corpus: () => corpus,
    publisher,
    render,
    now,
    log: quiet,
    owner: processOwner(),
    claimantGone: ownerGone,
  };
  return { store, publisher, alerts: alertDelivery(deps) };
}

describe('alerts after a stop', () => {
  it('checks the articles that reached the corpus and were never checked, once', async () => {
    let now = at(0);
    const { store, publisher, alerts } = delivery(() => now);
    const watch = await store.addWatch(
      { guildId: 'g', channelId: 'c', rule: 'actor:Georgia corridor:"Middle Corridor"', thread: false, hourlyCap: 10, createdBy: 'u' },
      at(0),
    );
    // The first start: what the corpus held before is never news.
    await alerts.recover();
    expect(publisher.messages).toEqual([]);
    // Both articles reach the corpus; the process stops before it checks them.
    const ids = (await contents(corpus)).articles.map((a) => a.id);
    await store.recordArticles(ids, at(10));
    // The next start, a minute later: the one that matches is posted, the other is not.
    now = at(70);
    await alerts.recover();
    expect(publisher.messages.map((m) => m.payload.embeds?.[0]?.title)).toEqual(['Poti port expands']);
    expect((await store.alerts(watch.id, at(0))).map((a) => a.status)).toEqual(['posted']);
    // Again: nothing more.
    now = at(200);
    await alerts.recover();
    expect(publisher.messages).toHaveLength(1);
  });

  // A kill leaves a claim half done and the rest of its batch unchecked, both younger than the grace; or, between two
  // claims, only its batch noted as being checked.
  async function killedMidBatch(claimedBy: string, o: { claim: boolean } = { claim: true }) {
    const { store, publisher, alerts } = delivery(() => at(100));
    const watch = await store.addWatch(
      { guildId: 'g', channelId: 'c', rule: 'actor:Georgia', thread: false, hourlyCap: 10, createdBy: 'u' },
      at(0),
    );
    await store.checkedAlertsUpTo(at(0));
    const [a, b] = (await contents(corpus)).articles;
    await store.recordArticles([a!.id, b!.id], at(95));
    await store.alertBatch(claimedBy, at(95));
    if (o.claim) await store.claimAlert(watch.id, a!.id, 'c', a!.id, at(96), claimedBy);
    await alerts.recover();
    return {
      publisher,
      titles: publisher.messages.map((m) => m.payload.embeds?.[0]?.title).sort(),
      alerts: await store.alerts(watch.id, at(0)),
    };
  }

  it('finishes at once what a process that has ended left: its claim and the articles of its batch', async () => {
    const gone = endedOwner();
    expect(ownerGone(gone)).toBe(true);
    const { titles, alerts } = await killedMidBatch(gone);
    expect(titles).toEqual(['Poti port expands', 'Wine in Kakheti']);
    expect(alerts.map((a) => a.status)).toEqual(['posted', 'posted']);
  });

  it('checks at once the batch a process that has ended was checking, when it had no claim open', async () => {
    const gone = endedOwner();
    const { titles, alerts } = await killedMidBatch(gone, { claim: false });
    expect(titles).toEqual(['Poti port expands', 'Wine in Kakheti']);
    expect(alerts.map((a) => a.status)).toEqual(['posted', 'posted']);
  });

  it('leaves a young claim of a process that may still be running to it, and its batch too', async () => {
    // Another process of this machine that runs (this one, as another owner), and one on another machine.
    for (const owner of [processOwner().replace(/:[0-9a-f]+$/, ':abcdef'), 'another-host:1234:abcdef']) {
      expect(ownerGone(owner)).toBe(false);
      const { titles, alerts } = await killedMidBatch(owner);
      expect(titles).toEqual([]);
      expect(alerts.map((a) => a.status)).toEqual(['pending']);
      expect((await killedMidBatch(owner, { claim: false })).titles).toEqual([]);
    }
  });
});
