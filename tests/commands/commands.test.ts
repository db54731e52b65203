import { describe, expect, it } from 'vitest';
import { commands, registeredCommands } from '../../src/commands/index.js';
import { digestCommandData } from '../../src/commands/digest.js';
import { DIGEST_SUBCOMMANDS } from '../../src/commands/digest-subcommands.js';
import { describeProblem } from '../../src/briefing/problems.js';
import { parseCommandLine } from '../../src/parse-command-line.js';

describe('slash command definitions', () => {
  it('registers exactly the /digest subcommands the bot handles, each behind the Manage Server precondition', () => {
    const registered = (digestCommandData.options ?? []).map((o) => o.name).sort();
    expect(Object.keys(DIGEST_SUBCOMMANDS).sort()).toEqual(registered);
    for (const sub of Object.values(DIGEST_SUBCOMMANDS)) expect(sub.preconditions.length).toBe(2);
  });

  it('have unique names and valid Discord limits, and serialise', () => {
    const names = registeredCommands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    type Named = { name: string; description: string; options?: Named[] };
    const check = (o: Named) => {
      expect(o.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      expect((o.options ?? []).length).toBeLessThanOrEqual(25);
      (o.options ?? []).forEach(check);
    };
    for (const data of registeredCommands) {
      check(data as Named);
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    }
    // /digest is for server managers only, by default.
    expect(registeredCommands.find((c) => c.name === 'digest')?.default_member_permissions).toBe('32');
  });
});

describe('parsing a typed command line', () => {
  it('reads values that contain spaces and colons', () => {
    const p = parseCommandLine('/search query:Iran: talks at 10:30', commands);
    expect(p.ok && p.options).toEqual({ query: 'Iran: talks at 10:30' });
    const c = parseCommandLine('/corridor name:Crossroads for Peace', commands);
    expect(c.ok && c.options).toEqual({ name: 'Crossroads for Peace' });
  });

  it('takes a bare value as the first option', () => {
    const p = parseCommandLine('actor Iran', commands);
    expect(p.ok && p.options).toEqual({ name: 'Iran' });
  });

  it('explains unknown commands and missing options, with a code and the words a user reads', () => {
    const said = (line: string) => {
      const p = parseCommandLine(line, commands);
      return p.ok ? null : { code: p.problem.code, text: describeProblem(p.problem) };
    };
    expect(said('/weather')).toEqual({
      code: 'unknown-command',
      text: expect.stringMatching(/^Unknown command "\/weather"\. Commands: \/actor/),
    });
    expect(said('')).toEqual({ code: 'unknown-command', text: expect.stringMatching(/^No command given\./) });
    expect(said('/digest list')).toEqual({ code: 'discord-only-command', text: expect.stringMatching(/runs only in Discord/) });
    expect(said('/search')).toEqual({
      code: 'missing-option',
      text: expect.stringMatching(/^\/search needs query\. Usage: \/search query:<query>/),
    });
    expect(said('/actor nam:Iran')).toEqual({ code: 'unknown-option', text: expect.stringMatching(/^\/actor has no option "nam"/) });
    expect(said('/timeline Iran actor:Iran')).toEqual({ code: 'unexpected-text', text: expect.stringMatching(/^Unexpected text "Iran"/) });
  });

  it('refuses a value of the wrong type, naming the option and what it takes', () => {
    for (const [line, option] of [
      ['/actor name:Iran private:maybe', 'private'],
      ['/timeline actor:Iran chart:maybe', 'chart'],
    ]) {
      const p = parseCommandLine(line!, commands);
      expect(p.ok ? null : p.problem.code).toBe('bad-option-value');
      if (!p.ok) expect(describeProblem(p.problem)).toMatch(new RegExp(`^${option} must be true or false, not "maybe"\\. Usage: /`));
    }
  });
});
