// The Interactions Endpoint adapter: an interaction that Discord POSTed, read
// once into the pipeline's Incoming and answered through an Exchange whose
// first answer becomes the HTTP response (a message, "thinking…", a page
// update, choices) and whose later ones go over REST once that response is
// out. Everything else is decided in ../pipeline/, the same as on the gateway;
// this file names no command. Nothing is kept between requests, so any
// replica can answer any interaction.
import {
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponse,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { OptionValue } from '../../command.js';
import type { MessagePayload, PayloadWithFiles } from '../../render/message-payload.js';
import type { Exchange, Incoming } from '../pipeline/exchange.js';
import { handleIncoming } from '../pipeline/handle-interaction.js';
import { STALE_BUTTON } from '../pipeline/page-button.js';
import { ENDPOINT_ABSENT, type HttpAnswer, type HttpAnswerDeps, message, say } from './http-answer.js';

export type { HttpAnswer, HttpAnswerDeps };

type Option = APIApplicationCommandInteractionDataOption & { focused?: boolean; options?: Option[] };

function flatten(options: readonly Option[] = []): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const o of options) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup)
      Object.assign(out, flatten(o.options));
    else if ('value' in o && o.value !== undefined) out[o.name] = o.value as OptionValue;
  }
  return out;
}

/** The subcommand's name, inside a group or not; '' for a command without one. */
function subcommandOf(options: readonly Option[] = []): string {
  const group = options.find((o) => o.type === ApplicationCommandOptionType.SubcommandGroup);
  const sub = (group?.options ?? options).find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  return sub?.name ?? '';
}

/** The interaction as the pipeline reads it, or null for a kind this bot does not answer. */
function incoming(i: APIInteraction): Incoming | null {
  if (i.type === InteractionType.ApplicationCommandAutocomplete) {
    const opts = (i.data.options ?? []) as Option[];
    // The focused option, at the top level or inside a subcommand.
    const focused = [...opts, ...opts.flatMap((o) => o.options ?? [])].find((o) => o.focused);
    const typed = focused && 'value' in focused ? String(focused.value ?? '') : '';
    return { kind: 'autocomplete', name: i.data.name, option: focused?.name ?? '', typed, guildId: i.guild_id ?? null };
  }
  if (i.type === InteractionType.MessageComponent) {
    if (i.data.component_type !== ComponentType.Button) return null;
    return {
      kind: 'button',
      customId: i.data.custom_id,
      footer: i.message.embeds[0]?.footer?.text,
      asker: i.message.interaction_metadata?.user.id,
      presser: i.member?.user.id ?? i.user?.id,
    };
  }
  if (i.type !== InteractionType.ApplicationCommand || i.data.type !== ApplicationCommandType.ChatInput) return null;
  const here = i.channel?.id ?? i.channel_id ?? '';
  const options = (i.data.options ?? []) as Option[];
  return {
    kind: 'command',
    name: i.data.name,
    subcommand: subcommandOf(options),
    options: flatten(options),
    guildId: i.guild_id ?? null,
    channelId: here,
    userId: i.member?.user.id ?? i.user?.id ?? '',
    memberPermissions: BigInt(i.member?.permissions ?? '0'),
    // Discord sends the bot's permissions in the channel the command ran in; elsewhere they are not known here.
    botPermissionsIn: (channelId) => (channelId === here && i.app_permissions ? BigInt(i.app_permissions) : null),
  };
}

const withoutFiles = ({ files: _files, ...payload }: PayloadWithFiles): MessagePayload => payload;

export async function answerInteraction(i: APIInteraction, deps: HttpAnswerDeps): Promise<HttpAnswer> {
  if (i.type === InteractionType.Ping) return { response: { type: InteractionResponseType.Pong } };
  const read = incoming(i);
  if (!read) return i.type === InteractionType.MessageComponent ? say(STALE_BUTTON) : say('⚠️ Not a command this bot knows.');
  let respond!: (response: APIInteractionResponse) => void;
  const response = new Promise<APIInteractionResponse>((resolve) => (respond = resolve));
  // Nothing goes over REST before the response it follows has gone out.
  let sent!: () => void;
  const responded = new Promise<void>((resolve) => (sent = resolve));
  let answered = false;
  const first = (r: APIInteractionResponse) => {
    answered = true;
    respond(r);
  };
  const channelId = read.kind === 'command' ? read.channelId : '';
  const openThread = deps.openThread;
  const ex: Exchange = {
    async reply(withFiles, privately) {
      // A first answer never carries a file: an answer with a chart is deferred first.
      const payload = withoutFiles(withFiles);
      if (!answered) return first({ type: InteractionResponseType.ChannelMessageWithSource, data: message(payload, privately) });
      await responded;
      await deps.followUp(i.token, message(payload, privately));
    },
    async defer(privately) {
      first({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        ...(privately ? { data: { flags: MessageFlags.Ephemeral } } : {}),
      });
    },
    async post(payload) {
      // Deferred, then sent by PATCH: that answer names the message (one sent in the HTTP response may not exist yet).
      first({ type: InteractionResponseType.DeferredChannelMessageWithSource });
      await responded;
      return deps.editOriginal(i.token, message(withoutFiles(payload), false), payload.files);
    },
    async edit({ files, ...payload }) {
      await responded;
      return deps.editOriginal(i.token, message(payload, false), files);
    },
    async deleteReply() {
      await responded;
      await deps.deleteOriginal(i.token);
    },
    async followUp(payload, privately) {
      await responded;
      await deps.followUp(i.token, message(payload, privately));
    },
    update: async (payload) => first({ type: InteractionResponseType.UpdateMessage, data: message(payload, false) }),
    choices: async (choices) => first({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }),
    ...(openThread ? { openThread: (messageId: string, name: string, line: string) => openThread(channelId, messageId, name, line) } : {}),
  };
  const done = handleIncoming(ex, read, { ...deps, absent: { ...ENDPOINT_ABSENT, ...deps.absent } }, i.id);
  const firstResponse = await Promise.race([response, done.then(() => (answered ? response : null))]);
  return {
    response: firstResponse ?? {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: message({ content: '⚠️ That did not work; the bot log says why. Try again in a moment.' }, true),
    },
    after: async () => {
      sent();
      await done;
    },
  };
}
