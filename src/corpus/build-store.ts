// Writes and reads data/build. Every command but ingest opens the build
// through openCorpus(), which rebuilds first (with one log line) when a raw
// file or the gazetteer changed since the last build, judged by content hash.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_FORMAT, corpusSchema, type CorpusData } from './build-schema.js';
import { makeCorpus, type Corpus } from './corpus.js';
import { DataFileError, fromZodError, parseJsonFile } from './data-file-error.js';
import { gazetteerNames, readRawFolder, shown, type DataPaths, type RawFolder } from './data-dir.js';
import { compileGazetteer } from './extract/gazetteer-matcher.js';
import { ingest, type IngestReport, type Progress } from './ingest/ingest.js';
import { buildSearchIndex, loadSearchIndex } from './search-index.js';

export interface BuildResult {
  corpus: CorpusData;
  report: IngestReport;
  indexBytes: number;
  ms: number;
}

export type Log = (line: string) => void;

const files = (paths: DataPaths) => ({
  corpus: join(paths.build, 'corpus.json'),
  index: join(paths.build, 'index.json'),
  manifest: join(paths.build, 'manifest.json'),
});

/** Write to a temporary name, then rename: a crash never leaves half a file behind. */
function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

export interface BuildOptions {
  now?: () => Date;
  progress?: Progress;
  /** Already read by the caller, to avoid reading the raw folder twice. */
  raw?: RawFolder;
}

export function buildCorpus(paths: DataPaths, opts: BuildOptions = {}): BuildResult {
  const started = performance.now();
  const raw = opts.raw ?? readRawFolder(paths);
  const matcher = compileGazetteer(raw.gazetteer);
  const builtAt = (opts.now ?? (() => new Date()))().toISOString();
  const { corpus, report } = ingest(raw.inputs, matcher, gazetteerNames(raw.gazetteer), { inputHash: raw.hash, builtAt }, opts.progress);
  if (corpus.articles.length === 0) {
    throw new DataFileError(shown(paths.raw), 'no articles found; add .txt aggregator pages, .md or .json/.jsonl articles');
  }
  const indexJson = JSON.stringify(buildSearchIndex(corpus.passages));
  const f = files(paths);
  mkdirSync(paths.build, { recursive: true });
  writeAtomic(f.index, indexJson);
  writeAtomic(f.corpus, JSON.stringify(corpus));
  // The manifest goes last: it is what says the build is complete.
  writeAtomic(f.manifest, JSON.stringify({ formatVersion: BUILD_FORMAT, inputHash: raw.hash, builtAt: corpus.builtAt }));
  return { corpus, report, indexBytes: Buffer.byteLength(indexJson), ms: performance.now() - started };
}

function builtHash(paths: DataPaths): string | null {
  try {
    const m = JSON.parse(readFileSync(files(paths).manifest, 'utf8')) as { inputHash?: unknown };
    return typeof m.inputHash === 'string' ? m.inputHash : null;
  } catch {
    return null;
  }
}

function readCorpusFile(paths: DataPaths): CorpusData {
  const path = files(paths).corpus;
  const parsed = corpusSchema.safeParse(parseJsonFile(shown(path), readFileSync(path, 'utf8')));
  if (!parsed.success) throw fromZodError(shown(path), parsed.error);
  return parsed.data;
}

/** The corpus, rebuilt first if its inputs changed or the build is missing or unreadable. */
export function openCorpus(paths: DataPaths, log: Log = () => {}): Corpus {
  const raw = readRawFolder(paths);
  let data: CorpusData | null = null;
  if (builtHash(paths) === raw.hash && existsSync(files(paths).index)) {
    try {
      data = readCorpusFile(paths);
      if (data.inputHash !== raw.hash) data = null;
    } catch (e) {
      log(`${e instanceof Error ? e.message : e}; rebuilding`);
    }
  }
  if (!data) {
    const why = builtHash(paths) === null ? 'No build yet' : 'Raw articles or gazetteer changed since the last build';
    log(`${why}; building ${shown(paths.build)} ...`);
    data = buildCorpus(paths, { raw }).corpus;
  }
  const indexPath = files(paths).index;
  return makeCorpus(data, raw.gazetteer, () => loadSearchIndex(shown(indexPath), parseJsonFile(shown(indexPath), readFileSync(indexPath, 'utf8'))));
}
