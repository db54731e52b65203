// /digest in Discord: the Manage Server check, the bot's own permissions in
// the target channel, and replies. Every reply is private to the admin who
// asked, except the digests themselves. A request comes through a small port
// (InteractionRequest), so the gateway bot and the Interactions Endpoint run the
// same subcommands.
import { type APIEmbed, PermissionFlagsBits } from 'discord-api-types/v10';
import { nameChoices } from '../briefing/name-choices.js';
import { describeProblem } from '../briefing/problems.js';
import type { DeliveryOutcome, DigestView } from '../digest/deliver.js';
import { list, preview, resume, sendNow, subscribe, unsubscribe, type ListedSubscription, type ManageDeps } from '../digest/manage.js';
import { parseSchedule } from '../digest/schedule.js';
import { timeZoneChoices } from '../digest/time-zones.js';
import type { MessagePayload } from '../render/discord/limits.js';
import { clip, LIMITS } from '../render/discord/limits.js';
import { missingPermissions, TO_OPEN_THREADS, TO_POST } from '../render/discord/permissions.js';
import { holds, type InteractionRequest } from './interaction-request.js';
import { formatInZone } from '../render/discord/digest-render.js';

export interface DigestInteractionDeps extends ManageDeps {
  render(view: DigestView): MessagePayload;
}

const PRESETS = ['daily 08:00', 'weekdays 09:00', 'weekly mon 09:00', 'daily 18:00', '0 8 * * 1-5'];

function missingForDigest(granted: bigint, thread: boolean): string[] {
  return missingPermissions(granted, thread ? [...TO_POST, ...TO_OPEN_THREADS] : TO_POST);
}

const say = (text: string): MessagePayload => ({ content: clip(text, LIMITS.content) });
// No next run known here: this process does not run the schedule (a standby, or a `briefing serve` replica);
// the one that does picks the change up from the database.
const when = (d: Date | null, zone: string) =>
  d ? formatInZone(d.toISOString(), zone) : 'as scheduled, by the process running the schedule';

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
type Precondition = (r: InteractionRequest) => string | null;

const IN_SERVER: Precondition = (r) => (r.guildId ? null : '/digest works in a server channel, not in direct messages.');
const MANAGE_SERVER: Precondition = (r) =>
  holds(r, PermissionFlagsBits.ManageGuild) ? null : '/digest needs the Manage Server permission.';

interface Subcommand {
  preconditions: readonly Precondition[];
  execute(r: InteractionRequest, deps: DigestInteractionDeps, guildId: string): Promise<void>;
}

const MANAGERS = [IN_SERVER, MANAGE_SERVER] as const;

