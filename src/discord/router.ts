// Every interaction gets an answer: commands, autocomplete and paging
// buttons. Handlers stay thin: read options, call the pure core, render. A
// user's mistake is shown only to them; anything unexpected is logged with
// the command and its options, and the user gets a short message.
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type InteractionReplyOptions,
} from 'discord.js';
import { commands, findCommand } from '../commands/index.js';
import { nameChoices } from '../briefing/name-choices.js';
import { shownToUser } from '../briefing/problems.js';
import { parseCommandLine } from '../parse-command-line.js';
import type { OptionValue } from '../command.js';
import { postBrief } from './brief-thread.js';
import { chartsIdle, hasChart } from '../charts/answer-chart.js';
import { forDiscord, wantsChart, withChart } from './chart-attachment.js';
import { commandLine } from './command-line.js';
import { findDiscordCommand } from './discord-commands.js';
import { NO_MENTIONS } from './no-mentions.js';
import { decodePageId, FROM_FOOTER, lineFromFooter } from './paging.js';
import { pageWindow, renderPage } from './render.js';
import type { RouterDeps } from './router-deps.js';

export type { RouterDeps };

const SORRY = 'Something went wrong while answering. It has been logged; please try again.';
/** How long an answer waits for its chart before it goes out alone (the chart follows in an edit). */
const CHART_WAIT_MS = 500;

function flatten(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const o of options) {
    if (o.options) Object.assign(out, flatten(o.options));
    else if (o.value !== undefined && o.value !== null) out[o.name] = o.value;
  }
  return out;
}

async function answerCommand(i: ChatInputCommandInteraction, deps: RouterDeps): Promise<void> {
  const discordOnly = findDiscordCommand(i.commandName);
  if (discordOnly) {
    const why = discordOnly.unavailable(deps);
    return why ? tellUser(i, why) : discordOnly.execute(i, deps);
  }
  const command = findCommand(i.commandName);
  if (!command) {
    await i.reply({
      content: `⚠️ /${i.commandName} is not a command of this bot (any more). Try /actor, /timeline or /search.`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const options = flatten(i.options.data);
  if (command.reply === 'thread') return postBrief(i, command, options, deps);
  const ctx = { corpus: deps.corpus(), options };
  // A chart is drawn off the event loop and may take a few hundred ms: the reply is deferred for it, like a slow command.
  const fast = command.slow ? null : await command.execute({ ...ctx, window: pageWindow(command.data.name, 0) });
  // Under load (a chart already rendering) the answer goes out at once, without one.
  const chart = wantsChart(command, options) && (fast === null || hasChart(fast)) && chartsIdle();
  if (command.slow || chart) {
    // Deferring costs a round trip but means Discord never shows "did not respond" while a cold index loads.
    await i.deferReply(options.private === true ? { flags: MessageFlags.Ephemeral } : {});
    const answer = fast ?? (await command.execute({ ...ctx, window: pageWindow(command.data.name, 0) }));
    const page = renderPage(answer, 0, commandLine(command.data.name, options));
    // The answer waits for its chart a moment at most; a chart that takes longer (a busy machine) is added by a second edit.
    const drawing = chart && answer.ok ? withChart(page, command, ctx, answer, deps.log) : null;
    const drawn = drawing
      ? await Promise.race([drawing, new Promise<null>((r) => setTimeout(() => r(null), deps.chartWaitMs ?? CHART_WAIT_MS).unref())])
      : null;
    const payload = { ...forDiscord(drawn ?? page), allowedMentions: NO_MENTIONS };
    if (drawing && !drawn) {
      drawing
        .then((late) => (late.files ? i.editReply({ ...forDiscord(late), allowedMentions: NO_MENTIONS }) : null))
        .catch((e: unknown) => deps.log.warn(`a late chart could not be added: ${e instanceof Error ? e.message : String(e)}`));
    }
    if (answer.ok || options.private === true) await i.editReply(payload);
    else {
      // A user's mistake is shown to them alone: drop the public "thinking…" and answer privately.
      await i.deleteReply();
      await i.followUp({ ...payload, flags: MessageFlags.Ephemeral } as InteractionReplyOptions);
    }
    return;
  }
  const answer = fast!;
  const ephemeral = options.private === true || !answer.ok;
  await i.reply({
    ...renderPage(answer, 0, commandLine(command.data.name, options)),
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  } as InteractionReplyOptions);
}

async function answerAutocomplete(i: AutocompleteInteraction, deps: RouterDeps): Promise<void> {
  const discordOnly = findDiscordCommand(i.commandName);
  if (discordOnly) return discordOnly.autocomplete(i, deps);
  const focused = i.options.getFocused(true);
  const kind = findCommand(i.commandName)?.autocomplete?.[focused.name];
  await i.respond(kind ? await nameChoices(deps.corpus(), kind, String(focused.value)) : []);
}

async function answerPageButton(i: ButtonInteraction, deps: RouterDeps): Promise<void> {
  const ref = decodePageId(i.customId);
  const line = ref && (ref.line === FROM_FOOTER ? lineFromFooter(i.message.embeds[0]?.footer?.text) : ref.line);
  const parsed = line ? parseCommandLine(line, commands) : null;
  if (!ref || !parsed?.ok) {
    await i.reply({
      content: '⚠️ This button no longer works. Run the command again.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const window = pageWindow(parsed.command.data.name, ref.page);
  const answer = await parsed.command.execute({ corpus: deps.corpus(), options: parsed.options, window });
  const payload = { ...renderPage(answer, ref.page, line!), allowedMentions: NO_MENTIONS };
  // Someone else paging a shared answer gets their own copy, so the asker's message does not move under them;
  // and a command that now fails (a stale button) tells the presser, never overwriting the shared message.
  const asker = i.message.interactionMetadata?.user.id;
  if (!answer.ok || (asker && asker !== i.user.id)) await i.reply({ ...payload, flags: MessageFlags.Ephemeral } as InteractionReplyOptions);
  else await i.update(payload);
}

async function tellUser(i: Interaction, text: string): Promise<void> {
  if (!i.isRepliable()) return;
  const body = { content: `⚠️ ${text}`, allowedMentions: NO_MENTIONS };
  if (i.deferred || i.replied) await i.followUp({ ...body, flags: MessageFlags.Ephemeral });
  else await i.reply({ ...body, flags: MessageFlags.Ephemeral });
}

export async function handleInteraction(i: Interaction, routerDeps: RouterDeps): Promise<void> {
  // Every line logged while answering carries the interaction's id.
  const deps = { ...routerDeps, log: routerDeps.log.child({ interaction: i.id }) };
  try {
    if (i.isAutocomplete()) await answerAutocomplete(i, deps);
    else if (i.isChatInputCommand()) await answerCommand(i, deps);
    else if (i.isButton()) await answerPageButton(i, deps);
    else if (i.isRepliable()) await tellUser(i, 'This bot does not handle that kind of interaction.');
  } catch (e) {
    const shown = shownToUser(e);
    if (shown) {
      deps.log.warn(`interaction answered with: ${shown}`);
      await tellUser(i, shown).catch(() => undefined);
      return;
    }
    const context =
      i.isChatInputCommand() || i.isAutocomplete()
        ? { command: i.commandName, options: flatten(i.options.data) }
        : i.isButton()
          ? { button: i.customId }
          : { type: i.type };
    deps.log.error(`interaction failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, context);
    try {
      await tellUser(i, SORRY);
    } catch (again) {
      deps.log.warn(`could not tell the user about the failure: ${again instanceof Error ? again.message : String(again)}`);
    }
  }
}
