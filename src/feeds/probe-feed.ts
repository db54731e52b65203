// Before a feed is followed, it is read once: a typo, a web page instead of
// its feed, or a refused address is told at once, not after ten silent
// failures. The feed's own title becomes its name when none is given.
import type { HttpClient } from '../web/http-client.js';
import { parseFeedItems } from './feed-items.js';

export type Probe = { ok: true; url: string; title: string | null; items: number } | { ok: false; reason: string };

export async function probeFeed(url: string, http: HttpClient): Promise<Probe> {
  try {
    const res = await http.get(url);
    if (res.notModified) return { ok: true, url, title: null, items: 0 };
    const feed = parseFeedItems(res.text, res.url);
    return { ok: true, url: res.url, title: feed.title, items: feed.items.length };
  } catch (e) {
    return { ok: false, reason: `${url.slice(0, 200)} cannot be followed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
