// The data folder: DIR/raw (inputs), DIR/gazetteer.json and DIR/build
// (generated). Reading and hashing inputs lives here; parsing does not.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DataFileError, fromZodError, parseJsonFile } from './data-file-error.js';
import type { RawInput } from './ingest/ingest.js';
import { gazetteerSchema, rawSidecarSchema, type Gazetteer, type RawSidecar } from './schema.js';

/** Bump when ingest output changes for the same input, so old builds are rebuilt. */
export const INGEST_VERSION = '2';

export interface DataPaths {
  root: string;
  raw: string;
  gazetteer: string;
  build: string;
}

export function dataPaths(root: string): DataPaths {
  return { root, raw: join(root, 'raw'), gazetteer: join(root, 'gazetteer.json'), build: join(root, 'build') };
}

/** Paths as users see them in messages: relative to the working directory when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

export interface RawFolder {
  inputs: RawInput[];
  /** sha256 over every raw file, the gazetteer and the ingest version. */
  hash: string;
  gazetteer: Gazetteer;
}

export function readGazetteer(paths: DataPaths): { gazetteer: Gazetteer; text: string } {
  const file = shown(paths.gazetteer);
  if (!existsSync(paths.gazetteer)) throw new DataFileError(file, 'not found; the gazetteer lists the actors and corridors to tag');
  const text = readFileSync(paths.gazetteer, 'utf8');
  const parsed = gazetteerSchema.safeParse(parseJsonFile(file, text));
  if (!parsed.success) throw fromZodError(file, parsed.error);
  return { gazetteer: parsed.data, text };
}

/** Sidecar for "page.txt": "page.meta.json" (or "page.txt.meta.json"). */
function sidecarFor(file: string, all: Set<string>): string | null {
  const stem = file.replace(/\.[^./\\]+$/, '');
  for (const c of [`${stem}.meta.json`, `${file}.meta.json`]) if (all.has(c)) return c;
  return null;
}

export function readRawFolder(paths: DataPaths): RawFolder {
  if (!existsSync(paths.raw)) throw new DataFileError(shown(paths.raw), 'folder not found; put article files (.txt, .md, .json, .jsonl) there');
  const files = listFiles(paths.raw);
  const all = new Set(files);
  const { gazetteer, text: gazText } = readGazetteer(paths);
  const hash = createHash('sha256').update(`ingest ${INGEST_VERSION}\n`).update(gazText);
  const inputs: RawInput[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const rel = relative(paths.raw, f).split(sep).join('/');
    hash.update(`\n${rel}\n`).update(createHash('sha256').update(text).digest('hex'));
    if (f.endsWith('.meta.json')) continue;
    const sc = sidecarFor(f, all);
    inputs.push({ file: rel, text, sidecar: sc ? readSidecar(sc) : null, mtimeDay: statSync(f).mtime.toISOString().slice(0, 10) });
  }
  return { inputs, hash: hash.digest('hex'), gazetteer };
}

function readSidecar(path: string): RawSidecar {
  const file = shown(path);
  const parsed = rawSidecarSchema.safeParse(parseJsonFile(file, readFileSync(path, 'utf8')));
  if (!parsed.success) throw fromZodError(file, parsed.error);
  return parsed.data;
}

/** Every name the gazetteer knows, for the layout cues. */
export function gazetteerNames(g: Gazetteer): string[] {
  return [...g.actors.flatMap((a) => [a.name, ...a.aliases, ...a.adjectives]), ...g.corridors.flatMap((c) => [c.name, ...c.aliases]), ...g.ignore];
}
