// /digest in Discord: the Manage Server check, the bot's own permissions in
// the target channel, and replies. Every reply is private to the admin who
// asked, except the digests themselves.
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
} from 'discord.js';
import type { APIEmbed } from 'discord-api-types/v10';
import { nameChoices } from '../briefing/name-choices.js';
import { describeProblem } from '../briefing/problems.js';
import type { DeliveryOutcome, DigestView } from '../digest/deliver.js';
import { list, preview, resume, sendNow, subscribe, unsubscribe, type ListedSubscription, type ManageDeps } from '../digest/manage.js';
import { parseSchedule } from '../digest/schedule.js';
import { timeZoneChoices } from '../digest/time-zones.js';
import type { MessagePayload } from './limits.js';
import { clip, LIMITS } from './limits.js';
import { NO_MENTIONS } from './no-mentions.js';
import { missingPermissions, TO_OPEN_THREADS, TO_POST } from './permissions.js';
import { formatInZone } from './digest-render.js';

export interface DigestInteractionDeps extends ManageDeps {
  render(view: DigestView): MessagePayload;
}

const PRESETS = ['daily 08:00', 'weekdays 09:00', 'weekly mon 09:00', 'daily 18:00', '0 8 * * 1-5'];

function missingForDigest(granted: bigint, thread: boolean): string[] {
  return missingPermissions(granted, thread ? [...TO_POST, ...TO_OPEN_THREADS] : TO_POST);
}

const privately = (body: InteractionReplyOptions | MessagePayload): InteractionReplyOptions => ({
  ...(body as InteractionReplyOptions),
  flags: MessageFlags.Ephemeral,
  allowedMentions: NO_MENTIONS,
});
const say = (text: string) => privately({ content: clip(text, LIMITS.content) });
const when = (d: Date | null, zone: string) => (d ? formatInZone(d.toISOString(), zone) : 'not scheduled');

/** The bot's permissions in a channel: exact for the channel the command ran in, from the cache elsewhere, null when unknown. */
function botPermissionsIn(i: ChatInputCommandInteraction, channelId: string): bigint | null {
  if (channelId === i.channelId && i.appPermissions) return i.appPermissions.bitfield;
  const channel = i.guild?.channels.cache.get(channelId);
  const me = i.guild?.members.me;
  return channel && me && 'permissionsFor' in channel ? (channel.permissionsFor(me)?.bitfield ?? null) : null;
}

/** "delivered for 24 Nov 2026, 09:00 (Europe/Berlin)", with the error if it had one. */
function lastDelivery(d: { status: string; fireTime: string; error: string | null }, timezone: string): string {
  return `${d.status} for ${formatInZone(d.fireTime, timezone)}${d.error ? ` (${d.error})` : ''}`;
}

function listEmbed(rows: ListedSubscription[]): APIEmbed {
  const fields = rows.slice(0, LIMITS.fields).map(({ sub, nextRun, last }) => ({
    name: clip(`${sub.id} · ${sub.status === 'active' ? 'active' : 'paused'}`, LIMITS.fieldName),
    value: clip(
      [
        `<#${sub.channelId}> · \`${sub.schedule}\` · ${sub.timezone}`,
        `Topics: ${sub.topics.length ? sub.topics.join(', ') : 'whatever is new'}` +
          `${sub.thread ? ' · thread' : ''}${sub.skipEmpty ? ' · skip empty' : ''}${sub.chart ? '' : ' · no chart'}`,
        sub.status === 'paused'
          ? `⏸️ Paused: ${sub.pauseReason ?? 'no reason given'}. Fix it, then \`/digest resume id:${sub.id}\`.`
          : `Next: ${when(nextRun, sub.timezone)}`,
        `Last: ${last ? lastDelivery(last, sub.timezone) : 'none yet'}`,
      ].join('\n'),
      LIMITS.fieldValue,
    ),
  }));
  return {
    title: 'Digest subscriptions in this server',
    color: 0x2f855a,
    ...(fields.length ? { fields } : { description: 'None yet. Add one with /digest subscribe.' }),
  };
}

