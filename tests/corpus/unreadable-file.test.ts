// A file whose reading throws (a page nested too deeply for a parser to walk, markup it does not expect) is one
// skipped file with its reason: the rest of raw/ is ingested. Before, the error stopped the whole ingest, and with it
// every feed poll after it. (A real page nested deep enough takes seconds to overflow the stack: the reading is
// stood in for here; the parse that overflows was measured by hand, 6,000 nested spans.)
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/corpus/data-file-error.js';
import { readArticles } from '../../src/corpus/db/sync-raw.js';

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
