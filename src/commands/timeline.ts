import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { timeline } from '../briefing/timeline.js';
import { MAX_NAME_LENGTH } from '../briefing/user-input.js';
import { CHART_OPTION, optionalString, PRIVATE_OPTION, type Command } from '../command.js';

export const timelineCommand = {
  data: {
    name: 'timeline',
    description: 'Dated events from the articles, oldest first; filter by actor, corridor and period',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'actor',
        description: 'Only events involving this actor, e.g. Azerbaijan',
        autocomplete: true,
        max_length: MAX_NAME_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'corridor',
        description: 'Only events about this corridor, e.g. Zangezur',
        autocomplete: true,
        max_length: MAX_NAME_LENGTH,
      },
      { type: ApplicationCommandOptionType.String, name: 'from', description: 'Start: YYYY, YYYY-MM or YYYY-MM-DD', max_length: 10 },
      { type: ApplicationCommandOptionType.String, name: 'to', description: 'End: YYYY, YYYY-MM or YYYY-MM-DD', max_length: 10 },
      { type: ApplicationCommandOptionType.Boolean, name: 'said', description: 'Only what the actor itself said (needs actor)' },
      CHART_OPTION,
      PRIVATE_OPTION,
    ],
  },
  chart: true,
  execute: (ctx) =>
    timeline(
      ctx.corpus,
      {
        actor: optionalString(ctx, 'actor'),
        corridor: optionalString(ctx, 'corridor'),
        from: optionalString(ctx, 'from'),
        to: optionalString(ctx, 'to'),
        said: ctx.options.said === true,
      },
      ctx.window,
    ),
  autocomplete: { actor: 'actor', corridor: 'corridor' },
} satisfies Command;
