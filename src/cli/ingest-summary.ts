// What `briefing ingest` prints: per file, what was found and dropped, the
// retrieval date and where it came from, and names the gazetteer lacks.
import type { BuildResult } from '../corpus/build-store.js';

export function ingestSummary(r: BuildResult, rawDir: string, buildDir: string): string {
  const { corpus, report } = r;
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const captions = corpus.passages.filter((p) => p.kind === 'caption').length;
  const lines = [`Ingested ${rawDir}: ${report.files.length} file(s) -> ${corpus.articles.length} article(s), ${corpus.passages.length} passages (${captions} photo captions)`];
  for (const f of report.files) {
    const when = f.retrievedFrom === 'sidecar' ? `retrieved ${f.retrieved}` : `no .meta.json sidecar: using the file's modification date ${f.retrieved} as the retrieval date`;
    lines.push(`  ${f.file} (${f.format}; ${when})`);
    for (const id of f.articles) {
      const a = byId.get(id);
      if (!a || a.source.file !== f.file) continue;
      const date = a.published ? `${a.published}${a.publishedApproximate ? ` approx., "${a.publishedText}"` : ''}` : 'no date';
      lines.push(`    + ${a.title.slice(0, 70)}${a.title.length > 70 ? '…' : ''} | ${a.outlet ?? 'outlet unknown'} | ${a.author ?? 'author unknown'} | ${date} | ${a.passages} passages`);
    }
    const d = f.dropped;
    lines.push(`    dropped: ${d.boilerplate} boilerplate, ${d.duplicates} repeated pull quotes, ${d.headings} sub-headings, ${d.bios} author-bio sentences`);
  }
  for (const s of report.skipped) lines.push(`  skipped ${s.file}: ${s.reason}`);
  for (const m of report.merged) lines.push(`  "${m.title}" appears in ${m.kept} and ${m.dropped}; kept the copy from ${m.kept}`);
  const actors = Object.keys(corpus.actors).length;
  const corridors = Object.keys(corpus.corridors).length;
  lines.push(`Tagged ${actors} actor(s) and ${corridors} corridor(s).`);
  if (corpus.discoveries.length) {
    lines.push(`Frequent names not in the gazetteer: ${corpus.discoveries.map((d) => `${d.name} (${d.count})`).join(', ')}`);
  }
  lines.push(`Index: ${(r.indexBytes / 1024).toFixed(0)} KiB, built in ${r.ms.toFixed(0)} ms -> ${buildDir}`);
  return lines.join('\n');
}
