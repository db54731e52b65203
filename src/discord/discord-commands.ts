// Commands that exist only in Discord (/digest, which manages subscriptions;
// /feeds and /add, which reach out to the web): each declares its registration payload and its handlers, so
// the router finds it by name in this table and never names it itself.
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { digestCommandData } from '../commands/digest.js';
import { addCommandData, feedsCommandData } from '../commands/feeds.js';
import { digestAutocomplete, handleDigest } from './digest-interactions.js';
import { feedsAutocomplete, handleAdd, handleFeeds } from './feeds-interactions.js';
import { watchCommandData } from '../commands/watch.js';
import { handleWatch, watchAutocomplete } from './watch-interactions.js';
import type { RouterDeps } from './router-deps.js';

export interface DiscordCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Why it cannot run in this deployment, if it cannot (shown to the user privately). */
  unavailable(deps: RouterDeps): string | null;
  execute(i: ChatInputCommandInteraction, deps: RouterDeps): Promise<void>;
  autocomplete(i: AutocompleteInteraction, deps: RouterDeps): Promise<void>;
}

const NO_DIGESTS = 'Digests are not available: this bot runs without its database.';
const NO_FEEDS = 'Feeds and links are not available: this bot runs without its database.';
const NO_WATCHES = 'Watches are not available: this bot runs without its database.';

export const discordCommands: readonly DiscordCommand[] = [
  {
    data: digestCommandData,
    unavailable: (deps) => (deps.digest ? null : NO_DIGESTS),
    execute: (i, deps) => handleDigest(i, deps.digest!),
    autocomplete: (i, deps) => (deps.digest ? digestAutocomplete(i, deps.digest) : i.respond([])),
  },
  {
    data: feedsCommandData,
    unavailable: (deps) => (deps.feeds ? null : NO_FEEDS),
    execute: (i, deps) => handleFeeds(i, deps.feeds!),
    autocomplete: (i, deps) => (deps.feeds ? feedsAutocomplete(i, deps.feeds) : i.respond([])),
  },
  {
    data: watchCommandData,
    unavailable: (deps) => (deps.watch ? null : NO_WATCHES),
    execute: (i, deps) => handleWatch(i, deps.watch!),
    autocomplete: (i, deps) => (deps.watch ? watchAutocomplete(i, deps.watch) : i.respond([])),
  },
  {
    data: addCommandData,
    unavailable: (deps) => (deps.feeds ? null : NO_FEEDS),
    execute: (i, deps) => handleAdd(i, deps.feeds!),
    autocomplete: (i) => i.respond([]),
  },
];

export function findDiscordCommand(name: string): DiscordCommand | undefined {
  return discordCommands.find((c) => c.data.name === name);
}
