// /brief over HTTP: deferred, sent by PATCH (whose answer names the message),
// then its discussion thread opened on that message as the bot, as the
// gateway bot does (brief-thread.ts, whose checks and wording this shares).
import { type APIChatInputApplicationCommandInteraction, InteractionResponseType } from 'discord-api-types/v10';
import type { Command, OptionValue } from '../../command.js';
import { BRIEF_THREAD_FAILED, briefPermissionsMissing, missingForBrief, threadName } from '../brief-thread.js';
import { commandLine } from '../command-line.js';
import { renderPage } from '../render.js';
import { type HttpAnswer, type HttpAnswerDeps, message, say } from './http-answer.js';

/** /brief: the briefing in the channel, then a public thread on it for the team's discussion. */
export async function answerWithThread(
  i: APIChatInputApplicationCommandInteraction,
  command: Command,
  options: Record<string, OptionValue>,
  deps: HttpAnswerDeps,
): Promise<HttpAnswer> {
  const openThread = deps.openThread;
  if (!openThread) return say(`/${command.data.name} opens a discussion thread: this endpoint needs DISCORD_TOKEN for that.`);
  const missing = missingForBrief(BigInt(i.app_permissions ?? '0'));
  if (missing.length) return say(`⚠️ ${briefPermissionsMissing(missing)}`);
  const answer = await command.execute({ corpus: deps.corpus(), options });
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
