// /feeds (Manage Server) and /add (any member, rate-limited), on the gateway
// bot and the Interactions Endpoint alike (a request comes through
// InteractionRequest). The work is the same as the CLI's (src/feeds/); this
// file checks who may ask, defers while the web is read, and renders the
// replies. Feed replies are private to the admin; an added article's card is
// posted in the channel.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Corpus } from '../corpus/corpus.js';
import { sidecarNames, type DataPaths } from '../corpus/data-dir.js';
import { addedArticle } from '../briefing/sources.js';
import { addLink } from '../feeds/add-link.js';
import { addFeed, readFeedList, removeFeed } from '../feeds/feed-list.js';
import type { FeedPoller } from '../feeds/feed-poller.js';
import { backlogLines, feedStatusRows, type FeedStatusRow } from '../feeds/feed-report.js';
import { feedPollDeps, type FetchSettings } from '../feeds/fetch-session.js';
import { resumeFeed } from '../feeds/poll-feeds.js';
import { probeFeed } from '../feeds/probe-feed.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import type { MessagePayload } from '../render/message-payload.js';
import { clip, LIMITS } from '../render/discord/limits.js';
import { renderPage } from '../render/discord/render.js';
import type { FeedStore } from '../store/feed-store.js';
import { canonicalUrl } from '../web/canonical-url.js';
import type { HttpClient } from '../web/http-client.js';
import { holds, type InteractionRequest } from './interaction-request.js';
import type { RateLimiter } from './rate-limit.js';

export interface FeedsInteractionDeps {
  paths: DataPaths;
  store: FeedStore;
  settings: FetchSettings;
  http: HttpClient;
  now(): Date;
  corpus(): Corpus;
  /** Ingests again in a worker (only the files named, relative to the data folder); resolves when the new article answers. */
  reload(why: string, only?: readonly string[]): Promise<boolean>;
  /**
   * Told of files this process just wrote into its data folder (the feed list, a page and its sidecar; relative to it):
   * scaled out, they are logged at once, so no other process waits for this one's next sync, and none is lost with it.
   */
  saved?: ((files: readonly string[]) => Promise<void>) | undefined;
  /** Polls the feeds now (after one is added), if this process polls them. */
  poller?: FeedPoller | undefined;
  /** /add per user. */
  linkLimit: RateLimiter;
}

/** The feed list, as the data folder and the shared log name it. */
const FEED_LIST = 'feeds.json';
const say = (content: string): MessagePayload => ({ content: clip(content, LIMITS.content) });
const md = (s: string) => escapeMarkdown(s);
const when = (iso: string | null) => (iso ? `<t:${Math.floor(Date.parse(iso) / 1000)}:R>` : 'never');

function statusLine(r: FeedStatusRow): string {
  const state = r.paused
    ? `⏸️ **paused**: ${md(clip(r.pausedReason ?? '', 300))} — \`/feeds resume\` to try again`
    : r.failures
      ? `⚠️ ${r.failures} failure(s) in a row: ${md(clip(r.lastError ?? '', 200))}`
      : r.lastSuccess
        ? '✅ ok'
        : '⏳ not polled yet';
  // The item queue as the terminal shows it, the latest failures clipped: a failing item stays visible beyond its poll.
  const items = backlogLines(r.items)
    .slice(0, 3)
    .map((l) => md(clip(l.trim(), 250)));
  return (
    `**${md(clip(r.name, 100))}** \`${r.id}\`${r.keepAll ? ' (keeps every item)' : ''}\n${md(clip(r.url, 300))}\n` +
    `last success ${when(r.lastSuccess)} · last new item ${when(r.lastNewItem)} · ${state}` +
    (items.length ? `\n${items.join('\n')}` : '')
  );
}

async function feedsAdd(q: InteractionRequest, deps: FeedsInteractionDeps): Promise<void> {
  const url = canonicalUrl(q.string('url') ?? '');
  if (!url) return q.reply(say('⚠️ The feed address must be an http(s) URL.'));
  await q.defer();
  const probe = await probeFeed(url, deps.http);
  const done = (content: string) => q.edit(say(content));
  if (!probe.ok) return done(`⚠️ ${md(probe.reason)}`);
  const r = addFeed(deps.paths, { url, name: q.string('name') ?? probe.title ?? undefined, keepAll: q.boolean('keep_all') ?? false });
  // Logged even when nothing changed ("already followed"): an earlier /feeds add may have changed it and not logged it.
  await deps.saved?.([FEED_LIST]);
  if (!r.ok) return done(`⚠️ ${md(r.message)}`);
  await done(
    `Following **${md(r.feed.name)}** as \`${r.feed.id}\` (${probe.items} item(s) in it now). ` +
      `New articles that mention the gazetteer's actors or corridors${r.feed.keepAll ? ' (or not: this feed keeps all)' : ''} ` +
      `will reach the corpus and the digests.`,
  );
  void deps.poller?.pollNow();
}

