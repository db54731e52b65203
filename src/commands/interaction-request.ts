// One management command request (/digest, /feeds, /add, /watch), however it
// reached the bot: what its subcommands read and how they answer (privately
// unless they say otherwise). The gateway adapter makes one from a discord.js
// interaction (src/discord/gateway-request.ts), the Interactions Endpoint from
// the POSTed JSON (src/discord/http/answer-interaction.ts), both through
// src/discord/pipeline/management-request.ts; the subcommands never know which.
import type { MessagePayload } from '../render/message-payload.js';

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
  /** Answers; privately unless `inChannel` (then everyone in the channel sees it). */
  reply(body: MessagePayload, inChannel?: boolean): Promise<void>;
  /** "Thinking…" first, for work that can outlast Discord's 3 s; then edit() answers, as visible as the deferral. */
  defer(inChannel?: boolean): Promise<void>;
  edit(body: MessagePayload): Promise<void>;
}

/** Whether the asker holds a permission. */
export const holds = (r: InteractionRequest, bit: bigint) => (r.memberPermissions & bit) === bit;
