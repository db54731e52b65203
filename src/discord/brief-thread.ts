// /brief posts the briefing in the channel and opens a public thread on it for
// the team's discussion. It checks first that the bot may create threads and
// post in them, and names any permission that is missing.
import type { ChatInputCommandInteraction, InteractionReplyOptions } from 'discord.js';
import { MessageFlags, ThreadAutoArchiveDuration } from 'discord-api-types/v10';
import type { Command, OptionValue } from '../command.js';
import { commandLine } from './command-line.js';
import { clip, LIMITS } from './limits.js';
import { renderPage } from './render.js';
import { NO_MENTIONS } from './no-mentions.js';
import { missingPermissions, TO_OPEN_THREADS, TO_POST } from './permissions.js';
import type { RouterDeps } from './router-deps.js';

export function missingForBrief(granted: bigint): string[] {
  return missingPermissions(granted, [...TO_POST, ...TO_OPEN_THREADS]);
}

/** What /brief says when the bot may not post with a thread in the channel. */
export function briefPermissionsMissing(missing: string[]): string {
  return (
    `I can't post a briefing with a thread here. Missing permission(s) in this channel: ${missing.join(', ')}. Ask an ` +
    `admin to grant them, or use /search and /timeline, which reply only to you.`
  );
}

export const BRIEF_THREAD_FAILED =
  '⚠️ The briefing is posted, but I could not open a thread on it (check my thread permissions in this channel).';

/** The thread's first message. */
export const BRIEF_THREAD_PROMPT = 'Discuss the briefing here. Point at evidence with `/quote id:` and the id under a quote.';

export function threadName(topic: string, day: Date): string {
  return clip(`Briefing: ${topic} · ${day.toISOString().slice(0, 10)}`, LIMITS.threadName);
}

export async function postBrief(
  i: ChatInputCommandInteraction,
  command: Command,
  options: Record<string, OptionValue>,
  deps: RouterDeps,
): Promise<void> {
  const missing = missingForBrief(i.appPermissions?.bitfield ?? 0n);
  if (missing.length) {
    await i.reply({
      content: `⚠️ ${briefPermissionsMissing(missing)}`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const answer = await command.execute({ corpus: deps.corpus(), options });
  if (!answer.ok || answer.command !== 'brief') {
    await i.reply({ ...renderPage(answer, 0, ''), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as InteractionReplyOptions);
    return;
  }
  const reply = await i.reply({
    ...renderPage(answer, 0, commandLine('brief', options)),
    allowedMentions: NO_MENTIONS,
    withResponse: true,
  } as InteractionReplyOptions & { withResponse: true });
  const message = reply.resource?.message;
  if (!message) throw new Error('Discord returned no message for the briefing reply');
  try {
    const thread = await message.startThread({
      name: threadName(answer.topic.name, new Date()),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    await thread.send({
      content: BRIEF_THREAD_PROMPT,
      allowedMentions: NO_MENTIONS,
    });
  } catch (e) {
    deps.log.warn(`brief posted but the thread could not be opened: ${e instanceof Error ? e.message : String(e)}`, {
      channel: i.channelId,
    });
    await i.followUp({
      content: BRIEF_THREAD_FAILED,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }
}
