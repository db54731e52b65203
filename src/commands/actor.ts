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
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'said',
        description: 'Only what the actor itself said or wrote, newest first',
      },
      PRIVATE_OPTION,
    ],
  },
  execute: (ctx) => actor(ctx.corpus, stringOption(ctx, 'name'), { said: ctx.options.said === true, window: ctx.window }),
  autocomplete: { name: 'actor' },
} satisfies Command;