/** Every /digest subcommand by name (src/commands/digest.ts registers the same names; a test checks they agree). */
export const DIGEST_SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  subscribe: {
    preconditions: MANAGERS,
    async execute(q, deps, guildId) {
      const channelId = q.channel('channel') ?? '';
      const thread = q.boolean('thread') ?? false;
      const granted = q.botPermissionsIn(channelId);
      const missing = granted === null ? [] : missingForDigest(granted, thread);
      if (missing.length)
        return q.reply(say(`⚠️ I can't post digests in <#${channelId}>. Missing permission(s) there: ` + `${missing.join(', ')}.`));
      const r = await subscribe(deps, {
        guildId,
        channelId,
        userId: q.userId,
        schedule: q.string('schedule') ?? '',
        timezone: q.string('timezone'),
        topics: q.string('topics'),
        thread,
        skipEmpty: q.boolean('skip_empty') ?? false,
        chart: q.boolean('chart') ?? true,
      });
      if (!r.ok) return q.reply(say(`⚠️ ${describeProblem(r.problem)}`));
      return q.reply(
        say(
          `✅ Subscribed <#${channelId}>: \`${r.sub.schedule}\` (${r.sub.timezone}), topics: ` +
            `${r.sub.topics.join(', ') || 'whatever is new'}. Id \`${r.sub.id}\`. Next digest: ${when(r.nextRun, r.sub.timezone)}.`,
        ),
      );
    },
  },
  list: {
    preconditions: MANAGERS,
    execute: async (q, deps, guildId) => q.reply({ embeds: [listEmbed(await list(deps, guildId))] }),
  },
  unsubscribe: {
    preconditions: MANAGERS,
    async execute(q, deps, guildId) {
      const r = await unsubscribe(deps, guildId, q.string('id') ?? '');
      await q.reply(
        say(r.ok ? `🗑️ Removed \`${r.sub.id}\` (<#${r.sub.channelId}>, \`${r.sub.schedule}\`).` : `⚠️ ${describeProblem(r.problem)}`),
      );
    },
  },
  resume: {
    preconditions: MANAGERS,
    async execute(q, deps, guildId) {
      const r = await resume(deps, guildId, q.string('id') ?? '');
      if (!r.ok) return q.reply(say(`⚠️ ${describeProblem(r.problem)}`));
      await q.reply(
        say(
          `${r.wasActive ? `\`${r.sub.id}\` was already active.` : `▶️ Resumed \`${r.sub.id}\`.`} ` +
            `Next digest: ${when(r.nextRun, r.sub.timezone)}.`,
        ),
      );
    },
  },
  preview: {
    preconditions: MANAGERS,
    async execute(q, deps) {
      const r = await preview(deps, q.string('topics'));
      await q.reply(r.ok ? deps.render(r.view) : say(`⚠️ ${describeProblem(r.problem)}`));
    },
  },
  'send-now': {
    preconditions: MANAGERS,
    async execute(q, deps, guildId) {
      // Retries with backoff can outlast Discord's 3 s, so answer "thinking" first.
      await q.defer();
      const r = await sendNow(deps, guildId, q.string('id') ?? '');
      await q.edit(say(r.ok ? sendNowText(r.sub, r.outcome) : `⚠️ ${describeProblem(r.problem)}`));
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

/** Runs a /digest subcommand: its preconditions first, each refusal said privately. */
export async function runDigest(q: InteractionRequest, subcommand: string, deps: DigestInteractionDeps): Promise<void> {
  const sub = DIGEST_SUBCOMMANDS[subcommand];
  if (!sub) return q.reply(say(`⚠️ /digest ${subcommand} is not a subcommand of this bot.`));
  for (const check of sub.preconditions) {
    const refusal = check(q);
    if (refusal) return q.reply(say(`⚠️ ${refusal}`));
  }
  await sub.execute(q, deps, q.guildId!);
}

/** What /digest's options autocomplete to: time zones, schedules, topics (a comma list), and the server's subscription ids. */
export async function digestChoices(
  deps: DigestInteractionDeps,
  option: string,
  typedRaw: string,
  guildId: string | null,
): Promise<{ name: string; value: string }[]> {
  const typed = typedRaw.slice(0, 300);
  const choices = (values: string[]) => values.slice(0, 25).map((v) => ({ name: clip(v, 100), value: clip(v, 100) }));
  if (option === 'timezone') return choices(timeZoneChoices(typed));
  if (option === 'schedule') {
    const fits = PRESETS.filter((p) => p.startsWith(typed.trim().toLowerCase()));
    const own = typed.trim() && parseSchedule(typed, deps.minIntervalSeconds).ok && !fits.includes(typed.trim()) ? [typed.trim()] : [];
    return choices([...own, ...(fits.length ? fits : PRESETS)]);
  }
  if (option === 'topics') {
    const cut = typed.lastIndexOf(',');
    const before = cut >= 0 ? `${typed.slice(0, cut + 1).trimEnd()} ` : '';
    const named = await nameChoices(deps.corpus(), 'topic', typed.slice(cut + 1).trim());
    return named
      .filter((c) => `${before}${c.value}`.length <= 100)
      .map((c) => ({ name: clip(`${before}${c.name}`, 100), value: `${before}${c.value}` }));
  }
  if (option === 'id' && guildId) {
    const key = typed.trim().toLowerCase();
    const own = (await deps.store.subscriptions(guildId)).filter((s) => s.id.startsWith(key));
    return own.slice(0, 25).map((s) => ({
      name: clip(`${s.id} · ${s.schedule} · ${s.topics.join(', ') || 'whatever is new'}${s.status === 'paused' ? ' · paused' : ''}`, 100),
      value: s.id,
    }));
  }
  return [];
}
