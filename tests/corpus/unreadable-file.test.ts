// A file whose reading throws (a page nested too deeply for a parser to walk, markup it does not expect) is one
// skipped file with its reason: the rest of raw/ is ingested. Before, the error stopped the whole ingest, and with it
// every feed poll after it. (A real page nested deep enough takes seconds to overflow the stack: the reading is
// stood in for here; the parse that overflows was measured by hand, 6,000 nested spans.)
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-store.js';
import { DataFileError } from '../../src/corpus/data-file-error.js';
import { readArticles } from '../../src/corpus/db/sync-raw.js';
import { newsParagraphs } from '../helpers/news-pages.js';
import { tempData } from '../helpers/temp-data.js';

const article = (title: string, seed: string) => `# ${title}\n\n${newsParagraphs(seed).join('\n\n')}\n`;

describe('a file that cannot be read', () => {
  it('says which file and why, as a data file problem the ingest skips', () => {
    const deep = () =>
      readArticles('feeds/wire/deep.html', () => {
        throw new RangeError('Maximum call stack size exceeded');
      });
    expect(deep).toThrow(DataFileError);
    expect(deep).toThrow('feeds/wire/deep.html: the page is nested too deeply to read (RangeError: Maximum call stack size exceeded)');
    expect(() =>
      readArticles('odd.html', () => {
        throw new TypeError("Cannot read properties of null (reading 'tagName')");
      }),
    ).toThrow(/^odd\.html: it could not be read \(TypeError: Cannot read properties of null/);
  });

  it('passes a data file problem on as it is, and a reading that works as its result', () => {
    const yaml = new DataFileError('a.md', 'front matter is not valid YAML');
    expect(() =>
      readArticles('a.md', () => {
        throw yaml;
      }),
    ).toThrow(yaml);
    expect(readArticles('b.md', () => 42)).toBe(42);
  });
});

describe('a file that goes away while the ingest runs', () => {
  it('is skipped with that reason, and the files around it are ingested', () => {
    const paths = tempData({
      'a.md': article('Ferries resume', 'iota'),
      'b.md': article('Border talks', 'kappa'),
      'c.md': article('Rail link', 'lambda'),
    });
    // Removed after the listing, just before it is read: a user tidying raw/, a sync removing it.
    const r = buildCorpus(paths, { progress: (_, __, file) => file === 'b.md' && rmSync(join(paths.raw, 'b.md')) }).report;
    expect(r.skipped).toEqual([{ file: 'b.md', reason: 'removed while the ingest ran' }]);
    expect(r.added).toHaveLength(2);
  });
});
