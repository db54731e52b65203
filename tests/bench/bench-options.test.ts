// Benches answer a wrong option with their usage, not a stack trace.
import { describe, expect, it } from 'vitest';
import { readBenchOptions } from './bench-options.js';

const USAGE = 'Usage: npm run bench:example [-- --json] [--runs R]';
const options = { json: { type: 'boolean' }, runs: { type: 'string' } } as const;

describe('bench options', () => {
  it('reads the options a bench knows', () => {
    expect(readBenchOptions(['--json', '--runs', '3'], options, USAGE)).toEqual({ json: true, runs: '3' });
  });

  it('names an unknown option, a missing value and a stray argument, with the usage', () => {
    expect(() => readBenchOptions(['--help'], options, USAGE)).toThrow(/Unknown option '--help'[\s\S]*Usage: npm run bench:example/);
    expect(() => readBenchOptions(['--runs'], options, USAGE)).toThrow(/--runs[\s\S]*argument missing[\s\S]*Usage:/);
    expect(() => readBenchOptions(['extra'], options, USAGE)).toThrow(/Unexpected argument 'extra'[\s\S]*Usage:/);
  });
});
