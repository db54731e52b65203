// The house's shape, checked on the source: imports point one way (no
// cycles), the Discord router names no command, and the processes that talk
// to Discord over REST alone (serve, worker) never load the gateway client.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import { REPO } from './helpers/temp-data.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of every file (type-only ones too: a cycle of types is still a tangle). */
function importGraph(): Map<string, string[]> {
  const files = sources(join(REPO, 'src'));
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

/** The packages a process loads, following the imports that run (not `import type`) from its entry file. */
function packagesLoadedFrom(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'|\bimport\('([^']+)'\)/gms)) {
      const target = (m[1] ?? m[2])!;
      if (target.startsWith('.')) visit(resolve(dirname(f), target.replace(/\.js$/, '.ts')));
      else if (!packages.has(target)) packages.set(target, relative(REPO, f));
    }
  };
  visit(entry);
  return packages;
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
  it('has no import cycles in src/', () => {
    const cycle = findCycle(importGraph());
    expect(cycle?.map((f) => relative(REPO, f)) ?? null).toBeNull();
  });

  it('has no line over 140 characters (a long regular expression is built from pieces)', () => {
    const files = [...sources(join(REPO, 'src')), ...sources(join(REPO, 'tests'))];
    const long = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, n) => ({ at: `${relative(REPO, f)}:${n + 1}`, line }))
        .filter(({ line }) => line.length > 140),
    );
    expect(long.map((l) => l.at)).toEqual([]);
  });

  it('loads no discord.js in `briefing serve` and `briefing worker`: they speak REST, so they start lighter', () => {
    for (const entry of ['src/app/serve.ts', 'src/app/worker.ts']) {
      const loaded = packagesLoadedFrom(join(REPO, entry));
      expect(loaded.has('zod'), `${entry} is followed`).toBe(true);
      expect(loaded.get('discord.js'), `${entry} reaches discord.js through`).toBeUndefined();
    }
  });

  it('keeps the root of src/ to the CLI entry, config, logger and shared contracts: the wiring lives in src/app/', () => {
    const root = readdirSync(join(REPO, 'src'), { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts'));
    expect(root.map((e) => e.name).sort()).toEqual(['async.ts', 'cli.ts', 'command.ts', 'config.ts', 'logger.ts', 'parse-command-line.ts']);
  });

  it('keeps command names out of both Discord adapters and the pipeline they feed: commands come from the one registry', () => {
    const adapters = [
      join(REPO, 'src/discord/router.ts'),
      ...sources(join(REPO, 'src/discord/http')),
      ...sources(join(REPO, 'src/discord/pipeline')),
    ];
    for (const file of adapters) {
      // The code, without its comments: a comment may say which command a path serves.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const c of commands) expect(code, relative(REPO, file)).not.toMatch(new RegExp(`['"\`/]${c.data.name}\\b(?!['"\`]?\\.|-)`));
    }
  });

  it('has one command table: every command is listed in src/commands/index.ts and imported nowhere else in src/', () => {
    const files = sources(join(REPO, 'src'));
    const exported = files
      .filter((f) => f.includes('/src/commands/'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^export const (\w+Command)\b/gm)].map((m) => m[1]!));
    expect(exported.length).toBe(commands.length);
    const importers = files.filter((f) =>
      exported.some((name) => new RegExp(`import \\{[^}]*\\b${name}\\b`).test(readFileSync(f, 'utf8'))),
    );
    expect(importers.map((f) => relative(REPO, f))).toEqual(['src/commands/index.ts']);
  });
});
