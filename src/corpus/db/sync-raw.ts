// Incremental ingest: brings the corpus database in line with raw/ and the
// gazetteer. A file whose size and time are unchanged is not even read; a new
// or changed file costs only itself, in one transaction; a removed file takes
// its articles with it. When one article is in several files, the richest
// copy is served, and removing it brings the next copy back. When the caller
// knows which files changed (a feed poll saved them, a sync brought them in),
// only those are looked at, not every file of raw/.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { DataFileError } from '../data-file-error.js';
import { gazetteerNames, listFiles, readGazetteer, readSidecar, shown, sidecarFor, type DataPaths } from '../data-dir.js';
import { compileGazetteer, type GazetteerMatcher } from '../extract/gazetteer-matcher.js';
import { formatOf, ingestFile, NOT_AN_ARTICLE_FORMAT, type IngestReport, type Progress, type RawInput } from '../ingest/ingest.js';
import { foldKey } from '../../text/normalize.js';
import { articleRows, type ArticleRows } from './article-rows.js';
import type { Db } from './corpus-db.js';
import { retagAll } from './retag.js';
import { templateSentences, type TemplateSentences } from './template-sentences.js';

interface RawFile {
  /** Relative to raw/, with forward slashes. */
  rel: string;
  abs: string;
  sidecar: string | null;
  stat: string;
}

