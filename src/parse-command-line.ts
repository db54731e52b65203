// Parses what a user would type in Discord ("/actor name:Iran",
// "/corridor name:Crossroads for Peace") against the command's own option
// list. A value runs until the next known "option:", so "query:Iran: 10:30"
// keeps its colons.
import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import { closestName, type Problem, type Result } from './briefing/problems.js';
import type { Command, ManagementCommandData, OptionValue } from './command.js';

export type ParsedLine = Result<{ command: Command; options: Record<string, OptionValue> }>;

function optionsOf(c: Command): APIApplicationCommandBasicOption[] {
  return (c.data.options ?? []) as APIApplicationCommandBasicOption[];
}

export function usage(c: Command): string {
  const opts = optionsOf(c).map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:<${o.name}>]`));
  return [`/${c.data.name}`, ...opts].join(' ');
}

function convert(o: APIApplicationCommandBasicOption, raw: string): OptionValue | { expected: 'number' | 'boolean' } {
  switch (o.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(raw);
      const ok = raw.trim() !== '' && Number.isFinite(n) && (o.type !== ApplicationCommandOptionType.Integer || Number.isInteger(n));
      return ok ? n : { expected: 'number' };
    }
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|1)$/i.test(raw)) return true;
      if (/^(false|no|0)$/i.test(raw)) return false;
      return { expected: 'boolean' };
    default:
      return raw;
  }
}

const fail = (problem: Problem): ParsedLine => ({ ok: false, problem });

/** Parses a line against the registry: an answer command's options, or why the line names none that runs here. */
export function parseCommandLine(line: string, registry: readonly (Command | ManagementCommandData)[]): ParsedLine {
  const m = /^\s*\/?([^\s]*)\s*([\s\S]*)$/.exec(line)!;
  const name = m[1]!.toLowerCase();
  const commands = registry.filter((c): c is Command => c.kind !== 'management');
  const known = commands.map((c) => c.data.name);
  const found = registry.find((c) => c.data.name === name);
  if (found?.kind === 'management') return fail({ code: 'discord-only-command', name, known, ...(found.cli ? { cli: found.cli } : {}) });
  const command = found as Command | undefined;
  if (!command) return fail({ code: 'unknown-command', name, known, closest: name ? closestName(name, known) : undefined });
  const defs = optionsOf(command);
  const rest = m[2]!.trim();
  const keyRe = new RegExp(`(?:^|\\s)(${defs.map((d) => d.name).join('|') || '(?!)'}):`, 'g');
  const keys = [...rest.matchAll(keyRe)];
  const raw: Record<string, string> = {};
  const lead = rest.slice(0, keys[0]?.index ?? rest.length).trim();
  if (lead) {
    const stray = /^([a-z_]+):\S/.exec(lead);
    if (stray) return fail({ code: 'unknown-option', command: name, option: stray[1]!, usage: usage(command) });
    const first = defs[0];
    if (!first || keys.length > 0) return fail({ code: 'unexpected-text', text: lead, usage: usage(command) });
    raw[first.name] = lead; // "/actor Iran" means "/actor name:Iran"
  }
  keys.forEach((k, i) => {
    const start = (k.index ?? 0) + k[0].length;
    raw[k[1]!] = rest.slice(start, keys[i + 1]?.index ?? rest.length).trim();
  });
  const options: Record<string, OptionValue> = {};
  for (const d of defs) {
    const v = raw[d.name];
    if (v === undefined) {
      if (d.required) return fail({ code: 'missing-option', command: name, option: d.name, usage: usage(command) });
      continue;
    }
    const converted = convert(d, v);
    if (typeof converted === 'object')
      return fail({ code: 'bad-option-value', option: d.name, value: v, expected: converted.expected, usage: usage(command) });
    options[d.name] = converted;
  }
  return { ok: true, command, options };
}
