// Template text learnt from repetition, against real SQLite files: a passage in
// two articles of one outlet is the outlet's furniture, never a quote.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import type { DataPaths } from '../../src/corpus/data-dir.js';
import { contents } from '../helpers/corpus-contents.js';
import { tempData } from '../helpers/temp-data.js';

// A standing line no wording rule knows: only repetition tells it from reporting.
const APPEAL = 'Our correspondents file from Yerevan, Baku and Tbilisi in every week of the year, whatever the season.';

function article(title: string, outlet: string, body: string[]): string {
  return [
    `---`,
    `title: ${title}`,
    `outlet: ${outlet}`,
    `author: Ani Petrosyan`,
    `published: 2025-07-20`,
    `---`,
    '',
    ...body.join('\n\n').split('\n'),
  ].join('\n');
}

const talks = (outlet: string) =>
  article('Talks resume in Abu Dhabi', outlet, [
    'Armenia and Azerbaijan resumed talks in Abu Dhabi on Monday after a pause of two months.',
    'The delegations discussed the opening of rail links across Syunik and the demarcation of the border.',
    APPEAL,
  ]);
const pipeline = (outlet: string) =>
  article('A pipeline reaches the Black Sea', outlet, [
    'Georgia opened a new section of the gas pipeline to the Black Sea coast on Friday.',
    'The operator said exports through the line would double within a year of the opening.',
    APPEAL,
  ]);

async function quoted(paths: DataPaths): Promise<string[]> {
  const corpus = openCorpus(paths);
  try {
    return (await contents(corpus)).passages.map((p) => p.text);
  } finally {
    corpus.close();
  }
}

describe('template text learnt from repetition', () => {
  it('is quoted in one article, hidden in both once another of the outlet repeats it, and back when that one goes', async () => {
    const paths = tempData({ 'a-talks.md': talks('Caucasus Watch') });
    buildCorpus(paths);
    expect(await quoted(paths)).toContain(APPEAL);

    writeFileSync(join(paths.raw, 'b-pipeline.md'), pipeline('Caucasus Watch'));
    const report = buildCorpus(paths).report;
    const texts = await quoted(paths);
    expect(texts).not.toContain(APPEAL);
    // The reporting of both articles stays.
    expect(texts.some((t) => t.startsWith('Armenia and Azerbaijan resumed talks'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Georgia opened a new section'))).toBe(true);
    // The first article was read again to drop it.
    expect(report.files.map((f) => f.file).sort()).toEqual(['a-talks.md', 'b-pipeline.md']);

    rmSync(join(paths.raw, 'b-pipeline.md'));
    buildCorpus(paths);
    expect(await quoted(paths)).toContain(APPEAL);
  });

  it('is learnt from two articles of one file, which is read again once, and reported once', async () => {
    const record = (title: string, body: string[]) =>
      JSON.stringify({ title, outlet: 'Caucasus Watch', author: 'Ani Petrosyan', published: '2025-07-20', body });
    const jsonl = [
      record('Talks resume in Abu Dhabi', ['Armenia and Azerbaijan resumed talks in Abu Dhabi on Monday after a pause.', APPEAL]),
      record('A pipeline reaches the Black Sea', ['Georgia opened a new section of the gas pipeline on Friday.', APPEAL]),
    ].join('\n');
    const paths = tempData({ 'watch.jsonl': jsonl });
    const report = buildCorpus(paths).report;
    expect(await quoted(paths)).not.toContain(APPEAL);
    expect((await quoted(paths)).some((t) => t.startsWith('Georgia opened a new section'))).toBe(true);
    expect(report.files.map((f) => f.file)).toEqual(['watch.jsonl']);
    expect(report.added).toHaveLength(2);
    expect(report.changed).toEqual([]);
  });

  it('gives the same corpus when rebuilt from raw/ as it did incrementally', async () => {
    const paths = tempData({ 'a-talks.md': talks('Caucasus Watch') });
    buildCorpus(paths);
    writeFileSync(join(paths.raw, 'b-pipeline.md'), pipeline('Caucasus Watch'));
    buildCorpus(paths);
    const incremental = (await quoted(paths)).sort();
    rmSync(paths.build, { recursive: true, force: true });
    buildCorpus(paths);
    expect((await quoted(paths)).sort()).toEqual(incremental);
  });

  it('is not learnt across outlets: the same sentence in two outlets is a shared story, quoted in both', async () => {
    const paths = tempData({ 'a-talks.md': talks('Caucasus Watch'), 'b-pipeline.md': pipeline('Black Sea Daily') });
    buildCorpus(paths);
    expect((await quoted(paths)).filter((t) => t === APPEAL)).toHaveLength(2);
  });

  it('is not learnt from two versions of one story (most passages shared), nor from copies under one title', async () => {
    const updated = talks('Caucasus Watch')
      .replace('Talks resume in Abu Dhabi', 'Talks resume in Abu Dhabi, with a date for the next round')
      .replace('after a pause of two months.', 'after a pause of two months, and set a date for the next round.');
    const paths = tempData({ 'a-talks.md': talks('Caucasus Watch'), 'b-talks-updated.md': updated });
    buildCorpus(paths);
    expect((await quoted(paths)).filter((t) => t === APPEAL)).toHaveLength(2);
  });

  it('learns nothing from short lines, which are too generic to tell', async () => {
    const short = 'Read the full report here.';
    const paths = tempData({
      'a.md': talks('Caucasus Watch').replace(APPEAL, short),
      'b.md': pipeline('Caucasus Watch').replace(APPEAL, short),
    });
    buildCorpus(paths);
    expect((await quoted(paths)).filter((t) => t === short)).toHaveLength(2);
  });
});