interface Known {
  stat: string;
  fingerprint: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const statOf = (f: string | null) => {
  if (!f) return '-';
  const s = statSync(f);
  return `${s.size}:${s.mtimeMs}`;
};
const isSidecar = (f: string) => f.toLowerCase().endsWith('.meta.json');

function rawFile(paths: DataPaths, abs: string, all: Set<string>): RawFile {
  const sidecar = sidecarFor(abs, all);
  return { rel: relative(paths.raw, abs).split(sep).join('/'), abs, sidecar, stat: `${statOf(abs)}|${statOf(sidecar)}` };
}

function scan(paths: DataPaths): RawFile[] {
  const files = listFiles(paths.raw);
  const all = new Set(files);
  return files.filter((f) => !isSidecar(f)).map((abs) => rawFile(paths, abs, all));
}

/**
 * Only the files named (relative to raw/), a sidecar standing for the article files beside it: those that exist, and
 * the paths of those that are gone.
 */
function scanOnly(paths: DataPaths, only: readonly string[]): { files: RawFile[]; gone: string[] } {
  // Each folder listed once, with its article files by stem: a sync may name thousands of sidecars in one folder.
  const listings = new Map<string, { all: Set<string>; byStem: Map<string, string[]> }>();
  const listing = (dir: string) => {
    let l = listings.get(dir);
    if (!l) {
      const all = new Set(existsSync(dir) ? readdirSync(dir).map((n) => join(dir, n)) : []);
      const byStem = new Map<string, string[]>();
      for (const f of all) {
        if (isSidecar(f)) continue;
        for (const key of [f.replace(/\.[^./\\]+$/, ''), f]) byStem.set(key, [...(byStem.get(key) ?? []), f]);
      }
      l = { all, byStem };
      listings.set(dir, l);
    }
    return l;
  };
  const articles = new Set<string>();
  for (const rel of only) {
    const abs = join(paths.raw, ...rel.split('/'));
    if (!isSidecar(abs)) {
      articles.add(abs);
      continue;
    }
    // A sidecar changed: the article files it belongs to ("page.meta.json" is page.html's, "page.html.meta.json" too).
    const l = listing(dirname(abs));
    for (const f of l.byStem.get(abs.slice(0, -'.meta.json'.length)) ?? []) if (sidecarFor(f, l.all) === abs) articles.add(f);
  }
  const files: RawFile[] = [];
  const gone: string[] = [];
  for (const abs of articles) {
    if (existsSync(abs)) files.push(rawFile(paths, abs, listing(dirname(abs)).all));
    else gone.push(relative(paths.raw, abs).split(sep).join('/'));
  }
  return { files, gone };
}

/**
 * Largest file read whole. An article is a few hundred KB at most; a bigger
 * file is a mistake (a saved video page, a database dump) and would hold the
 * ingest for minutes. JSON Lines and JSON hold many articles, so they get more.
 */
const MAX_FILE_BYTES = { article: 2 * 1024 * 1024, page: 6 * 1024 * 1024, records: 64 * 1024 * 1024 };

/** Errors of a file's own reading: it went away after the listing, or may not be read. Not the disk's (ENOSPC, EIO). */
const UNREADABLE = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ELOOP']);

function readInput(f: RawFile): { input: RawInput; fingerprint: string } {
  try {
    return readInputOf(f);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (!code || !UNREADABLE.has(code)) throw e;
    throw new DataFileError(f.rel, code === 'ENOENT' ? 'removed while the ingest ran' : `cannot be read (${code})`);
  }
}

function readInputOf(f: RawFile): { input: RawInput; fingerprint: string } {
  const size = statSync(f.abs).size;
  // A saved web page carries its scripts and styles: the fetcher reads up to 5 MB of one.
  const max = /\.(jsonl?|ndjson)$/i.test(f.rel)
    ? MAX_FILE_BYTES.records
    : /\.html?$/i.test(f.rel)
      ? MAX_FILE_BYTES.page
      : MAX_FILE_BYTES.article;
  if (size > max)
    throw new DataFileError(
      f.rel,
      `${(size / 2 ** 20).toFixed(1)} MB is over the ${max / 2 ** 20} MB a file of this kind may have; split it or remove it`,
    );
  const text = readFileSync(f.abs, 'utf8');
  const sidecarText = f.sidecar ? readFileSync(f.sidecar, 'utf8') : '';
  const input: RawInput = {
    file: f.rel,
    text,
    sidecar: f.sidecar ? readSidecar(f.sidecar) : null,
    mtimeDay: statSync(f.abs).mtime.toISOString().slice(0, 10),
  };
  return { input, fingerprint: `${sha(text)}:${sha(sidecarText)}` };
}

export interface SyncOptions {
  progress?: Progress;
  log?: (line: string) => void;
  /** The files that changed, relative to raw/ (new, changed or removed): only they are looked at. Absent: all of raw/. */
  only?: readonly string[];
}

interface FileWork {
  db: Db;
  rows: ArticleRows;
  report: IngestReport;
  /** Files whose copy of an article must be served again because the served copy went away, or whose template text changed. */
  dirty: Set<string>;
  templates: TemplateSentences;
  /** Keys of the articles removed in the current transaction, checked at its end (flagTemplates). */
  removedKeys: { outlet: string; keys: string[] }[];
}

/** Which copy of an article is served: the richest; on a tie the first file in order, then the first in the file. */
function winner(db: Db, articleId: string): { file: string; pos: number } | undefined {
  return db.prepare(`SELECT file, pos FROM copies WHERE article_id = ? ORDER BY richness DESC, file, pos LIMIT 1`).get(articleId) as
    | { file: string; pos: number }
    | undefined;
}

function servedFrom(db: Db, articleId: string): string | undefined {
  return db.prepare(`SELECT file FROM articles WHERE id = ?`).pluck().get(articleId) as string | undefined;
}

/** Removes a file's copies and the articles it served; returns their ids. */
function dropFile(w: FileWork, file: string): string[] {
  const served = w.db.prepare(`SELECT id FROM articles WHERE file = ?`).pluck().all(file) as string[];
  w.db.prepare(`DELETE FROM copies WHERE file = ?`).run(file);
  for (const id of served) removeArticle(w, id);
  return served;
}

function removeArticle(w: FileWork, id: string): void {
  const held = w.templates.keysOf(id);
  if (held) w.removedKeys.push(held);
  w.rows.remove(id);
}

/**
 * Articles that show a passage now template text, or hide one that no longer is, are read again: those of other
 * files, and of this file when two of its own articles share a passage (true then).
 */
function flagTemplates(w: FileWork, file: string): boolean {
  let self = false;
  for (const f of w.templates.takeStale()) {
    if (f === file) self = true;
    else w.dirty.add(f);
  }
  for (const t of w.removedKeys) for (const f of w.templates.staleAfterRemoval(t.outlet, t.keys, file)) w.dirty.add(f);
  w.removedKeys = [];
  return self;
}

/** Articles no file serves any more but another file has a copy of: that file is read again. */
function handOver(w: FileWork, ids: string[]): void {
  for (const id of ids) {
    if (servedFrom(w.db, id)) continue;
    const next = winner(w.db, id);
    if (next) w.dirty.add(next.file);
  }
}

/**
 * Reading a file touches nothing but the file: whatever it throws is about this file (a page nested too deeply to walk,
 * markup a parser did not expect). It is skipped and said so, and the rest of raw/ goes on; before, one such page
 * stopped the whole ingest, and with it every feed poll after it.
 */
export function readArticles<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    const why = e instanceof RangeError ? 'the page is nested too deeply to read' : 'it could not be read';
    throw new DataFileError(file, `${why} (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`);
  }
}

