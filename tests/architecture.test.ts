// The house's shape, checked on the source: imports point one way (no
// cycles), and the Discord router names no command.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { discordCommands } from '../src/discord/discord-commands.js';
import { REPO } from './helpers/temp-data.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of every file (type-only ones too: a cycle of types is still a tangle). */
function importGraph(): Map<string, string[]> {
  const files = [...sources(join(REPO, 'src')), ...sources(join(REPO, 'commands'))];
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms)].map((m) =>
      resolve(dirname(f), m[1]!.replace(/\.js$/, '.ts')),
    );
    graph.set(f, targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...path.slice(path.indexOf(f)), f];
    state.set(f, 'open');
    path.push(f);
    for (const t of graph.get(f) ?? []) {
      const cycle = visit(t);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of graph.keys()) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

describe('the shape of the code', () => {
  it('has no import cycles in src/ and commands/', () => {
    const cycle = findCycle(importGraph());
    expect(cycle?.map((f) => relative(REPO, f)) ?? null).toBeNull();
  });

  it('has no line over 140 characters (a long regular expression is built from pieces)', () => {
    const files = [...sources(join(REPO, 'src')), ...sources(join(REPO, 'commands')), ...sources(join(REPO, 'tests'))];
    const long = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, n) => ({ at: `${relative(REPO, f)}:${n + 1}`, line }))
        .filter(({ line }) => line.length > 140),
    );
    expect(long.map((l) => l.at)).toEqual([]);
  });

  it('keeps command names out of the Discord router', () => {
    const router = readFileSync(join(REPO, 'src/discord/router.ts'), 'utf8');
    for (const c of [...commands, ...discordCommands]) expect(router).not.toMatch(new RegExp(`['"\`]${c.data.name}['"\`]`));
  });
});
