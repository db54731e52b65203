// An ingest told which files changed (a feed poll saved them, a sync brought
// them in or removed them) reads only those, not every file of raw/, and
// gives the corpus a full ingest gives: a new file, a changed one, a removed
// one, a changed sidecar, and template text that makes an untouched file be
// read again. Against real SQLite files.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { DataPaths } from '../../src/corpus/data-dir.js';
import { contents } from '../helpers/corpus-contents.js';
import { tempData } from '../helpers/temp-data.js';

const REPEATED = 'Our correspondents file from Yerevan, Baku and Tbilisi in every week of the year, whatever the season.';

function article(title: string, outlet: string, body: string[]): string {
  return ['---', `title: ${title}`, `outlet: ${outlet}`, 'published: 2025-07-20', '---', '', body.join('\n\n')].join('\n');
}

const files = {
  'a.md': article('Talks resume in Abu Dhabi', 'Caucasus Watch', [
    'Armenia and Azerbaijan resumed talks in Abu Dhabi on Monday after a pause of two months.',
    'The delegations discussed the opening of rail links across Syunik and the demarcation of the border.',
    REPEATED,
  ]),
  'b.md': article('A pipeline reaches the Black Sea', 'Tbilisi Daily', ['Georgia opened a new section of the gas pipeline on Friday.']),
  'c.md': article('Iran and Turkey sign a rail deal', 'Tbilisi Daily', ['Iran and Turkey signed a rail agreement in Ankara on Tuesday.']),
  'page.html':
    '<html><head><title>Baku hosts a summit</title></head><body><article><p>Azerbaijan hosted a regional summit in Baku ' +
    'on Thursday, and the leaders of Georgia and Armenia attended it.</p></article></body></html>',
};

async function everything(paths: DataPaths) {
  const corpus = openCorpus(paths);
  try {
    const c = await contents(corpus);
    return { articles: c.articles.map((a) => ({ ...a, source: { ...a.source, retrieved: '' } })), passages: c.passages };
  } finally {
    await corpus.close();
  }
}

describe('an ingest of the files named', () => {
  it('reads only those, and gives what a full ingest of the folder gives', async () => {
    const paths = tempData(files);
    buildCorpus(paths);
    // New, changed, removed, a sidecar added to the page, and a new article repeating a.md's standing line.
    const ferry = [
      'The Caspian ferry between Baku and Turkmenbashi sailed again on Wednesday after a month in port.',
      'The operator said two more ships would join the line before the end of the year.',
      REPEATED,
    ];
    writeFileSync(join(paths.raw, 'd.md'), article('A ferry sails again', 'Caucasus Watch', ferry));
    writeFileSync(join(paths.raw, 'b.md'), files['b.md'].replace('on Friday', 'on Saturday'));
    rmSync(join(paths.raw, 'c.md'));
    writeFileSync(
      join(paths.raw, 'page.meta.json'),
      JSON.stringify({ retrieved: '2025-07-21', outlet: 'Baku Herald', url: 'https://example.org/summit' }),
    );
    const named = buildCorpus(paths, { only: ['d.md', 'b.md', 'c.md', 'page.meta.json'] }).report;
    // a.md was not named, but its standing line became template text: it was read again, as a full ingest does.
    expect(named.files.map((f) => f.file).sort()).toEqual(['a.md', 'b.md', 'd.md', 'page.html']);
    // c.md's article, and the page's under its old id (the sidecar gives it a URL, which names it now).
    expect(named.removed).toHaveLength(2);
    const incremental = await everything(paths);
    expect(incremental.passages.map((p) => p.text)).not.toContain(REPEATED);
    expect(incremental.articles.find((a) => a.title === 'Baku hosts a summit')?.outlet).toBe('Baku Herald');

    rmSync(paths.build, { recursive: true, force: true });
    buildCorpus(paths);
    expect(incremental).toEqual(await everything(paths));
  });

  it('leaves the files not named alone, even when they changed (the next full ingest reads them)', async () => {
    const paths = tempData(files);
    buildCorpus(paths);
    writeFileSync(join(paths.raw, 'b.md'), files['b.md'].replace('on Friday', 'on Saturday'));
    writeFileSync(join(paths.raw, 'd.md'), article('A ferry sails again', 'Caucasus Watch', ['The Caspian ferry sailed again.']));
    expect(buildCorpus(paths, { only: ['d.md'] }).report.files.map((f) => f.file)).toEqual(['d.md']);
    expect(buildCorpus(paths).report.files.map((f) => f.file)).toEqual(['b.md']);
  });
});
