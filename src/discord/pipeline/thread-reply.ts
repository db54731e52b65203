// A command that replies with a discussion thread (its reply style, declared
// with the thread's title and first line): the answer is posted in the channel
// and a public thread opened on it for the team. The bot's permissions are
// checked first, and any that is missing is named.
import { commandLine } from '../../render/discord/command-line.js';
import { clip, LIMITS } from '../../render/discord/limits.js';
import { missingPermissions, TO_OPEN_THREADS, TO_POST } from '../../render/discord/permissions.js';
import { renderPage, threadTopic } from '../../render/discord/render.js';
import type { CommandAsked, Exchange } from './exchange.js';
import type { PipelineDeps } from './pipeline-deps.js';

const THREAD_FAILED = '⚠️ The answer is posted, but I could not open a thread on it (check my thread permissions in this channel).';

export function threadName(title: string, topic: string, day: Date): string {
  return clip(`${title}: ${topic} · ${day.toISOString().slice(0, 10)}`, LIMITS.threadName);
}

/** What is said when the bot may not post with a thread in the channel. */
function threadPermissionsMissing(name: string, missing: string[]): string {
  return (
    `I can't post /${name} with its thread here. Missing permission(s) in this channel: ${missing.join(', ')}. Ask an ` +
    `admin to grant them; the other commands can answer with private:true, visible to you alone.`
  );
}

export async function replyInThread(ex: Exchange, { command, options, asker }: CommandAsked, deps: PipelineDeps): Promise<void> {
  const openThread = ex.openThread;
  const name = command.data.name;
  if (!openThread) return ex.reply({ content: `/${name} opens a discussion thread: this endpoint needs DISCORD_TOKEN for that.` }, true);
  const missing = missingPermissions(asker.botPermissionsIn(asker.channelId) ?? 0n, [...TO_POST, ...TO_OPEN_THREADS]);
  if (missing.length) return ex.reply({ content: `⚠️ ${threadPermissionsMissing(name, missing)}` }, true);
  const answer = await command.execute({ corpus: deps.corpus(), options });
  const topic = threadTopic(answer);
  if (topic === null) return ex.reply(renderPage(answer, 0, ''), true);
  const posted = await ex.post(renderPage(answer, 0, commandLine(name, options)));
  try {
    const thread = command.thread ?? { title: name, firstLine: 'Discuss it here.' };
    await openThread(posted, threadName(thread.title, topic, new Date()), thread.firstLine);
  } catch (e) {
    deps.log.warn(`${name} posted but the thread could not be opened: ${e instanceof Error ? e.message : String(e)}`, {
      channel: asker.channelId,
    });
    await ex.followUp({ content: THREAD_FAILED }, true);
  }
}
