// One article by URL, as a user pastes it (/add, `briefing add`): fetched
// through the guarded client, saved under raw/links/<host>/, and kept like a
// feed item. No on-topic check: the user chose this article.
import { canonicalUrl } from '../web/canonical-url.js';
import { FetchError } from '../web/http-client.js';
import { capturePage, CaptureError } from './capture-page.js';
import { keepCapture, type KeepOutcome } from './keep-capture.js';
import type { FeedPollDeps } from './poll-feeds.js';

export const MAX_URL_LENGTH = 2000;

export type AddLinkResult =
  | { ok: true; outcome: KeepOutcome; url: string; file: string; title: string; from: 'page' | 'feed-item' }
  | { ok: false; reason: string };

export async function addLink(raw: string, deps: Omit<FeedPollDeps, 'pollSeconds' | 'respectBackoff'>): Promise<AddLinkResult> {
  const typed = raw.trim();
  if (typed.length > MAX_URL_LENGTH)
    return { ok: false, reason: `That link is ${typed.length} characters long; at most ${MAX_URL_LENGTH} are read.` };
  const url = canonicalUrl(typed);
  if (!url) return { ok: false, reason: 'That is not an http(s) link to an article page.' };
  try {
    const c = await capturePage(url, null, {}, { http: deps.http, matcher: deps.matcher, knownNames: deps.knownNames, now: deps.now() });
    const host = new URL(c.url).hostname.replace(/^www\./, '').replace(/[^a-z0-9.-]/gi, '-');
    const kept = await keepCapture(c, `links/${host}`, deps.paths.raw, deps.store, deps.now());
    return { ok: true, outcome: kept.outcome, url: c.url, file: kept.file, title: c.title, from: c.from };
  } catch (e) {
    if (e instanceof CaptureError || e instanceof FetchError) return { ok: false, reason: e.message };
    throw e;
  }
}
