// /watch in Discord (Manage Channels): the same verbs as `briefing watch`,
// through the same core (src/briefing/watch/). Every reply is private to the
// asker; the alerts themselves go to the channel (src/alerts/).
import type { ChatInputCommandInteraction, InteractionReplyOptions } from 'discord.js';
import { MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { describeProblem } from '../briefing/problems.js';
import { addWatch, findWatch, listWatches } from '../briefing/watch/watch-rules.js';
import { watchTest } from '../briefing/watch/watch-test.js';
import type { Corpus } from '../corpus/corpus.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import type { WatchStore } from '../store/watch-store.js';
import { clip, LIMITS } from './limits.js';
import { NO_MENTIONS } from './no-mentions.js';
import { missingPermissions, TO_OPEN_THREADS, TO_POST } from './permissions.js';
import { citationMd } from './render.js';

export interface WatchInteractionDeps {
  store: WatchStore;
  corpus(): Corpus;
  now(): Date;
}

const privately = (content: string): InteractionReplyOptions => ({
  content: clip(content, LIMITS.content),
  flags: MessageFlags.Ephemeral,
  allowedMentions: NO_MENTIONS,
});
const md = (s: string) => escapeMarkdown(s);

export async function handleWatch(i: ChatInputCommandInteraction, deps: WatchInteractionDeps): Promise<void> {
  // default_member_permissions hides the command, but a server can override that: check again.
  if (!i.guildId) return void i.reply(privately('/watch works in a server channel.'));
  if (!i.memberPermissions?.has(PermissionFlagsBits.ManageChannels))
    return void i.reply(privately('/watch needs the Manage Channels permission.'));
  const sub = i.options.getSubcommand();
  const now = deps.now();
  if (sub === 'add') {
    const thread = i.options.getBoolean('thread') ?? false;
    // The alerts are posted here: the bot must be able to, before anyone relies on them.
    const missing = i.appPermissions
      ? missingPermissions(i.appPermissions.bitfield, thread ? [...TO_POST, ...TO_OPEN_THREADS] : TO_POST)
      : [];
    if (missing.length)
      return void i.reply(privately(`⚠️ The bot cannot post alerts here: it lacks ${missing.join(', ')} in this channel.`));
    const cap = i.options.getInteger('cap');
    const r = await addWatch(
      deps.store,
      deps.corpus(),
      {
        guildId: i.guildId,
        channelId: i.channelId,
        rule: i.options.getString('rule', true),
        thread,
        createdBy: i.user.id,
        ...(cap !== null ? { hourlyCap: cap } : {}),
      },
      now,
    );
    if (!r.ok) return void i.reply(privately(`⚠️ ${describeProblem(r.problem)}`));
    return void i.reply(
      privately(
        `Watching \`${md(r.watch.rule)}\` as \`${r.watch.id}\`: matching articles will be posted here as they land ` +
          `(at most ${r.watch.hourlyCap} an hour${thread ? ', each with a thread' : ''}). Try it first with \`/watch test\`.` +
          (r.warning ? `\n⚠️ ${r.warning}` : ''),
      ),
    );
  }
  if (sub === 'list') {
    const list = await listWatches(deps.store, i.guildId, now);
    if (!list.length) return void i.reply(privately('No watches in this server yet. Add one with `/watch add`.'));
    const lines = list.map(
      (w) =>
        `\`${w.id}\` ${w.status === 'paused' ? `⏸️ paused${w.pauseReason ? ` (${md(clip(w.pauseReason, 200))})` : ''}` : '✅ active'} · ` +
        `<#${w.channelId}> · ${w.matchedThisWeek} this week · ` +
        `${w.hourlyCap}/h\n\`${md(clip(w.rule, 300))}\``,
    );
    return void i.reply({
      embeds: [{ title: `Watches (${list.length})`, description: clip(lines.join('\n\n'), LIMITS.description), color: 0xc05621 }],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }
  if (sub === 'test') {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    const days = i.options.getInteger('days') ?? 7;
    const a = await watchTest(deps.corpus(), i.options.getString('rule', true), { since: `${days}d`, now, limit: 5 });
    const text = a.ok
      ? `\`${md(a.rule)}\` matched **${a.matched}** of ${a.scanned} article(s) of the last ${days} day(s)` +
        (a.matches.length ? `:\n${a.matches.map((m) => `- ${citationMd(m.article)}`).join('\n')}` : '.')
      : `⚠️ ${describeProblem(a.problem)}`;
    return void (await i.editReply({ content: clip(text, LIMITS.content), allowedMentions: NO_MENTIONS }));
  }
  const found = await findWatch(deps.store, i.options.getString('id', true), i.guildId);
  if (!found.ok) return void i.reply(privately(`⚠️ ${describeProblem(found.problem)}`));
  if (sub === 'remove') await deps.store.removeWatch(found.watch.id);
  else await deps.store.setWatchStatus(found.watch.id, sub === 'pause' ? 'paused' : 'active');
  const done = sub === 'remove' ? 'removed' : sub === 'pause' ? 'paused' : 'resumed';
  return void i.reply(privately(`Watch \`${found.watch.id}\` ${done}.`));
}
