// The one interaction pipeline: every interaction an adapter reads (a command,
// an autocomplete, a page button) is answered here, the same way on the
// gateway and over HTTP. The command comes from the one registry; the adapter
// names none. A user's mistake is shown only to them; anything unexpected is
// logged with the command and its options, and the user gets a short message.
import { shownToUser } from '../../briefing/problems.js';
import { nameChoices } from '../../briefing/name-choices.js';
import { findCommand } from '../../commands/index.js';
import { answerCommand } from './answer-command.js';
import type { Exchange, Incoming } from './exchange.js';
import { managementRequest } from './management-request.js';
import { answerPageButton } from './page-button.js';
import type { PipelineDeps } from './pipeline-deps.js';

export type { PipelineDeps };

const SORRY = 'Something went wrong while answering. It has been logged; please try again.';

/** The exchange, noting whether a first answer went out (a failure is then said in a follow-up, else as that answer). */
function tracked(ex: Exchange): { ex: Exchange; answered: () => boolean } {
  let answered = false;
  const first =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      const r = await f(...a);
      answered = true;
      return r;
    };
  return {
    ex: {
      ...ex,
      reply: first(ex.reply),
      defer: first(ex.defer),
      post: first(ex.post),
      update: first(ex.update),
      choices: first(ex.choices),
    },
    answered: () => answered,
  };
}

async function answer(ex: Exchange, i: Incoming, deps: PipelineDeps): Promise<void> {
  if (i.kind === 'button') return answerPageButton(ex, i, deps);
  const command = findCommand(i.name);
  if (i.kind === 'autocomplete') {
    if (command?.kind === 'management') return ex.choices(await command.choices(deps, i.option, i.typed, i.guildId));
    const kind = command?.autocomplete?.[i.option];
    return ex.choices(kind ? await nameChoices(deps.corpus(), kind, i.typed) : []);
  }
  if (!command) return ex.reply({ content: `⚠️ /${i.name} is not a command of this bot (any more). Type / to see its commands.` }, true);
  if (command.kind === 'management') return command.run(managementRequest(ex, i, i.options), i.subcommand, deps);
  return answerCommand(ex, { command, options: i.options, asker: i }, deps);
}

/** Answers one interaction; never throws (a failure is logged and, where it can be, told to the user). */
export async function handleIncoming(exchange: Exchange, i: Incoming, pipelineDeps: PipelineDeps, id: string): Promise<void> {
  // Every line logged while answering carries the interaction's id.
  const deps = { ...pipelineDeps, log: pipelineDeps.log.child({ interaction: id }) };
  const { ex, answered } = tracked(exchange);
  const tell = (text: string) =>
    i.kind === 'autocomplete'
      ? answered()
        ? Promise.resolve()
        : ex.choices([])
      : answered()
        ? ex.followUp({ content: `⚠️ ${text}` }, true)
        : ex.reply({ content: `⚠️ ${text}` }, true);
  try {
    await answer(ex, i, deps);
  } catch (e) {
    const shown = shownToUser(e);
    if (shown) {
      deps.log.warn(`interaction answered with: ${shown}`);
      await tell(shown).catch(() => undefined);
      return;
    }
    const context =
      i.kind === 'button' ? { button: i.customId } : i.kind === 'command' ? { command: i.name, options: i.options } : { command: i.name };
    deps.log.error(`interaction failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, context);
    try {
      await tell(SORRY);
    } catch (again) {
      deps.log.warn(`could not tell the user about the failure: ${again instanceof Error ? again.message : String(again)}`);
    }
  }
}
