// What a stop leaves undone is done at the next start, once: articles that
// reached the corpus and were never checked against the watches (the database
// stopped answering mid-batch), on a real corpus and a real SQLite store, with
// a publisher that behaves like Discord.
import { describe, expect, it } from 'vitest';
import { alertDelivery } from '../../src/alerts/alert-delivery.js';
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

describe('alerts after a stop', () => {
  it('checks the articles that reached the corpus and were never checked, once', async () => {
    const { store } = tempStore();
    const publisher = new FakePublisher();
    let now = at(0);
    const alerts = alertDelivery({
      store,
      corpus: () => corpus,
      publisher,
      render: { alert: renderAlert, rollUp: renderRollUp, threadName: alertThreadName, footer: alertFooter },
      now: () => now,
      log: makeLogger('error', () => {}),
    });
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
});
