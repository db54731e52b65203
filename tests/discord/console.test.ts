import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const { corpus } = seedCorpus();

describe('local console', () => {
  it('answers typed slash commands as text through the same commands, and explains mistakes', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += String(d)));
    const done = runConsole(() => corpus, { input, output, ansi: false });
    input.end('/actor name:Iran\n/timeline actor:Azerbaijan from:2024\n/weather\nhelp\n/timeline from:2024-13\nexit\n');
    await done;
    expect(printed).toContain('Iran · country · mentioned in 3 article(s)');
    expect(printed).toContain('── 2024 ──');
    expect(printed).toContain('Unknown command "/weather"');
    expect(printed).toContain('/brief topic:<topic>');
    expect(printed).toContain('from "2024-13" is not a date');
  });
});
