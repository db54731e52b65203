// The gateway adapter: a discord.js interaction read once into the pipeline's
// Incoming (options flattened, the button's id and footer taken apart from any
// handling) and answered through an Exchange on the interaction. Everything
// else is decided in ./pipeline/, the same as over HTTP; this file names no
// command.
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type Message,
  MessageFlags,
} from 'discord.js';
import { ThreadAutoArchiveDuration } from 'discord-api-types/v10';
import type { OptionValue } from '../command.js';
import { NO_MENTIONS } from '../render/discord/no-mentions.js';
import type { PayloadWithFiles } from '../render/message-payload.js';
import { forDiscord } from './chart-attachment.js';
import type { Asker, Exchange, Incoming } from './pipeline/exchange.js';
import { handleIncoming, type PipelineDeps } from './pipeline/handle-interaction.js';

export type RouterDeps = PipelineDeps;

function flatten(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const o of options) {
    if (o.options) Object.assign(out, flatten(o.options));
    else if (o.value !== undefined && o.value !== null) out[o.name] = o.value;
  }
  return out;
}

function asker(i: ChatInputCommandInteraction): Asker {
  return {
    guildId: i.inGuild() ? i.guildId : null,
    channelId: i.channelId,
    userId: i.user.id,
    memberPermissions: i.memberPermissions?.bitfield ?? 0n,
    botPermissionsIn(channelId) {
      if (channelId === i.channelId && i.appPermissions) return i.appPermissions.bitfield;
      // Another channel's: from the cache.
      const channel = i.guild?.channels.cache.get(channelId);
      const me = i.guild?.members.me;
      return channel && me && 'permissionsFor' in channel ? (channel.permissionsFor(me)?.bitfield ?? null) : null;
    },
  };
}

function incoming(i: ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction): Incoming {
  if (i.isButton())
    return {
      kind: 'button',
      customId: i.customId,
      footer: i.message.embeds[0]?.footer?.text,
      asker: i.message.interactionMetadata?.user.id,
      presser: i.user.id,
    };
  if (i.isAutocomplete()) {
    const focused = i.options.getFocused(true);
    return { kind: 'autocomplete', name: i.commandName, option: focused.name, typed: String(focused.value), guildId: i.guildId };
  }
  const subcommand = i.options.getSubcommand(false) ?? '';
  return { kind: 'command', name: i.commandName, subcommand, options: flatten(i.options.data), ...asker(i) };
}

const shown = (payload: PayloadWithFiles, privately: boolean) =>
  ({
    ...forDiscord(payload),
    allowedMentions: NO_MENTIONS,
    ...(privately ? { flags: MessageFlags.Ephemeral } : {}),
  }) as InteractionReplyOptions;

function exchange(i: ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction): Exchange {
  let posted: Message | null = null;
  const replyable = i.isAutocomplete() ? null : i;
  const needs = <T>(x: T | null): T => {
    if (!x) throw new Error('this interaction cannot be answered that way');
    return x;
  };
  return {
    reply: async (payload, privately) => void (await needs(replyable).reply(shown(payload, privately))),
    defer: async (privately) => void (await needs(replyable).deferReply(privately ? { flags: MessageFlags.Ephemeral } : {})),
    async post(payload) {
      const r = await needs(replyable).reply({ ...shown(payload, false), withResponse: true });
      posted = r.resource?.message ?? null;
      if (!posted) throw new Error('Discord returned no message for the reply');
      return posted.id;
    },
    async edit(payload) {
      posted = await needs(replyable).editReply({ ...forDiscord(payload), allowedMentions: NO_MENTIONS } as InteractionEditReplyOptions);
      return posted.id;
    },
    deleteReply: async () => void (await needs(replyable).deleteReply()),
    followUp: async (payload, privately) => void (await needs(replyable).followUp(shown(payload, privately))),
    async update(payload) {
      if (!i.isButton()) throw new Error('only a button updates its message');
      await i.update({ ...payload, allowedMentions: NO_MENTIONS } as Parameters<ButtonInteraction['update']>[0]);
    },
    async choices(choices) {
      if (!i.isAutocomplete()) throw new Error('only an autocomplete takes choices');
      await i.respond(choices);
    },
    async openThread(messageId, name, firstLine) {
      if (posted?.id !== messageId) throw new Error('a thread is opened on the message this interaction posted');
      const thread = await posted.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      await thread.send({ content: firstLine, allowedMentions: NO_MENTIONS });
    },
  };
}

export async function handleInteraction(i: Interaction, deps: RouterDeps): Promise<void> {
  if (i.isChatInputCommand() || i.isAutocomplete() || i.isButton()) return handleIncoming(exchange(i), incoming(i), deps, i.id);
  if (!i.isRepliable()) return;
  const content = '⚠️ This bot does not handle that kind of interaction.';
  await i
    .reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
    .catch((e: unknown) => deps.log.warn(`could not answer an interaction: ${e instanceof Error ? e.message : String(e)}`));
}
