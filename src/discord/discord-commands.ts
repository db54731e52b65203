// Commands that exist only in Discord (today /digest, which manages
// subscriptions): each declares its registration payload and its handlers, so
// the router finds it by name in this table and never names it itself.
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { digestCommandData } from '../../commands/digest.js';
import { digestAutocomplete, handleDigest } from './digest-interactions.js';
import type { RouterDeps } from './router-deps.js';

export interface DiscordCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Why it cannot run in this deployment, if it cannot (shown to the user privately). */
  unavailable(deps: RouterDeps): string | null;
  execute(i: ChatInputCommandInteraction, deps: RouterDeps): Promise<void>;
  autocomplete(i: AutocompleteInteraction, deps: RouterDeps): Promise<void>;
}

const NO_DIGESTS = 'Digests are not available: this bot runs without its database.';

export const discordCommands: readonly DiscordCommand[] = [
  {
    data: digestCommandData,
    unavailable: (deps) => (deps.digest ? null : NO_DIGESTS),
    execute: (i, deps) => handleDigest(i, deps.digest!),
    autocomplete: (i, deps) => (deps.digest ? digestAutocomplete(i, deps.digest) : i.respond([])),
  },
];

export function findDiscordCommand(name: string): DiscordCommand | undefined {
  return discordCommands.find((c) => c.data.name === name);
}
