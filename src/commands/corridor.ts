import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { corridor } from '../briefing/corridor.js';
import { MAX_NAME_LENGTH } from '../briefing/user-input.js';
import { CHART_OPTION, PRIVATE_OPTION, stringOption, type Command } from '../command.js';

export const corridorCommand = {
  data: {
    name: 'corridor',
    description: 'A transport corridor: what it is, who backs or opposes it, and the quotes',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        description: 'e.g. Zangezur, Crossroads of Peace, Middle Corridor',
        required: true,
        autocomplete: true,
        max_length: MAX_NAME_LENGTH,
      },
      CHART_OPTION,
      PRIVATE_OPTION,
    ],
  },
  chart: true,
  execute: (ctx) => corridor(ctx.corpus, stringOption(ctx, 'name'), ctx.window),
  autocomplete: { name: 'corridor' },
} satisfies Command;
