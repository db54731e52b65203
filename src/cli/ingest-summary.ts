// What `briefing ingest` prints: per file read in this run, what was found
// and dropped, the retrieval date and where it came from; what was added,
// changed and removed; and names the gazetteer lacks.
import type { BuildResult } from '../corpus/build-store.js';

export function ingestSummary(r: BuildResult, rawDir: string, buildDir: string): string {
  const { report } = r;
  const lines = [
    `Ingested ${rawDir}: ${report.files.length} file(s) read, ${report.unchanged} unchanged -> ${report.added.length} article(s) ` +
      `added, ${report.changed.length} changed, ${report.removed.length} removed`,
  ];
  if (report.retagged) lines.push(`The gazetteer changed: ${report.retagged} article(s) tagged again, no text changed.`);
  for (const f of report.files) {
    const when =
      f.retrievedFrom === 'sidecar'
        ? `retrieved ${f.retrieved}`
        : `no .meta.json sidecar: using the file's modification date ${f.retrieved} as the retrieval date`;
    lines.push(`  ${f.file} (${f.format}; ${when})`);
    for (const id of f.articles) {
      const a = r.written.get(id);
      if (!a || a.source.file !== f.file) continue;
      const date = a.published ? `${a.published}${a.publishedApproximate ? ` approx., "${a.publishedText}"` : ''}` : 'no date';
      lines.push(
        `    + ${a.title.slice(0, 70)}${a.title.length > 70 ? '…' : ''} | ${a.outlet ?? 'outlet unknown'} | ` +
          `${a.author ?? 'author unknown'} | ${date} | ${a.passages} passages`,
      );
    }
    const d = f.dropped;
    lines.push(
      `    dropped: ${d.boilerplate} boilerplate, ${d.duplicates} repeated pull quotes, ${d.headings} sub-headings, ${d.bios} ` +
        `author-bio sentences`,
    );
  }
  for (const s of report.skipped) lines.push(`  skipped ${s.file}: ${s.reason}`);
  for (const m of report.merged) lines.push(`  "${m.title}" appears in ${m.kept} and ${m.dropped}; kept the copy from ${m.kept}`);
  lines.push(
    `Corpus: ${r.articles} article(s), ${r.passages} passages; ${r.tagged.actors} actor(s) and ${r.tagged.corridors} corridor(s) tagged.`,
  );
  if (r.discoveries.length) {
    lines.push(`Frequent names not in the gazetteer: ${r.discoveries.map((d) => `${d.name} (${d.count})`).join(', ')}`);
  }
  lines.push(`Database: ${(r.bytes / 1024).toFixed(0)} KiB, updated in ${r.ms.toFixed(0)} ms -> ${buildDir}`);
  return lines.join('\n');
}
