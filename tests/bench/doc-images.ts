// `npm run docs:images`: the pictures in the README, drawn by the project
// itself from the seed corpus, so they show what the code renders today:
// the /actor name:Iran answer as Discord shows it, and the chart of
// /timeline actor:Azerbaijan.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeChartFile } from '../../src/charts/chart-file.js';
import { measureText } from '../../src/charts/font.js';
import { renderPng } from '../../src/charts/render-png.js';
import { answerCommands } from '../../src/commands/index.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import { parseCommandLine } from '../../src/parse-command-line.js';
import { embedSvg } from '../../src/render/discord/embed-picture.js';
import { commandLine } from '../../src/render/discord/command-line.js';
import { pageWindow, renderPage } from '../../src/render/discord/render.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const OUT = join(REPO, 'docs/images');

async function main(): Promise<void> {
  const corpus = openCorpus(dataPaths(join(REPO, 'data')));
  try {
    const command = (line: string) => {
      const parsed = parseCommandLine(line, answerCommands);
      if (!parsed.ok) throw new Error(`${line}: ${parsed.problem.code}`);
      return parsed;
    };
    // The first page, as Discord asks for it.
    const actor = command('/actor name:Iran');
    const name = actor.command.data.name;
    const answer = await actor.command.execute({ corpus, options: actor.options, window: pageWindow(name, 0) });
    const page = renderPage(answer, 0, commandLine(name, actor.options));
    writeFileSync(join(OUT, 'actor-iran-embed.png'), renderPng(embedSvg(page, measureText)));
    // The chart, as `briefing ask --chart` draws it: from the whole answer.
    const timeline = command('/timeline actor:Azerbaijan');
    const events = await timeline.command.execute({ corpus, options: timeline.options });
    if (events.ok) writeChartFile(join(OUT, 'timeline-azerbaijan.png'), events);
    process.stdout.write(`wrote ${join(OUT, 'actor-iran-embed.png')} and ${join(OUT, 'timeline-azerbaijan.png')}\n`);
  } finally {
    await corpus.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`docs:images failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
