// /feeds: the news feeds the bot follows (Manage Server, like /digest), and
// /add: one article by its link, for any member (rate-limited per user).
// Their subcommands are in feeds-subcommands.ts; the CLI has the same verbs
// (briefing feeds ..., briefing add <url>).
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { feedChoices, runAdd, runFeeds } from './feeds-subcommands.js';
import { onService } from './management.js';

const feedId = {
  type: ApplicationCommandOptionType.String,
  name: 'feed',
  description: 'The feed id or URL (see /feeds list)',
  required: true,
  autocomplete: true,
  max_length: 2000,
} as const;

export const feedsCommandData: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: 'feeds',
  description: 'The news feeds the corpus grows from (needs Manage Server)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Follow an RSS, Atom or JSON feed',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'url', description: 'The feed address', required: true, max_length: 2000 },
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          description: "Shown in /feeds list (default: the feed's title)",
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'keep_all',
          description: 'Keep items that mention no actor or corridor (default: only those that do)',
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      description: 'Each feed: last success, last new item, failures, paused',
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Stop following a feed (its articles stay)',
      options: [feedId],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Poll a paused feed again', options: [feedId] },
  ],
};

export const addCommandData: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: 'add',
  description: 'Add one article to the corpus by its link',
  contexts: [InteractionContextType.Guild],
  options: [{ type: ApplicationCommandOptionType.String, name: 'url', description: 'The article page', required: true, max_length: 2000 }],
};

const NO_FEEDS = 'Feeds and links are not available: this bot runs without its database.';

export const feedsCommand = onService('feeds', {
  data: feedsCommandData,
  cli: 'briefing feeds',
  absent: NO_FEEDS,
  run: runFeeds,
  choices: async (deps, option, typed) => (option === 'feed' ? feedChoices(deps, typed) : []),
});

export const addCommand = onService('feeds', {
  data: addCommandData,
  cli: 'briefing add <url>',
  absent: NO_FEEDS,
  run: (request, _subcommand, deps) => runAdd(request, deps),
});
