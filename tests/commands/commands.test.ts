import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';

describe('slash command definitions', () => {
  it('have unique names and valid Discord limits, and serialise', () => {
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of commands) {
      expect(c.data.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(c.data.description.length).toBeGreaterThan(0);
      expect(c.data.description.length).toBeLessThanOrEqual(100);
      for (const o of c.data.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
      expect(JSON.parse(JSON.stringify(c.data))).toEqual(c.data);
    }
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

  it('explains unknown commands and missing options', () => {
    const u = parseCommandLine('/weather', commands);
    expect(!u.ok && u.message).toMatch(/Unknown command "\/weather"/);
    const m = parseCommandLine('/search', commands);
    expect(!m.ok && m.message).toMatch(/needs query/);
  });
});
