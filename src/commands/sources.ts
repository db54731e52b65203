import { sources } from '../briefing/sources.js';
import { PRIVATE_OPTION, type Command } from '../command.js';

export const sourcesCommand = {
  data: { name: 'sources', description: 'The articles in the corpus, with outlet, author and date', options: [PRIVATE_OPTION] },
  execute: (ctx) => sources(ctx.corpus, ctx.window),
} satisfies Command;