/** A check a subcommand declares before it runs, the way Sapphire declares preconditions: null passes, text refuses. */
type Precondition = (i: ChatInputCommandInteraction) => string | null;

const IN_SERVER: Precondition = (i) => (i.inGuild() && i.guildId ? null : '/digest works in a server channel, not in direct messages.');
const MANAGE_SERVER: Precondition = (i) =>
  i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ? null : '/digest needs the Manage Server permission.';

interface Subcommand {
  preconditions: readonly Precondition[];
  execute(i: ChatInputCommandInteraction, deps: DigestInteractionDeps, guildId: string): Promise<void>;
}

const str = (i: ChatInputCommandInteraction, name: string) => i.options.getString(name) ?? undefined;
const MANAGERS = [IN_SERVER, MANAGE_SERVER] as const;

/** Every /digest subcommand by name (commands/digest.ts registers the same names; a test checks they agree). */
export const DIGEST_SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  subscribe: {
    preconditions: MANAGERS,
    async execute(i, deps, guildId) {
      const channel = i.options.getChannel('channel', true);
      const thread = i.options.getBoolean('thread') ?? false;
      const granted = botPermissionsIn(i, channel.id);
      const missing = granted === null ? [] : missingForDigest(granted, thread);
      if (missing.length)
        return void (await i.reply(
          say(`⚠️ I can't post digests in <#${channel.id}>. Missing permission(s) there: ` + `${missing.join(', ')}.`),
        ));
      const r = await subscribe(deps, {
        guildId,
        channelId: channel.id,
        userId: i.user.id,
        schedule: i.options.getString('schedule', true),
        timezone: str(i, 'timezone'),
        topics: str(i, 'topics'),
        thread,
        skipEmpty: i.options.getBoolean('skip_empty') ?? false,
        chart: i.options.getBoolean('chart') ?? true,
      });
      if (!r.ok) return void (await i.reply(say(`⚠️ ${describeProblem(r.problem)}`)));
      return void (await i.reply(
        say(
          `✅ Subscribed <#${channel.id}>: \`${r.sub.schedule}\` (${r.sub.timezone}), topics: ` +
            `${r.sub.topics.join(', ') || 'whatever is new'}. Id \`${r.sub.id}\`. Next digest: ${when(r.nextRun, r.sub.timezone)}.`,
        ),
      ));
    },
  },
  list: {
    preconditions: MANAGERS,
    execute: async (i, deps, guildId) => void (await i.reply(privately({ embeds: [listEmbed(await list(deps, guildId))] }))),
  },
  unsubscribe: {
    preconditions: MANAGERS,
    async execute(i, deps, guildId) {
      const r = await unsubscribe(deps, guildId, i.options.getString('id', true));
      await i.reply(
        say(r.ok ? `🗑️ Removed \`${r.sub.id}\` (<#${r.sub.channelId}>, \`${r.sub.schedule}\`).` : `⚠️ ${describeProblem(r.problem)}`),
      );
    },
  },
  resume: {
    preconditions: MANAGERS,
    async execute(i, deps, guildId) {
      const r = await resume(deps, guildId, i.options.getString('id', true));
      if (!r.ok) return void (await i.reply(say(`⚠️ ${describeProblem(r.problem)}`)));
      await i.reply(
        say(
          `${r.wasActive ? `\`${r.sub.id}\` was already active.` : `▶️ Resumed \`${r.sub.id}\`.`} ` +
            `Next digest: ${when(r.nextRun, r.sub.timezone)}.`,
        ),
      );
    },
  },
  preview: {
    preconditions: MANAGERS,
    async execute(i, deps) {
      const r = await preview(deps, str(i, 'topics'));
      await i.reply(r.ok ? privately(deps.render(r.view)) : say(`⚠️ ${describeProblem(r.problem)}`));
    },
  },
  'send-now': {
    preconditions: MANAGERS,
    async execute(i, deps, guildId) {
      // Retries with backoff can outlast Discord's 3 s, so answer "thinking" first.
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const r = await sendNow(deps, guildId, i.options.getString('id', true));
      await i.editReply({
        content: clip(r.ok ? sendNowText(r.sub, r.outcome) : `⚠️ ${describeProblem(r.problem)}`, LIMITS.content),
        allowedMentions: NO_MENTIONS,
      });
    },
  },
};

function sendNowText(sub: { id: string; channelId: string }, o: DeliveryOutcome): string {
  switch (o.status) {
    case 'delivered':
      return `📨 Digest posted in <#${sub.channelId}> (${o.articles} new article(s)).${o.note ? ` ⚠️ ${o.note}` : ''}`;
    case 'empty':
      return 'Nothing new, and this subscription skips empty digests: nothing was posted.';
    case 'paused':
      return `⏸️ Discord refused the post, so \`${sub.id}\` is paused: ${o.reason}`;
    case 'failed':
      return `⚠️ The digest could not be posted: ${o.reason}`;
    case 'already-done':
      return 'That digest was already delivered.';
    case 'gone':
      return 'The subscription was removed meanwhile; nothing was posted.';
  }
}

export async function handleDigest(i: ChatInputCommandInteraction, deps: DigestInteractionDeps): Promise<void> {
  const name = i.options.getSubcommand();
  const sub = DIGEST_SUBCOMMANDS[name];
  if (!sub) return void (await i.reply(say(`⚠️ /digest ${name} is not a subcommand of this bot.`)));
  for (const check of sub.preconditions) {
    const refusal = check(i);
    if (refusal) return void (await i.reply(say(`⚠️ ${refusal}`)));
  }
  await sub.execute(i, deps, i.guildId!);
}

export async function digestAutocomplete(i: AutocompleteInteraction, deps: DigestInteractionDeps): Promise<void> {
  const focused = i.options.getFocused(true);
  const typed = String(focused.value).slice(0, 300);
  const choices = (values: string[]) => values.slice(0, 25).map((v) => ({ name: clip(v, 100), value: clip(v, 100) }));
  if (focused.name === 'timezone') return void (await i.respond(choices(timeZoneChoices(typed))));
  if (focused.name === 'schedule') {
    const fits = PRESETS.filter((p) => p.startsWith(typed.trim().toLowerCase()));
    const own = typed.trim() && parseSchedule(typed, deps.minIntervalSeconds).ok && !fits.includes(typed.trim()) ? [typed.trim()] : [];
    return void (await i.respond(choices([...own, ...(fits.length ? fits : PRESETS)])));
  }
  if (focused.name === 'topics') {
    const cut = typed.lastIndexOf(',');
    const before = cut >= 0 ? `${typed.slice(0, cut + 1).trimEnd()} ` : '';
    const named = await nameChoices(deps.corpus(), 'topic', typed.slice(cut + 1).trim());
    return void (await i.respond(
      named
        .filter((c) => `${before}${c.value}`.length <= 100)
        .map((c) => ({ name: clip(`${before}${c.name}`, 100), value: `${before}${c.value}` })),
    ));
  }
  if (focused.name === 'id' && i.guildId) {
    const key = typed.trim().toLowerCase();
    const own = (await deps.store.subscriptions(i.guildId)).filter((s) => s.id.startsWith(key));
    return void (await i.respond(
      own.slice(0, 25).map((s) => ({
        name: clip(`${s.id} · ${s.schedule} · ${s.topics.join(', ') || 'whatever is new'}${s.status === 'paused' ? ' · paused' : ''}`, 100),
        value: s.id,
      })),
    ));
  }
  await i.respond([]);
}
