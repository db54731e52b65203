import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { brief } from '../briefing/brief.js';
import { MAX_QUERY_LENGTH } from '../briefing/user-input.js';
import { stringOption, type Command } from '../command.js';

// In Discord the briefing is posted in the channel and a public thread is
// opened on it for discussion; elsewhere it is printed.
export const briefCommand = {
  data: {
    name: 'brief',
    description: 'Post a short cited briefing on a topic and open a thread to discuss it',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'An actor, a corridor or any words, e.g. Zangezur',
        required: true,
        autocomplete: true,
        max_length: MAX_QUERY_LENGTH,
      },
    ],
  },
  execute: (ctx) => brief(ctx.corpus, stringOption(ctx, 'topic')),
  reply: 'thread',
  thread: { title: 'Briefing', firstLine: 'Discuss the briefing here. Point at evidence with `/quote id:` and the id under a quote.' },
  autocomplete: { topic: 'topic' },
} satisfies Command;
