// One management command (/digest, /watch) request, however it reached the
// bot: what its subcommands read and how they answer (always privately). The
// gateway adapter makes one from a discord.js interaction (here), the
// Interactions Endpoint from the POSTed JSON (http/answer-managed.ts); the
// subcommands never know which.
import type { ChatInputCommandInteraction, InteractionEditReplyOptions, InteractionReplyOptions } from 'discord.js';
import { MessageFlags } from 'discord-api-types/v10';
import type { MessagePayload } from '../render/message-payload.js';
import { NO_MENTIONS } from './no-mentions.js';

export interface InteractionRequest {
  guildId: string | null;
  /** The channel the command ran in. */
  channelId: string;
  userId: string;
  /** The asker's permissions in the channel (0 when Discord sent none). */
  memberPermissions: bigint;
  /** The bot's permissions in a channel: exact for the channel the command ran in, null when not known. */
  botPermissionsIn(channelId: string): bigint | null;
  string(name: string): string | undefined;
  boolean(name: string): boolean | undefined;
  integer(name: string): number | undefined;
  channel(name: string): string | undefined;
  reply(body: MessagePayload): Promise<void>;
  /** "Thinking…" first, for work that can outlast Discord's 3 s; then edit() answers. */
  defer(): Promise<void>;
  edit(body: MessagePayload): Promise<void>;
}

/** Whether the asker holds a permission. */
export const holds = (r: InteractionRequest, bit: bigint) => (r.memberPermissions & bit) === bit;

/** A gateway interaction as a request: the bot's permissions come from the cache for other channels. */
export function gatewayRequest(i: ChatInputCommandInteraction): InteractionRequest {
  const privately = (body: MessagePayload): InteractionReplyOptions => ({
    ...(body as InteractionReplyOptions),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
  return {
    guildId: i.inGuild() ? i.guildId : null,
    channelId: i.channelId,
    userId: i.user.id,
    memberPermissions: i.memberPermissions?.bitfield ?? 0n,
    botPermissionsIn(channelId) {
      if (channelId === i.channelId && i.appPermissions) return i.appPermissions.bitfield;
      const channel = i.guild?.channels.cache.get(channelId);
      const me = i.guild?.members.me;
      return channel && me && 'permissionsFor' in channel ? (channel.permissionsFor(me)?.bitfield ?? null) : null;
    },
    string: (name) => i.options.getString(name) ?? undefined,
    boolean: (name) => i.options.getBoolean(name) ?? undefined,
    integer: (name) => i.options.getInteger(name) ?? undefined,
    channel: (name) => i.options.getChannel(name)?.id,
    reply: async (body) => void (await i.reply(privately(body))),
    defer: async () => void (await i.deferReply({ flags: MessageFlags.Ephemeral })),
    edit: async (body) => void (await i.editReply({ ...(body as InteractionEditReplyOptions), allowedMentions: NO_MENTIONS })),
  };
}