function applyFile(
  w: FileWork,
  f: RawFile,
  matcher: GazetteerMatcher,
  names: string[],
  known: Set<string>,
  stored: Known | undefined,
): void {
  const { input, fingerprint } = readInput(f);
  if (stored && stored.fingerprint === fingerprint && !w.dirty.has(f.rel)) {
    w.db.prepare(`UPDATE files SET stat = ? WHERE path = ?`).run(f.stat, f.rel);
    w.report.unchanged++;
    return;
  }
  w.templates.beginFile(f.rel);
  const ingested = readArticles(f.rel, () => ingestFile(input, matcher, names, known, w.templates.lookup));
  if (!ingested) {
    w.report.skipped.push({ file: f.rel, reason: NOT_AN_ARTICLE_FORMAT });
    return;
  }
  let readAgain = false;
  w.db.transaction(() => {
    const had = dropFile(w, f.rel);
    const served = new Set<string>();
    // Each article is written as soon as it is built; a later, richer copy in the same file replaces it.
    for (const a of ingested.articles) {
      w.db
        .prepare(`INSERT OR REPLACE INTO copies (article_id, file, pos, richness) VALUES (?, ?, ?, ?)`)
        .run(a.article.id, f.rel, a.pos, a.richness);
      const best = winner(w.db, a.article.id)!;
      if (best.file !== f.rel || best.pos !== a.pos) {
        if (best.file !== f.rel) w.report.merged.push({ title: a.article.title, kept: best.file, dropped: f.rel });
        continue;
      }
      const other = servedFrom(w.db, a.article.id);
      if (other && other !== f.rel) w.report.merged.push({ title: a.article.title, kept: f.rel, dropped: other });
      removeArticle(w, a.article.id);
      w.rows.insert(a, a.pos);
      served.add(a.article.id);
      (other || had.includes(a.article.id) ? w.report.changed : w.report.added).push(a.article.id);
    }
    handOver(w, had);
    readAgain = flagTemplates(w, f.rel);
    for (const id of had) if (!served.has(id) && !servedFrom(w.db, id)) w.report.removed.push(id);
    w.db
      .prepare(`INSERT OR REPLACE INTO files (path, stat, fingerprint, report) VALUES (?, ?, ?, ?)`)
      .run(f.rel, f.stat, fingerprint, JSON.stringify(ingested.report));
  })();
  w.dirty.delete(f.rel);
  if (readAgain) w.dirty.add(f.rel);
  // A file read again in the same run reports once, as it was read last.
  const earlier = w.report.files.findIndex((r) => r.file === f.rel);
  if (earlier >= 0) w.report.files[earlier] = ingested.report;
  else w.report.files.push(ingested.report);
}

/** A file outside those named that must be read again (it serves an article now, or holds template text), added to the scan. */
function named1(
  paths: DataPaths,
  rel: string,
  onDisk: RawFile[],
  stored: Map<string, { path: string } & Known>,
  storedRow: { get(path: string): unknown },
): RawFile | undefined {
  const { files } = scanOnly(paths, [rel]);
  const file = files[0];
  if (!file) return undefined;
  onDisk.push(file);
  const row = storedRow.get(rel) as ({ path: string } & Known) | undefined;
  if (row) stored.set(rel, row);
  return file;
}

