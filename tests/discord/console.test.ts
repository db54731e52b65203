import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/app/console.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { testTmp } from '../helpers/temp-data.js';

const { corpus } = seedCorpus();

/** What the console prints for these typed lines. */
async function session(typed: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d) => (printed += String(d)));
  const done = runConsole(() => corpus, { input, output, ansi: false });
  input.end(typed);
  await done;
  return printed;
}

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

  it('answers /says and /actor said:true with each statement after its speaker, and /says --json with speech', async () => {
    const printed = await session('/says actor:Azerbaijan\n/actor name:Azerbaijan said:true\n/says actor:Azerbaijan --json\nexit\n');
    expect(printed).toContain('What Azerbaijan said · 1 statement(s), newest first');
    expect(printed).toContain('1. Azerbaijan (insisted): “Putin apologised, but Azerbaijan insisted');
    expect(printed).toContain('Its own statements, newest first.');
    expect(printed).toContain('"speech": {');
    expect(printed).toContain('"actor": {\n');
  });

  it('takes the options it advertises (--limit, --json), /help, and suggests the command a typo meant', async () => {
    const printed = await session(
      '/actor name:Iran --limit 2\n/sources --json\n/actor name:Iran --limit 0 --json\n/acter Iran\n/help\n/actor Iran --limit x\nexit\n',
    );
    // --limit 2: two numbered quotes and a count of the rest; not a name "Iran --limit 2".
    expect(printed).toMatch(/ {2}2\. “[^\n]+\n(?:[^\n]*\n)*?\n… 47 more quotes/);
    expect(printed).not.toMatch(/ {2}3\. “/);
    expect(printed).toContain('"command": "sources"');
    expect(printed).toMatch(/"command": "actor",[\s\S]*"name": "Iran"/);
    expect(printed).toContain('Unknown command "/acter". Did you mean /actor?');
    expect(printed).toContain('/brief topic:<topic>');
    expect(printed).toContain('--limit must be a whole number of 0 or more, not "x".');
    expect(printed).not.toContain('No actor called');
  });

  it('writes the chart of a /timeline or /corridor line to the file after --chart', async () => {
    const dir = mkdtempSync(join(testTmp(), 'console-'));
    const file = join(dir, 'az.png');
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += String(d)));
    const done = runConsole(() => corpus, { input, output, ansi: false });
    input.end(`/timeline actor:Azerbaijan --chart ${file}\n/actor name:Iran --chart ${join(dir, 'no.png')}\nexit\n`);
    await done;
    expect(printed).toMatch(/Chart written to .*az\.png \(\d+ KiB\): Timeline of \d+ dated event\(s\)/);
    expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(printed).toContain('/actor has no chart');
    expect(existsSync(join(dir, 'no.png'))).toBe(false);
  });

  it('tests a watch rule as /watch test does, and says where the other /watch verbs live', async () => {
    const printed = await session(
      '/watch test rule:actor:Iran "nuclear" days:all\n/watch test actor:Iran days:9999\n' +
        '/watch test actor:Iran OR (\n/watch add rule:Iran\nexit\n',
    );
    expect(printed).toContain('Rule: actor:Iran "nuclear"\n1 of 4 article(s) in the whole corpus match');
    expect(printed).toContain('days must be a whole number of days from 1 to 365, or all, not "9999".');
    expect(printed).toContain('the rule ends where a term was expected');
    expect(printed).toContain('briefing watch add|list|remove keeps them');
  });
});