/** Runs one /feeds subcommand. */
export async function runFeeds(q: InteractionRequest, sub: string, deps: FeedsInteractionDeps): Promise<void> {
  // default_member_permissions hides the command, but a server can override that: check again.
  if (!holds(q, PermissionFlagsBits.ManageGuild)) return q.reply(say('/feeds needs the Manage Server permission.'));
  if (sub === 'add') return feedsAdd(q, deps);
  if (sub === 'list') {
    const rows = await feedStatusRows(readFeedList(deps.paths).feeds, deps.store);
    if (!rows.length) return q.reply(say('No feeds are followed yet. Add one with `/feeds add`.'));
    const description = clip(rows.map(statusLine).join('\n\n'), LIMITS.description);
    return q.reply({ embeds: [{ title: `Feeds (${rows.length})`, description, color: 0x2b6cb0 }] });
  }
  if (sub !== 'remove' && sub !== 'resume') return q.reply(say(`⚠️ /feeds has no subcommand "${md(sub)}".`));
  const key = q.string('feed') ?? '';
  if (sub === 'remove') {
    const r = removeFeed(deps.paths, key);
    await deps.saved?.([FEED_LIST]);
    if (!r.ok) return q.reply(say(`⚠️ ${md(r.message)}`));
    await deps.store.forgetFeed(r.feed.id);
    return q.reply(say(`Stopped following **${md(r.feed.name)}** (\`${r.feed.id}\`). Its articles stay in the corpus.`));
  }
  const feed = readFeedList(deps.paths).feeds.find((f) => f.id === key || f.url === canonicalUrl(key));
  if (!feed) return q.reply(say(`⚠️ No followed feed has the id "${md(clip(key, 100))}". See \`/feeds list\`.`));
  const resumed = await resumeFeed(deps.store, feed.id);
  if (resumed) void deps.poller?.pollNow();
  return q.reply(say(resumed ? `**${md(feed.name)}** will be polled again now.` : `**${md(feed.name)}** is not paused.`));
}

/** The followed feeds whose id or name holds what is typed. */
export async function feedChoices(deps: FeedsInteractionDeps, typedRaw: string): Promise<{ name: string; value: string }[]> {
  const typed = typedRaw.toLowerCase();
  const feeds = readFeedList(deps.paths).feeds.filter((f) => f.id.includes(typed) || f.name.toLowerCase().includes(typed));
  return feeds.slice(0, 25).map((f) => ({ name: clip(`${f.name} (${f.id})`, 100), value: f.id }));
}

/** /add: the page read, saved and ingested, and its card posted in the channel. */
export async function runAdd(q: InteractionRequest, deps: FeedsInteractionDeps): Promise<void> {
  const wait = deps.linkLimit.take(q.userId);
  if (wait !== null) return q.reply(say(`You have added several links in a short time; try again in ${Math.ceil(wait / 1000)} s.`));
  const typed = q.string('url') ?? '';
  await q.defer(true);
  const r = await addLink(
    typed,
    feedPollDeps(deps.paths, deps.store, deps.settings, { respectBackoff: false, http: deps.http, now: deps.now }),
  );
  if (!r.ok) return q.edit(say(`⚠️ That link could not be added: ${md(r.reason)}`));
  const file = `raw/${r.file}`;
  // Logged even when the page was saved before: an earlier /add may have stopped between the save and the log.
  await deps.saved?.([file, ...sidecarNames(file)]);
  const read = () => addedArticle(deps.corpus(), r.file, r.outcome, r.url);
  let answer = r.outcome === 'new' || r.outcome === 'changed' ? null : await read();
  // A page saved before that the corpus does not hold (an earlier /add stopped before its ingest) is ingested now.
  if (!answer?.articles.length) {
    await deps.reload('a link added with /add', [file]);
    answer = await read();
  }
  if (answer.articles.length === 0)
    return q.edit(say('The page was saved, but the corpus could not read it in yet (see the bot log); the next ingest tries again.'));
  await q.edit(renderPage(answer, 0, `/add url:${typed}`));
}
