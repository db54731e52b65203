import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { search } from '../briefing/search.js';
import { MAX_QUERY_LENGTH } from '../briefing/user-input.js';
import { PRIVATE_OPTION, stringOption, type Command } from '../command.js';

export const searchCommand = {
  data: {
    name: 'search',
    description: 'Quotes that match your words, best first',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Words to look for; "quotes" for an exact phrase',
        required: true,
        max_length: MAX_QUERY_LENGTH,
      },
      PRIVATE_OPTION,
    ],
  },
  slow: true,
  execute: (ctx) => search(ctx.corpus, stringOption(ctx, 'query'), ctx.window),
} satisfies Command;
