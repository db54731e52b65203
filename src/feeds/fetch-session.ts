// What a fetch needs, put together once for `briefing fetch`, `briefing feeds`
// and the bot: the guarded HTTP client (naming the bot and its version), the
// gazetteer for the on-topic check, the store, the clock.
import type { Config } from '../config.js';
import { packageVersion } from '../text/package-version.js';
import type { DataPaths } from '../corpus/data-dir.js';
import { gazetteerNames, readGazetteer } from '../corpus/data-dir.js';
import { compileGazetteer } from '../corpus/extract/gazetteer-matcher.js';
import type { FeedStore } from '../store/feed-store.js';
import { addressCheck } from '../web/address-policy.js';
import { createHttpClient, type HttpClient } from '../web/http-client.js';
import type { FeedPollDeps } from './poll-feeds.js';

export const USER_AGENT = `briefing-bot/${packageVersion()} (news briefings for analyst teams; polite feed reader)`;

export interface FetchSettings {
  allowPrivateUrls: boolean;
  pollSeconds: number;
  /** Pause between two requests to one host (1 s; tests use less). */
  hostGapMs?: number;
}

export function fetchSettings(c: Pick<Config, 'ALLOW_PRIVATE_URLS' | 'FEEDS_POLL_SECONDS' | 'FETCH_HOST_GAP_MS'>): FetchSettings {
  return { allowPrivateUrls: c.ALLOW_PRIVATE_URLS, pollSeconds: c.FEEDS_POLL_SECONDS, hostGapMs: c.FETCH_HOST_GAP_MS };
}

export function httpClientFor(s: FetchSettings): HttpClient {
  return createHttpClient({ userAgent: USER_AGENT, checkAddress: addressCheck(s.allowPrivateUrls), hostGapMs: s.hostGapMs ?? 1000 });
}

export function feedPollDeps(
  paths: DataPaths,
  store: FeedStore,
  s: FetchSettings,
  opts: { now?: () => Date; respectBackoff: boolean; log?: (line: string) => void; http?: HttpClient },
): FeedPollDeps {
  const { gazetteer } = readGazetteer(paths);
  return {
    paths,
    store,
    http: opts.http ?? httpClientFor(s),
    matcher: compileGazetteer(gazetteer),
    knownNames: gazetteerNames(gazetteer),
    now: opts.now ?? (() => new Date()),
    pollSeconds: s.pollSeconds,
    respectBackoff: opts.respectBackoff,
    ...(opts.log ? { log: opts.log } : {}),
  };
}
