// The data folder: DIR/raw (inputs), DIR/gazetteer.json, DIR/feeds.json and
// DIR/build (generated). Finding and reading inputs lives here; parsing does not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DataFileError, fromZodError, parseJsonFile } from './data-file-error.js';
import { gazetteerSchema, rawSidecarSchema, type Gazetteer, type RawSidecar } from './schema.js';

export interface DataPaths {
  root: string;
  raw: string;
  gazetteer: string;
  build: string;
  /** The followed feeds (feeds.json); absent until one is added. */
  feeds: string;
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    raw: join(root, 'raw'),
    gazetteer: join(root, 'gazetteer.json'),
    build: join(root, 'build'),
    feeds: join(root, 'feeds.json'),
  };
}

/** Paths as users see them in messages: relative to the working directory when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}

/** Every file under dir, hidden ones left out, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

export function readGazetteer(paths: DataPaths): { gazetteer: Gazetteer; text: string } {
  const file = shown(paths.gazetteer);
  if (!existsSync(paths.gazetteer)) throw new DataFileError(file, 'not found; the gazetteer lists the actors and corridors to tag');
  const text = readFileSync(paths.gazetteer, 'utf8');
  const parsed = gazetteerSchema.safeParse(parseJsonFile(file, text));
  if (!parsed.success) throw fromZodError(file, parsed.error);
  return { gazetteer: parsed.data, text };
}

/** The names a sidecar of "page.txt" may have: "page.meta.json", then "page.txt.meta.json". */
export function sidecarNames(file: string): [string, string] {
  return [`${file.replace(/\.[^./\\]+$/, '')}.meta.json`, `${file}.meta.json`];
}

/** Sidecar for "page.txt": "page.meta.json" (or "page.txt.meta.json"). */
export function sidecarFor(file: string, all: Set<string>): string | null {
  return sidecarNames(file).find((c) => all.has(c)) ?? null;
}

export function readSidecar(path: string): RawSidecar {
  const file = shown(path);
  const parsed = rawSidecarSchema.safeParse(parseJsonFile(file, readFileSync(path, 'utf8')));
  if (!parsed.success) throw fromZodError(file, parsed.error);
  return parsed.data;
}

/** Every name the gazetteer knows, for the layout cues. */
export function gazetteerNames(g: Gazetteer): string[] {
  return [
    ...g.actors.flatMap((a) => [a.name, ...a.aliases, ...a.adjectives]),
    ...g.corridors.flatMap((c) => [c.name, ...c.aliases]),
    ...g.ignore,
  ];
}