/** Brings the database in line with raw/ and the gazetteer; throws DataFileError when raw/ or the gazetteer is missing or invalid. */
export function syncRaw(db: Db, paths: DataPaths, opts: SyncOptions = {}): IngestReport {
  if (!existsSync(paths.raw))
    throw new DataFileError(shown(paths.raw), 'folder not found; put article files (.txt, .md, .json, .jsonl) there');
  const { gazetteer, text: gazetteerText } = readGazetteer(paths);
  const matcher = compileGazetteer(gazetteer);
  const names = gazetteerNames(gazetteer);
  const known = new Set(names.map(foldKey));
  const report: IngestReport = { files: [], skipped: [], merged: [], added: [], changed: [], removed: [], unchanged: 0, retagged: 0 };
  const rows = articleRows(db);
  const w: FileWork = { db, rows, report, dirty: new Set(), templates: templateSentences(db), removedKeys: [] };

  const gazetteerHash = sha(gazetteerText);
  const storedGazetteer = db.prepare(`SELECT value FROM meta WHERE key = 'gazetteer'`).pluck().get() as string;
  const anyArticle = db.prepare(`SELECT 1 FROM articles LIMIT 1`).get() !== undefined;
  if (storedGazetteer !== gazetteerHash && anyArticle) {
    report.retagged = retagAll(db, rows, matcher, known, opts.log ?? (() => {}));
  }
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'gazetteer'`).run(gazetteerHash);

  const named = opts.only ? scanOnly(paths, opts.only) : null;
  const onDisk = named ? named.files : scan(paths);
  const storedRow = db.prepare(`SELECT path, stat, fingerprint FROM files WHERE path = ?`);
  const stored = new Map(
    (named
      ? [...onDisk.map((f) => f.rel), ...named.gone].flatMap((p) => (storedRow.get(p) as ({ path: string } & Known) | undefined) ?? [])
      : (db.prepare(`SELECT path, stat, fingerprint FROM files`).all() as ({ path: string } & Known)[])
    ).map((r) => [r.path, r]),
  );
  const present = new Set(onDisk.map((f) => f.rel));
  for (const path of stored.keys()) {
    if (present.has(path)) continue;
    db.transaction(() => {
      const gone = dropFile(w, path);
      handOver(w, gone);
      flagTemplates(w, path);
      report.removed.push(...gone);
      db.prepare(`DELETE FROM files WHERE path = ?`).run(path);
    })();
  }
  const changed = onDisk.filter((f) => stored.get(f.rel)?.stat !== f.stat || w.dirty.has(f.rel));
  report.unchanged += onDisk.length - changed.length;
  const todo = [...changed];
  for (let n = 0; n < todo.length; n++) {
    const f = todo[n]!;
    opts.progress?.(n + 1, todo.length, f.rel);
    if (!formatOf(f.rel)) {
      report.skipped.push({ file: f.rel, reason: NOT_AN_ARTICLE_FORMAT });
      continue;
    }
    try {
      applyFile(w, f, matcher, names, known, stored.get(f.rel));
    } catch (e) {
      if (!(e instanceof DataFileError)) throw e;
      // The file's previous articles, if any, keep answering; it is read again on the next ingest.
      report.skipped.push({ file: f.rel, reason: e.message.replace(`${f.rel}: `, '') });
    }
    // A served copy that went away hands its article to a file already passed: read that file again.
    for (const d of w.dirty) {
      const file = onDisk.find((x) => x.rel === d) ?? (named ? named1(paths, d, onDisk, stored, storedRow) : undefined);
      if (file && !todo.slice(n + 1).includes(file)) todo.push(file);
    }
  }
  db.prepare(`UPDATE meta SET value = '1' WHERE key = 'complete'`).run();
  // One file may hold an article twice; each id is reported once.
  report.added = [...new Set(report.added)];
  // An article added in this run and then read again (its file taught it template text) was added.
  report.changed = [...new Set(report.changed)].filter((id) => !report.added.includes(id));
  // An article whose copy moved from one file to another was neither added nor removed.
  const moved = new Set(report.removed.filter((id) => report.added.includes(id)));
  report.removed = report.removed.filter((id) => !moved.has(id));
  report.added = report.added.filter((id) => !moved.has(id));
  report.changed.push(...moved);
  return report;
}
