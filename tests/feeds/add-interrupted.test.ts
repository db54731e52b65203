// /add and /feeds add when the shared log does not answer (scaled out, what they write is logged at once): the page
// or the feed list stays in the folder, the user is told it failed, and doing it again logs it (and ingests the page).
// Before, the second try found the page saved (the feed followed) already, so nothing was logged or ingested: lost
// without a word. Driven through the HTTP adapter, on a real data folder, a live corpus and a local web server.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeedsInteractionDeps } from '../../src/commands/feeds-subcommands.js';
import { linkLimiter } from '../../src/commands/rate-limit.js';
import { liveCorpus } from '../../src/corpus/live-corpus.js';
import { answerInteraction } from '../../src/discord/http/answer-interaction.js';
import { fetchSettings, httpClientFor } from '../../src/feeds/fetch-session.js';
import { makeLogger } from '../../src/logger.js';
import { slash, subcommandSlash } from '../e2e/interactions.js';
import { articlePage, newsParagraphs, rssFeed } from '../helpers/news-pages.js';
import { seedData } from '../helpers/seed-corpus.js';
import { tempStore } from '../helpers/temp-store.js';
import { page, startWebServer } from '../helpers/web-server.js';

const web = await startWebServer();
const paths = seedData();
const log = makeLogger('error', () => {});
const live = liveCorpus(paths, log);
afterAll(async () => {
  live.stop();
  await web.close();
});

/** The feeds service on this folder, with a shared log that fails until `answers` is set; and what it logged. */
function feedsService() {
  const settings = fetchSettings({ ALLOW_PRIVATE_URLS: true, FEEDS_POLL_SECONDS: 900, FETCH_HOST_GAP_MS: 0 });
  const state = { answers: false, logged: [] as string[][] };
  const feeds: FeedsInteractionDeps = {
    paths,
    store: tempStore().store,
    settings,
    http: httpClientFor(settings),
    now: () => new Date(),
    corpus: live.current,
    reload: live.reload,
    saved: async (files) => {
      if (!state.answers) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      state.logged.push([...files]);
    },
    linkLimit: linkLimiter(),
  };
  const edits: APIInteractionResponseCallbackData[] = [];
  const deps = {
    corpus: live.current,
    log,
    editOriginal: async (_token: string, payload: APIInteractionResponseCallbackData) => {
      edits.push(payload);
      return '1';
    },
    deleteOriginal: async () => undefined,
    followUp: async (_token: string, payload: APIInteractionResponseCallbackData) => void edits.push(payload),
    feeds,
  };
  /** Sends the interaction, runs its deferred work, and gives the last message as JSON. */
  const send = async (i: Parameters<typeof answerInteraction>[0]) => {
    const r = await answerInteraction(i, deps);
    expect(r.response.type).toBe(5);
    await r.after?.();
    return JSON.stringify(edits.at(-1));
  };
  return { state, send };
}

describe('after the shared log did not answer', () => {
  it('/add says it failed, and logs and ingests the page when the link is added again', async () => {
    web.route(
      '/ferry',
      page(articlePage({ title: 'Quillon ferry resumes', paragraphs: newsParagraphs('quillon'), outlet: 'Caucasus Daily' })),
    );
    const { state, send } = feedsService();
    const add = () => send(slash('add', { url: `${web.origin}/ferry` }));
    const first = await add();
    expect(first).not.toContain('Quillon ferry resumes');
    expect(first).toMatch(/⚠️ Something went wrong/);
    state.answers = true;
    const second = await add();
    expect(second).toContain('Quillon ferry resumes');
    expect(state.logged).toHaveLength(1);
    expect(state.logged[0]![0]).toMatch(/^raw\//);
    expect(JSON.stringify(await live.current().articles(0, 100))).toContain('Quillon ferry resumes');
  });

  it('/feeds add says it failed, and logs the feed list when the feed is added again', async () => {
    web.route('/wire.xml', page(rssFeed('Steppe Wire', []), 'application/rss+xml'));
    const { state, send } = feedsService();
    const follow = () => send(subcommandSlash('feeds', 'add', { url: `${web.origin}/wire.xml` }));
    expect(await follow()).toMatch(/⚠️ Something went wrong/);
    state.answers = true;
    expect(await follow()).toMatch(/already/i);
    expect(state.logged).toEqual([['feeds.json']]);
  });
});
