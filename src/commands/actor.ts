import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { actor } from '../briefing/actor.js';
import { MAX_NAME_LENGTH } from '../briefing/user-input.js';
import { PRIVATE_OPTION, stringOption, type Command } from '../command.js';

export const actorCommand = {
  data: {
    name: 'actor',
    description: 'An actor (country, person, organisation, bloc) and the quotes that mention it',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        description: 'e.g. Iran, Pashinyan, CSTO',
        required: true,
        autocomplete: true,
        max_length: MAX_NAME_LENGTH,
      },
      PRIVATE_OPTION,
    ],
  },
  execute: (ctx) => actor(ctx.corpus, stringOption(ctx, 'name')),
  autocomplete: { name: 'actor' },
} satisfies Command;
