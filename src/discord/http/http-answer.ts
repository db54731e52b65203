// What answering one HTTP interaction produces and needs (answer-interaction.ts):
// the pipeline's dependencies and the REST calls that answer after the response.
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { PipelineDeps } from '../pipeline/pipeline-deps.js';
import type { MessagePayload, PayloadWithFiles } from '../../render/message-payload.js';
import { NO_MENTIONS } from '../../render/discord/no-mentions.js';

export interface HttpAnswerDeps extends PipelineDeps {
  /** Sends a deferred answer (with its chart, when given): PATCH of the original response over REST; resolves to the message's id. */
  editOriginal(token: string, payload: APIInteractionResponseCallbackData, files?: PayloadWithFiles['files']): Promise<string>;
  deleteOriginal(token: string): Promise<void>;
  /** A further message on the interaction (a private one, with the ephemeral flag). */
  followUp(token: string, payload: APIInteractionResponseCallbackData): Promise<void>;
  /**
   * Opens a discussion thread on a message (/brief's) and posts its first line; absent when the endpoint has
   * no bot token to do that with.
   */
  openThread?: (channelId: string, messageId: string, name: string, firstLine: string) => Promise<void>;
}

/** Why a management command's service is absent on an endpoint, unless the process says otherwise. */
export const ENDPOINT_ABSENT = {
  digest: 'Digests need DISCORD_TOKEN on this endpoint: they are posted as the bot.',
  // The feed list and the pages a link saves are kept where the feeds are polled.
  feeds:
    'Feeds and links are managed on the gateway bot (briefing start), where the feeds are polled; beside a worker, ' +
    '`briefing feeds` and `briefing add` do the same.',
} as const;

export interface HttpAnswer {
  response: APIInteractionResponse;
  /** Work to do after the response went out (a deferred answer). */
  after?: () => Promise<void>;
}

// The renderers build message rows of buttons only (paging), which an interaction response accepts.
export const message = (payload: MessagePayload, ephemeral: boolean): APIInteractionResponseCallbackData =>
  ({
    ...payload,
    allowed_mentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  }) as APIInteractionResponseCallbackData;

export const say = (content: string): HttpAnswer => ({
  response: { type: InteractionResponseType.ChannelMessageWithSource, data: message({ content }, true) },
});
