// An interaction that Discord POSTed to the Interactions Endpoint URL, answered
// as the HTTP response: the same commands, core and renderers as the gateway
// bot (src/discord/router.ts), only the transport differs. A slow command is
// deferred (type 5) and its answer sent over REST once ready. Nothing is kept
// between requests, so any replica can answer any interaction.
import {
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { commands, findCommand } from '../../../commands/index.js';
import { nameChoices } from '../../briefing/name-choices.js';
import type { Command, OptionValue } from '../../command.js';
import type { Corpus } from '../../corpus/corpus.js';
import { parseCommandLine } from '../../parse-command-line.js';
import type { MessagePayload } from '../../render/message-payload.js';
import { BRIEF_THREAD_FAILED, briefPermissionsMissing, missingForBrief, threadName } from '../brief-thread.js';
import { commandLine } from '../command-line.js';
import { findDiscordCommand } from '../discord-commands.js';
import { NO_MENTIONS } from '../no-mentions.js';
import { decodePageId, FROM_FOOTER, lineFromFooter } from '../paging.js';
import { pageWindow, renderPage } from '../render.js';

export interface HttpAnswerDeps {
  corpus(): Corpus;
  /** Sends a deferred answer: PATCH of the original response over REST; resolves to the message's id. */
  editOriginal(token: string, payload: APIInteractionResponseCallbackData): Promise<string>;
  deleteOriginal(token: string): Promise<void>;
  /** A further message on the interaction (a private one, with the ephemeral flag). */
  followUp(token: string, payload: APIInteractionResponseCallbackData): Promise<void>;
  /**
   * Opens a discussion thread on a message (/brief's) and posts its first line; absent when the endpoint has
   * no bot token to do that with.
   */
  openThread?: (channelId: string, messageId: string, name: string) => Promise<void>;
  log: { error(msg: string): void };
}

export interface HttpAnswer {
  response: APIInteractionResponse;
  /** Work to do after the response went out (a deferred answer). */
  after?: () => Promise<void>;
}

// The renderers build message rows of buttons only (paging), which an interaction response accepts.
const message = (payload: MessagePayload, ephemeral: boolean): APIInteractionResponseCallbackData =>
  ({
    ...payload,
    allowed_mentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  }) as APIInteractionResponseCallbackData;

const say = (content: string): HttpAnswer => ({
  response: { type: InteractionResponseType.ChannelMessageWithSource, data: message({ content }, true) },
});

function flatten(options: readonly APIApplicationCommandInteractionDataOption[] = []): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const o of options) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup)
      Object.assign(out, flatten(o.options));
    else if ('value' in o && o.value !== undefined) out[o.name] = o.value;
  }
  return out;
}

