// A page button: the command line it carries (or the message's footer, for a
// long one) is run again for the page asked. Someone other than the asker gets
// a private copy, so the shared message does not move under the asker; a
// command that now fails (a stale button) tells the presser and never
// overwrites the shared message.
import { answerCommands } from '../../commands/index.js';
import { parseCommandLine } from '../../parse-command-line.js';
import { decodePageId, FROM_FOOTER, lineFromFooter } from '../../render/discord/paging.js';
import { pageWindow, renderPage } from '../../render/discord/render.js';
import type { Exchange, Incoming } from './exchange.js';
import type { PipelineDeps } from './pipeline-deps.js';

export const STALE_BUTTON = '⚠️ This button no longer works. Run the command again.';

export async function answerPageButton(ex: Exchange, b: Extract<Incoming, { kind: 'button' }>, deps: PipelineDeps): Promise<void> {
  const ref = decodePageId(b.customId);
  const line = ref && (ref.line === FROM_FOOTER ? lineFromFooter(b.footer) : ref.line);
  const parsed = line ? parseCommandLine(line, answerCommands) : null;
  if (!ref || !parsed?.ok) return ex.reply({ content: STALE_BUTTON }, true);
  const window = pageWindow(parsed.command.data.name, ref.page);
  const answer = await parsed.command.execute({ corpus: deps.corpus(), options: parsed.options, window });
  const payload = renderPage(answer, ref.page, line!);
  if (!answer.ok || (b.asker && b.asker !== b.presser)) return ex.reply(payload, true);
  return ex.update(payload);
}
