// A management command (/digest, /watch) over the Interactions Endpoint: the
// same subcommands as on the gateway, through an InteractionRequest made from
// the POSTed interaction. The first thing a subcommand says becomes the HTTP
// response (a private message, or "thinking…" when it defers); whatever it
// says after that goes over REST once the response is out.
import {
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionResponse,
  ApplicationCommandOptionType,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { InteractionRequest } from '../interaction-request.js';
import { type HttpAnswer, type HttpAnswerDeps, message } from './http-answer.js';

type Option = APIApplicationCommandInteractionDataOption;

/** The subcommand's name and its options by name. */
function subcommandOf(options: readonly Option[] = []): { name: string; values: Map<string, unknown> } {
  const sub = options.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const inner = (sub && 'options' in sub ? (sub.options ?? []) : []) as Option[];
  return { name: sub?.name ?? '', values: new Map(inner.map((o) => [o.name, 'value' in o ? o.value : undefined])) };
}

/** Runs one subcommand of a management command: its name and the request to read and answer through. */
export type RunSubcommand = (request: InteractionRequest, subcommand: string) => Promise<void>;

export async function answerManaged(
  i: APIChatInputApplicationCommandInteraction,
  run: RunSubcommand,
  deps: HttpAnswerDeps,
): Promise<HttpAnswer> {
  const { name, values } = subcommandOf(i.data.options);
  const value = (key: string) => values.get(key);
  const here = i.channel?.id ?? i.channel_id;
  let answer!: (response: APIInteractionResponse) => void;
  const response = new Promise<APIInteractionResponse>((resolve) => (answer = resolve));
  let answered = false;
  // Nothing goes over REST before the response it follows has gone out.
  let sent!: () => void;
  const responded = new Promise<void>((resolve) => (sent = resolve));

  const request: InteractionRequest = {
    guildId: i.guild_id ?? null,
    channelId: here,
    userId: i.member?.user.id ?? i.user?.id ?? '',
    memberPermissions: BigInt(i.member?.permissions ?? '0'),
    // Discord sends the bot's permissions in the channel the command ran in; elsewhere they are not known here.
    botPermissionsIn: (channelId) => (channelId === here && i.app_permissions ? BigInt(i.app_permissions) : null),
    string: (key) => (typeof value(key) === 'string' ? (value(key) as string) : undefined),
    boolean: (key) => (typeof value(key) === 'boolean' ? (value(key) as boolean) : undefined),
    integer: (key) => (typeof value(key) === 'number' ? (value(key) as number) : undefined),
    channel: (key) => (typeof value(key) === 'string' ? (value(key) as string) : undefined),
    async reply(body) {
      if (!answered) {
        answered = true;
        return answer({ type: InteractionResponseType.ChannelMessageWithSource, data: message(body, true) });
      }
      await responded;
      await deps.followUp(i.token, message(body, true));
    },
    async defer() {
      answered = true;
      answer({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    },
    async edit(body) {
      await responded;
      await deps.editOriginal(i.token, message(body, false));
    },
  };
  const done = run(request, name).catch((e: unknown) => {
    const why = e instanceof Error ? e.message : String(e);
    deps.log.error(`/${i.data.name} ${name} failed: ${why}`);
    if (!answered) request.reply({ content: '⚠️ That did not work; the bot log says why. Try again in a moment.' });
  });
  const first = await Promise.race([response, done.then(() => response)]);
  return {
    response: first,
    after: async () => {
      sent();
      await done;
    },
  };
}
