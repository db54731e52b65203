import { sources } from '../src/briefing/sources.js';
import { PRIVATE_OPTION, type Command } from '../src/command.js';

export const sourcesCommand = {
  data: { name: 'sources', description: 'The articles in the corpus, with outlet, author and date', options: [PRIVATE_OPTION] },
  execute: (ctx) => sources(ctx.corpus, ctx.window),
} satisfies Command;
