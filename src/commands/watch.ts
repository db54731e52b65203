// /watch: what a team watches, posted as alerts in this channel when a
// matching article lands (Manage Channels). Its subcommands are in
// watch-subcommands.ts; the CLI has the same verbs (briefing watch …).
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ruleChoices } from '../briefing/watch/rule-choices.js';
import { onService } from './management.js';
import { runWatch } from './watch-subcommands.js';
import { MAX_HOURLY_CAP } from '../briefing/watch/watch-rules.js';
import { MAX_RULE_LENGTH } from '../briefing/watch/watch-rule.js';

const rule = {
  type: ApplicationCommandOptionType.String,
  name: 'rule',
  description: 'e.g. actor:Iran corridor:"Middle Corridor" -football',
  required: true,
  autocomplete: true,
  max_length: MAX_RULE_LENGTH,
} as const;
const id = {
  type: ApplicationCommandOptionType.String,
  name: 'id',
  description: 'The watch id (see /watch list)',
  required: true,
  max_length: 20,
} as const;

export const watchCommandData: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: 'watch',
  description: 'Alerts in this channel when an article matching a rule lands (needs Manage Channels)',
  default_member_permissions: String(PermissionFlagsBits.ManageChannels),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Watch a rule: matching articles are posted in this channel as they land',
      options: [
        rule,
        { type: ApplicationCommandOptionType.Boolean, name: 'thread', description: 'Open a discussion thread on each alert' },
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'cap',
          description: 'Alerts an hour in this channel (default 10); the rest are rolled up',
          min_value: 1,
          max_value: MAX_HOURLY_CAP,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: "This server's watches, with what each matched this week" },
    { type: ApplicationCommandOptionType.Subcommand, name: 'remove', description: 'Stop a watch', options: [id] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Pause a watch', options: [id] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Resume a paused watch', options: [id] },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'test',
      description: 'What a rule would have matched in the last days (only you see it)',
      options: [
        rule,
        { type: ApplicationCommandOptionType.Integer, name: 'days', description: 'How far back (default 7)', min_value: 1, max_value: 365 },
      ],
    },
  ],
};

export const watchCommand = onService('watch', {
  data: watchCommandData,
  cli: 'briefing watch',
  absent: 'Watches are not available: this bot runs without its database.',
  run: runWatch,
  // The rule completed with the names that fit what is typed after actor: or corridor:.
  choices: async (deps, option, typed) => (option === 'rule' ? ruleChoices(deps.corpus(), typed) : []),
});
