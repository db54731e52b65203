// What answering one HTTP interaction produces and needs, shared by the
// command answers (answer-interaction.ts) and /brief's (answer-brief.ts).
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { Corpus } from '../../corpus/corpus.js';
import type { Logger } from '../../logger.js';
import type { DigestInteractionDeps } from '../digest-interactions.js';
import type { WatchInteractionDeps } from '../watch-interactions.js';
import type { MessagePayload, PayloadWithFiles } from '../../render/message-payload.js';
import { NO_MENTIONS } from '../no-mentions.js';

export interface HttpAnswerDeps {
  corpus(): Corpus;
  /** Sends a deferred answer (with its chart, when given): PATCH of the original response over REST; resolves to the message's id. */
  editOriginal(token: string, payload: APIInteractionResponseCallbackData, files?: PayloadWithFiles['files']): Promise<string>;
  deleteOriginal(token: string): Promise<void>;
  /** A further message on the interaction (a private one, with the ephemeral flag). */
  followUp(token: string, payload: APIInteractionResponseCallbackData): Promise<void>;
  /**
   * Opens a discussion thread on a message (/brief's) and posts its first line; absent when the endpoint has
   * no bot token to do that with.
   */
  openThread?: (channelId: string, messageId: string, name: string) => Promise<void>;
  /** /digest's store, schedule and renderer; absent without a bot token (digests are posted as the bot). */
  digest?: DigestInteractionDeps;
  /** /watch's store and corpus; absent without a database. */
  watch?: WatchInteractionDeps;
  log: Logger;
}

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
