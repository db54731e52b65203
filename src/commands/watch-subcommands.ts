// /watch (Manage Channels): the same verbs as `briefing watch`, through the
// same core (src/briefing/watch/), on the gateway bot and the Interactions
// Endpoint alike (a request comes through InteractionRequest). Every reply is
// private to the asker; the alerts themselves go to the channel (src/alerts/).
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describeProblem } from '../briefing/problems.js';
import { addWatch, findWatch, listWatches } from '../briefing/watch/watch-rules.js';
import { watchTest } from '../briefing/watch/watch-test.js';
import type { Corpus } from '../corpus/corpus.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import type { WatchStore } from '../store/watch-store.js';
import { holds, type InteractionRequest } from './interaction-request.js';
import { clip, LIMITS, type MessagePayload } from '../render/discord/limits.js';
import { missingPermissions, TO_OPEN_THREADS, TO_POST } from '../render/discord/permissions.js';
import { citationMd } from '../render/discord/render.js';

export interface WatchInteractionDeps {
  store: WatchStore;
  corpus(): Corpus;
  now(): Date;
}

const say = (text: string): MessagePayload => ({ content: clip(text, LIMITS.content) });
const md = (s: string) => escapeMarkdown(s);

async function add(q: InteractionRequest, deps: WatchInteractionDeps, guildId: string): Promise<void> {
  const thread = q.boolean('thread') ?? false;
  // The alerts are posted here: the bot must be able to, before anyone relies on them.
  const granted = q.botPermissionsIn(q.channelId);
  const missing = granted === null ? [] : missingPermissions(granted, thread ? [...TO_POST, ...TO_OPEN_THREADS] : TO_POST);
  if (missing.length) return q.reply(say(`⚠️ The bot cannot post alerts here: it lacks ${missing.join(', ')} in this channel.`));
  const cap = q.integer('cap');
  const r = await addWatch(
    deps.store,
    deps.corpus(),
    {
      guildId,
      channelId: q.channelId,
      rule: q.string('rule') ?? '',
      thread,
      createdBy: q.userId,
      ...(cap !== undefined ? { hourlyCap: cap } : {}),
    },
    deps.now(),
  );
  if (!r.ok) return q.reply(say(`⚠️ ${describeProblem(r.problem)}`));
  return q.reply(
    say(
      `Watching \`${md(r.watch.rule)}\` as \`${r.watch.id}\`: matching articles will be posted here as they land ` +
        `(at most ${r.watch.hourlyCap} an hour${thread ? ', each with a thread' : ''}). Try it first with \`/watch test\`.` +
        (r.warning ? `\n⚠️ ${r.warning}` : ''),
    ),
  );
}

async function list(q: InteractionRequest, deps: WatchInteractionDeps, guildId: string): Promise<void> {
  const watches = await listWatches(deps.store, guildId, deps.now());
  if (!watches.length) return q.reply(say('No watches in this server yet. Add one with `/watch add`.'));
  const lines = watches.map(
    (w) =>
      `\`${w.id}\` ${w.status === 'paused' ? `⏸️ paused${w.pauseReason ? ` (${md(clip(w.pauseReason, 200))})` : ''}` : '✅ active'} · ` +
      `<#${w.channelId}> · ${w.matchedThisWeek} this week · ${w.hourlyCap}/h\n\`${md(clip(w.rule, 300))}\``,
  );
  return q.reply({
    embeds: [{ title: `Watches (${watches.length})`, description: clip(lines.join('\n\n'), LIMITS.description), color: 0xc05621 }],
  });
}

async function test(q: InteractionRequest, deps: WatchInteractionDeps): Promise<void> {
  await q.defer();
  const days = q.integer('days') ?? 7;
  const a = await watchTest(deps.corpus(), q.string('rule') ?? '', { since: `${days}d`, now: deps.now(), limit: 5 });
  const text = a.ok
    ? `\`${md(a.rule)}\` matched **${a.matched}** of ${a.scanned} article(s) of the last ${days} day(s)` +
      (a.matches.length ? `:\n${a.matches.map((m) => `- ${citationMd(m.article)}`).join('\n')}` : '.')
    : `⚠️ ${describeProblem(a.problem)}`;
  return q.edit(say(text));
}

/** Runs one /watch subcommand. */
export async function runWatch(q: InteractionRequest, sub: string, deps: WatchInteractionDeps): Promise<void> {
  // default_member_permissions hides the command, but a server can override that: check again.
  if (!q.guildId) return q.reply(say('/watch works in a server channel.'));
  if (!holds(q, PermissionFlagsBits.ManageChannels)) return q.reply(say('/watch needs the Manage Channels permission.'));
  if (sub === 'add') return add(q, deps, q.guildId);
  if (sub === 'list') return list(q, deps, q.guildId);
  if (sub === 'test') return test(q, deps);
  if (sub !== 'remove' && sub !== 'pause' && sub !== 'resume') return q.reply(say(`⚠️ /watch has no subcommand "${md(sub)}".`));
  const found = await findWatch(deps.store, q.string('id') ?? '', q.guildId);
  if (!found.ok) return q.reply(say(`⚠️ ${describeProblem(found.problem)}`));
  if (sub === 'remove') await deps.store.removeWatch(found.watch.id);
  else await deps.store.setWatchStatus(found.watch.id, sub === 'pause' ? 'paused' : 'active');
  const done = sub === 'remove' ? 'removed' : sub === 'pause' ? 'paused' : 'resumed';
  return q.reply(say(`Watch \`${found.watch.id}\` ${done}.`));
}
