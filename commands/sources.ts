import { sources } from '../src/briefing/sources.js';
import type { Command } from '../src/command.js';

export const sourcesCommand = {
  data: { name: 'sources', description: 'The articles in the corpus, with outlet, author and date' },
  execute: (ctx) => sources(ctx.corpus),
} satisfies Command;
