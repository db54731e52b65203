import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { quoteById } from '../briefing/quote.js';
import { PRIVATE_OPTION, stringOption, type Command } from '../command.js';

export const quoteCommand = {
  data: {
    name: 'quote',
    description: 'One quote by its id, with the sentences around it and the full citation',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        description: 'The id shown under a quote, e.g. 97dcd70d.f53feb',
        required: true,
        max_length: 40,
      },
      PRIVATE_OPTION,
    ],
  },
  execute: (ctx) => quoteById(ctx.corpus, stringOption(ctx, 'id')),
} satisfies Command;
