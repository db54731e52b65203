// /digest: scheduled digest briefings for a channel. Only members with Manage
// Server see it (and the router checks again, since a server can override the
// default). Its subcommands are in digest-subcommands.ts.
import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { digestChoices, runDigest } from './digest-subcommands.js';
import { onService } from './management.js';

const id = {
  type: ApplicationCommandOptionType.String,
  name: 'id',
  description: 'The subscription id (see /digest list)',
  required: true,
  autocomplete: true,
  max_length: 20,
} as const;
const topics = {
  type: ApplicationCommandOptionType.String,
  name: 'topics',
  description: 'Actors and corridors, comma-separated (default: whatever is new)',
  autocomplete: true,
  max_length: 300,
} as const;

export const digestCommandData: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: 'digest',
  description: 'Scheduled digest briefings in a channel (needs Manage Server)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'subscribe',
      description: 'Post a digest in a channel on a schedule',
      options: [
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          description: 'Where the digest goes',
          required: true,
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'schedule',
          description: 'daily 08:00, weekdays 09:00, weekly mon 09:00, or cron (0 8 * * 1-5)',
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'timezone',
          description: 'IANA time zone of the schedule, e.g. Europe/Berlin (default UTC)',
          autocomplete: true,
          max_length: 64,
        },
        topics,
        { type: ApplicationCommandOptionType.Boolean, name: 'thread', description: 'Open a discussion thread on each digest' },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'chart',
          description: "Attach the period's timeline chart when it has 3 or more dated events (default: yes)",
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'skip_empty',
          description: 'Post nothing when there is nothing new (default: a one-line note)',
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: "This server's digest subscriptions and their status" },
    { type: ApplicationCommandOptionType.Subcommand, name: 'unsubscribe', description: 'Remove a subscription', options: [id] },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'preview',
      description: 'What a digest would contain now (only you see it)',
      options: [topics],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'send-now',
      description: 'Deliver one digest of a subscription right away',
      options: [id],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Re-activate a paused subscription', options: [id] },
  ],
};

export const digestCommand = onService('digest', {
  data: digestCommandData,
  absent: 'Digests are not available: this bot runs without its database.',
  run: runDigest,
  choices: digestChoices,
});
