import { describe, expect, it } from 'vitest';
import { describeStartupError } from '../../src/app/startup-errors.js';

const where = { apiUrl: 'https://discord.com/api', dataDir: '/srv/briefing/data' };
const failed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });

describe('start-up errors in one line', () => {
  it('names DNS, network and permission failures by what to check', () => {
    expect(describeStartupError(failed('ENOTFOUND'), where)).toBe(
      "Cannot reach Discord's API: the host discord.com could not be resolved (DNS). Check DISCORD_API_URL and this machine's network.",
    );
    expect(describeStartupError(failed('ECONNRESET'), where)).toMatch(
      /^Cannot reach Discord's API at https:\/\/discord\.com\/api \(ECONNRESET\)/,
    );
    expect(
      describeStartupError(
        Object.assign(new Error("EACCES: permission denied, open '/srv/briefing/data/build/ingest.lock'"), { code: 'EACCES' }),
        where,
      ),
    ).toMatch(/^Cannot write under \/srv\/briefing\/data \(EACCES\): .*ingest\.lock.*needs to write DATA_DIR\/build/);
  });

  it('leaves anything it does not recognise to the stack trace', () => {
    expect(describeStartupError(new RangeError('a bug'), where)).toBeNull();
  });
});

describe('an unhandled rejection', () => {
  it('is logged with its stack, and the bot keeps running', async () => {
    const { logUnhandled } = await import('../../src/app/process-start.js');
    const { makeLogger } = await import('../../src/logger.js');
    const lines: string[] = [];
    logUnhandled(makeLogger('info', (l) => lines.push(l)))(new Error('a promise nobody awaited'));
    expect(lines).toEqual([
      expect.stringMatching(/ERROR unhandled rejection \(the bot keeps running\): Error: a promise nobody awaited\n\s+at /),
    ]);
  });
});
