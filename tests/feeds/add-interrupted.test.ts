// /add when the shared log does not answer (scaled out, the page is logged as soon as it is saved): the page stays
// saved in the folder, the user is told it failed, and a second /add of the same link logs it and ingests it. Before,
// the second /add found the page saved already, so it was neither logged nor ingested: lost without a word. Driven
// through the HTTP adapter, on a real data folder, a live corpus and a local web server.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeedsInteractionDeps } from '../../src/commands/feeds-subcommands.js';
import { linkLimiter } from '../../src/commands/rate-limit.js';
import { liveCorpus } from '../../src/corpus/live-corpus.js';
import { answerInteraction } from '../../src/discord/http/answer-interaction.js';
import { fetchSettings, httpClientFor } from '../../src/feeds/fetch-session.js';
import { makeLogger } from '../../src/logger.js';
import { slash } from '../e2e/interactions.js';
import { articlePage, newsParagraphs } from '../helpers/news-pages.js';
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

describe('/add after the shared log did not answer', () => {
  it('says it failed, and logs and ingests the page when the link is added again', async () => {
    web.route(
      '/ferry',
      page(articlePage({ title: 'Quillon ferry resumes', paragraphs: newsParagraphs('quillon'), outlet: 'Caucasus Daily' })),
    );
    const settings = fetchSettings({ ALLOW_PRIVATE_URLS: true, FEEDS_POLL_SECONDS: 900, FETCH_HOST_GAP_MS: 0 });
    const logged: string[][] = [];
    let logAnswers = false;
    const feeds: FeedsInteractionDeps = {
      paths,
      store: tempStore().store,
      settings,
      http: httpClientFor(settings),
      now: () => new Date(),
      corpus: live.current,
      reload: live.reload,
      saved: async (files) => {
        if (!logAnswers) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        logged.push([...files]);
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
    const add = async () => {
      const r = await answerInteraction(slash('add', { url: `${web.origin}/ferry` }), deps);
      expect(r.response.type).toBe(5);
      await r.after?.();
      return JSON.stringify(edits.at(-1));
    };
    const first = await add();
    expect(first).not.toContain('Quillon ferry resumes');
    expect(first).toMatch(/⚠️/);
    logAnswers = true;
    const second = await add();
    expect(second).toContain('Quillon ferry resumes');
    expect(logged).toHaveLength(1);
    expect(logged[0]![0]).toMatch(/^raw\//);
    expect(JSON.stringify(await live.current().articles(0, 100))).toContain('Quillon ferry resumes');
  });
});