export async function answerInteraction(i: APIInteraction, deps: HttpAnswerDeps): Promise<HttpAnswer> {
  if (i.type === InteractionType.Ping) return { response: { type: InteractionResponseType.Pong } };
  if (i.type === InteractionType.ApplicationCommandAutocomplete) {
    const data = i.data;
    // The focused option, at the top level or inside a subcommand.
    type Opt = { name: string; focused?: boolean; value?: unknown; options?: Opt[] };
    const opts = (data.options ?? []) as Opt[];
    const focused = [...opts, ...opts.flatMap((o) => o.options ?? [])].find((o) => o.focused);
    const kind = focused && findCommand(data.name)?.autocomplete?.[focused.name];
    const choices = kind ? nameChoices(deps.corpus(), kind, String(focused.value ?? '')) : [];
    return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } } };
  }
  if (i.type === InteractionType.MessageComponent) {
    const ref = i.data.component_type === ComponentType.Button ? decodePageId(i.data.custom_id) : null;
    const line = ref && (ref.line === FROM_FOOTER ? lineFromFooter(i.message.embeds[0]?.footer?.text) : ref.line);
    const parsed = line ? parseCommandLine(line, commands) : null;
    if (!ref || !parsed?.ok) return say('⚠️ This button no longer works. Run the command again.');
    const answer = parsed.command.execute({
      corpus: deps.corpus(),
      options: parsed.options,
      window: pageWindow(parsed.command.data.name, ref.page),
    });
    const payload = renderPage(answer, ref.page, line!);
    // Someone other than the asker gets a private copy, so the shared message does not move under the asker.
    const asker = i.message.interaction_metadata?.user.id;
    const presser = i.member?.user.id ?? i.user?.id;
    if (!answer.ok || (asker && asker !== presser))
      return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: message(payload, true) } };
    return { response: { type: InteractionResponseType.UpdateMessage, data: message(payload, false) } };
  }
  if (i.type !== InteractionType.ApplicationCommand || i.data.type !== ApplicationCommandType.ChatInput)
    return say('⚠️ Not a command this bot knows.');
  const name = i.data.name;
  if (findDiscordCommand(name))
    return say(`/${name} runs on the gateway bot (briefing start) for now; this endpoint answers the read commands.`);
  const command = findCommand(name);
  if (!command) return say(`⚠️ /${name} is not a command of this bot (any more). Try /actor, /timeline or /search.`);
  const options = flatten(i.data.options);
  if (command.reply === 'thread') return answerWithThread(i as APIChatInputApplicationCommandInteraction, command, options, deps);
  const line = commandLine(name, options);
  const run = () => command.execute({ corpus: deps.corpus(), options, window: pageWindow(name, 0) });
  if (!command.slow) {
    const answer = run();
    return {
      response: {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: message(renderPage(answer, 0, line), options.private === true || !answer.ok),
      },
    };
  }
  // A slow command is deferred at once (Discord waits 3 s for the response), then answered over REST.
  return {
    response: {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(options.private === true ? { data: { flags: MessageFlags.Ephemeral } } : {}),
    },
    after: async () => {
      try {
        const answer = run();
        const payload = renderPage(answer, 0, line);
        if (answer.ok || options.private === true) await deps.editOriginal(i.token, message(payload, false));
        else {
          // A user's mistake is shown to them alone: the public "thinking…" goes.
          await deps.deleteOriginal(i.token);
          await deps.followUp(i.token, message(payload, true));
        }
      } catch (e) {
        deps.log.error(`a deferred answer to ${line} could not be sent: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}

/** /brief: the briefing in the channel, then a public thread on it for the team's discussion. */
function answerWithThread(
  i: APIChatInputApplicationCommandInteraction,
  command: Command,
  options: Record<string, OptionValue>,
  deps: HttpAnswerDeps,
): HttpAnswer {
  const openThread = deps.openThread;
  if (!openThread) return say(`/${command.data.name} opens a discussion thread: this endpoint needs DISCORD_TOKEN for that.`);
  const missing = missingForBrief(BigInt(i.app_permissions ?? '0'));
  if (missing.length) return say(`⚠️ ${briefPermissionsMissing(missing)}`);
  const answer = command.execute({ corpus: deps.corpus(), options });
  if (!answer.ok || answer.command !== 'brief')
    return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: message(renderPage(answer, 0, ''), true) } };
  const channelId = i.channel?.id ?? i.channel_id;
  // Deferred, then sent by PATCH: that answer carries the message's id, which the thread is opened on
  // (a message sent in the HTTP response may not exist yet when the thread is asked for).
  return {
    response: { type: InteractionResponseType.DeferredChannelMessageWithSource },
    after: async () => {
      let posted: string;
      try {
        posted = await deps.editOriginal(i.token, message(renderPage(answer, 0, commandLine('brief', options)), false));
      } catch (e) {
        deps.log.error(`the briefing could not be sent: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      try {
        if (!channelId) throw new Error('the interaction names no channel');
        await openThread(channelId, posted, threadName(answer.topic.name, new Date()));
      } catch (e) {
        deps.log.error(`brief posted but the thread could not be opened: ${e instanceof Error ? e.message : String(e)}`);
        await deps.followUp(i.token, message({ content: BRIEF_THREAD_FAILED }, true)).catch(() => undefined);
      }
    },
  };
}
