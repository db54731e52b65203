import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { says } from '../briefing/says.js';
import { MAX_NAME_LENGTH } from '../briefing/user-input.js';
import { optionalString, PRIVATE_OPTION, stringOption, type Command } from '../command.js';

export const saysCommand = {
  data: {
    name: 'says',
    description: 'What an actor itself said or wrote, newest first; optionally about another actor or a corridor',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'actor',
        description: 'Who spoke, e.g. Iran, Pashinyan, the Kremlin',
        required: true,
        autocomplete: true,
        max_length: MAX_NAME_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'about',
        description: 'Only statements about this actor or corridor, e.g. Zangezur Corridor',
        autocomplete: true,
        max_length: MAX_NAME_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'from',
        description: 'Published from: YYYY, YYYY-MM or YYYY-MM-DD',
        max_length: 10,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'to',
        description: 'Published up to: YYYY, YYYY-MM or YYYY-MM-DD',
        max_length: 10,
      },
      PRIVATE_OPTION,
    ],
  },
  execute: (ctx) =>
    says(
      ctx.corpus,
      {
        actor: stringOption(ctx, 'actor'),
        about: optionalString(ctx, 'about'),
        from: optionalString(ctx, 'from'),
        to: optionalString(ctx, 'to'),
      },
      ctx.window,
    ),
  autocomplete: { actor: 'actor', about: 'topic' },
} satisfies Command;
