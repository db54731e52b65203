// An interaction that Discord POSTed to the Interactions Endpoint URL, answered
// as the HTTP response: the same commands, core and renderers as the gateway
// bot (src/discord/router.ts), only the transport differs. A slow command, or
// one with a chart, is deferred (type 5) and its answer sent over REST once
// ready, the chart as a file shown in the first embed. Nothing is kept
// between requests, so any replica can answer any interaction.
import { shownToUser } from '../../briefing/problems.js';
import {
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { commands, findCommand } from '../../commands/index.js';
import { nameChoices } from '../../briefing/name-choices.js';
import type { OptionValue } from '../../command.js';
import { parseCommandLine } from '../../parse-command-line.js';
import { commandLine } from '../command-line.js';
import { answerWithThread } from './answer-brief.js';
import { type HttpAnswer, type HttpAnswerDeps, message, say } from './http-answer.js';
import type { PayloadWithFiles } from '../../render/message-payload.js';
import { wantsChart, withChart } from '../chart-attachment.js';
import { findDiscordCommand } from '../discord-commands.js';
import { answerManaged } from './answer-managed.js';
import { MANAGED_COMMANDS } from './managed-commands.js';
import { decodePageId, FROM_FOOTER, lineFromFooter } from '../paging.js';
import { pageWindow, renderPage } from '../render.js';

export type { HttpAnswer, HttpAnswerDeps };

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
    const typed = String(focused?.value ?? '');
    const managed = MANAGED_COMMANDS.find((c) => c.name === data.name);
    const choices =
      focused && managed
        ? await managed.choices(deps, focused.name, typed, i.guild_id ?? null)
        : kind
          ? await nameChoices(deps.corpus(), kind, typed)
          : [];
    return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } } };
  }
  if (i.type === InteractionType.MessageComponent) {
    const ref = i.data.component_type === ComponentType.Button ? decodePageId(i.data.custom_id) : null;
    const line = ref && (ref.line === FROM_FOOTER ? lineFromFooter(i.message.embeds[0]?.footer?.text) : ref.line);
    const parsed = line ? parseCommandLine(line, commands) : null;
    if (!ref || !parsed?.ok) return say('⚠️ This button no longer works. Run the command again.');
    const answer = await parsed.command.execute({
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
  const managed = MANAGED_COMMANDS.find((c) => c.name === name);
  if (managed) {
    const run = managed.runner(deps);
    return typeof run === 'string' ? say(run) : answerManaged(i as APIChatInputApplicationCommandInteraction, run, deps);
  }
  if (findDiscordCommand(name))
    return say(`/${name} runs on the gateway bot (briefing start) for now; this endpoint answers the read commands, /digest and /watch.`);
  const command = findCommand(name);
  if (!command) return say(`⚠️ /${name} is not a command of this bot (any more). Try /actor, /timeline or /search.`);
  const options = flatten(i.data.options);
  if (command.reply === 'thread') return answerWithThread(i as APIChatInputApplicationCommandInteraction, command, options, deps);
  const line = commandLine(name, options);
  const ctx = { corpus: deps.corpus(), options };
  const run = () => command.execute({ ...ctx, window: pageWindow(name, 0) });
  // A chart is drawn off the event loop and may take a few hundred ms: the answer is deferred for it, like a slow one.
  const chart = wantsChart(command, options);
  if (!command.slow && !chart) {
    const answer = await run();
    return {
      response: {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: message(renderPage(answer, 0, line), options.private === true || !answer.ok),
      },
    };
  }
  // Deferred at once (Discord waits 3 s for the response), then answered over REST, with the chart as a file.
  return {
    response: {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(options.private === true ? { data: { flags: MessageFlags.Ephemeral } } : {}),
    },
    after: async () => {
      try {
        const answer = await run();
        const page = renderPage(answer, 0, line);
        const drawn: PayloadWithFiles = chart && answer.ok ? await withChart(page, command, ctx, answer, deps.log) : page;
        const { files, ...payload } = drawn;
        if (answer.ok || options.private === true) await deps.editOriginal(i.token, message(payload, false), files);
        else {
          // A user's mistake is shown to them alone: the public "thinking…" goes.
          await deps.deleteOriginal(i.token);
          await deps.followUp(i.token, message(payload, true));
        }
      } catch (e) {
        const shown = shownToUser(e);
        if (shown) await deps.followUp(i.token, message({ content: `⚠️ ${shown}` }, true)).catch(() => undefined);
        else deps.log.error(`a deferred answer to ${line} could not be sent: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
