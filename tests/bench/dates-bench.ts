// `npm run bench:dates [-- --json] [--wrong N] [--unmatched] [--tbaq DIR]`: the dates the
// project reads, scored on the development half of TempEval-3's news corpus
// (TimeBank and AQUAINT, ../shared/dates-te3/tbaq-dev). Each document is
// ingested as an article published on its creation date, through the same
// buildCorpus as `briefing ingest`; each passage's dates are put back at their
// place in the document and compared with the hand-annotated TIMEX3 spans and
// values (see tests/bench/dates/tempeval.ts and that folder's README). A range
// whose two ends are written apart ("Aug. 26 to Oct. 20") is placed as its two
// ends, each with its own period, as TimeML annotates them; any other range (a
// quarter, a season) counts by its start, as the README says. A wire report's
// dateline ("BEIJING, August 8 (Xinhua) --") is no passage: its date is read
// from the article's dateline.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { dataPaths } from '../../src/corpus/data-dir.js';
import { type ProjectDate, rangeEnds, scoreDates, spanOf, tbaqDocs, type TimeMlDoc } from './dates/tempeval.js';
import { benchOptions } from './bench-options.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const USAGE = 'Usage: npm run bench:dates [-- --json] [--wrong N] [--unmatched] [--tbaq DIR]';
const values = benchOptions(
  { json: { type: 'boolean' }, wrong: { type: 'string' }, tbaq: { type: 'string' }, unmatched: { type: 'boolean' } },
  USAGE,
);
const WRONG = Number(values.wrong ?? 25);
const ROOT = resolve(values.tbaq ?? join(REPO, '..', 'shared', 'dates-te3', 'tbaq-dev'));
if (!Number.isInteger(WRONG) || WRONG < 0) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const docs = tbaqDocs(ROOT);
if (!docs.length) {
  process.stderr.write(`No TimeML documents under ${ROOT}: pass --tbaq DIR.\n`);
  process.exit(1);
}

const root = mkdtempSync(join(tmpdir(), 'briefing-dates-'));
const paths = dataPaths(root);
mkdirSync(paths.raw, { recursive: true });
copyFileSync(join(REPO, 'data/gazetteer.json'), paths.gazetteer);
for (const d of docs) {
  const body = d.text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  writeFileSync(join(paths.raw, `${d.id}.json`), JSON.stringify({ title: d.title, outlet: 'TempEval-3', published: d.dct, body }));
}
buildCorpus(paths, { allowEmpty: true });
const corpus = openCorpus(paths);

/** The document's characters without white space, and where each sits in the text: passages are found by them. */
function dense(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (!/\s/.test(text[i]!)) {
      chars += text[i];
      at.push(i);
    }
  return { chars, at };
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function projectDates(doc: TimeMlDoc): Promise<ProjectDate[]> {
  const article = (await corpus.articlesInFile(`${doc.id}.json`))[0];
  if (!article) return [];
  const { chars, at } = dense(doc.text);
  const out: ProjectDate[] = [];
  // The dateline's date ("BEIJING, August 8 (Xinhua) --"), read where the report opens.
  const line = article.dateline;
  const lineAt = line?.text && line.date ? chars.indexOf(squeeze(line.text)) : -1;
  const lineDay = line?.date ? spanOf(line.date) : null;
  if (line?.text && lineDay && lineAt >= 0)
    out.push({ start: at[lineAt]!, end: at[lineAt + squeeze(line.text).length - 1]! + 1, text: line.text, span: lineDay, range: false });
  let cursor = 0;
  for (const p of await corpus.passagesOf(article.id)) {
    const where = chars.indexOf(squeeze(p.text), cursor);
    if (where < 0) continue;
    cursor = where;
    const inPassage = squeeze(p.text);
    let from = 0;
    for (const d of p.dates) {
      const phrase = squeeze(d.text);
      const i = inPassage.indexOf(phrase, from);
      if (i < 0 || !phrase) continue;
      from = i + phrase.length;
      const start = spanOf(d.start);
      const end = d.end ? spanOf(d.end) : null;
      if (!start) continue;
      const place = (offset: number, length: number) => ({ start: at[where + offset]!, end: at[where + offset + length - 1]! + 1 });
      // A range whose two ends are written apart ("Aug. 26 to Oct. 20", "between 1994 and 1997") is two points,
      // as TimeML annotates it: each end is placed at its own words with its own period.
      const ends = end ? rangeEnds(d.text) : null;
      if (end && ends) {
        const [a, b] = [squeeze(ends[0]), squeeze(ends[1])];
        out.push({ ...place(i, a.length), text: ends[0], span: start, range: false });
        out.push({ ...place(i + phrase.length - b.length, b.length), text: ends[1], span: end, range: false });
        continue;
      }
      out.push({
        ...place(i, phrase.length),
        text: d.text,
        span: { start: start.start, end: end ? end.end : start.end },
        range: end !== null,
      });
    }
  }
  return out;
}

const scored = scoreDates(await Promise.all(docs.map(async (doc) => ({ doc, found: await projectDates(doc) }))));
await corpus.close();
rmSync(root, { recursive: true, force: true });

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
if (values.json) {
  const { wrong, missed, spurious, ...figures } = scored;
  process.stdout.write(
    `${JSON.stringify({ documents: docs.length, ...figures, wrong, missed: missed.length, spurious: spurious.length }, null, 2)}\n`,
  );
} else {
  const lines = [
    `TempEval-3 development half: ${docs.length} documents, ${scored.gold} gold dates (DATE/TIME with concrete values)`,
    '',
    '| | value |',
    '|---|---|',
    `| extraction precision | ${pct(scored.precision)} (${scored.matchedFound} of ${scored.found}) |`,
    `| extraction recall | ${pct(scored.recall)} (${scored.matchedGold} of ${scored.gold}) |`,
    `| extraction F1 | ${(scored.f1 * 100).toFixed(1)} |`,
    `| value accuracy (at the gold's precision) | ${pct(scored.valueAccuracy)} (${scored.correct} of ${scored.matchedGold}) |`,
    `| value accuracy, the same days exactly | ${pct(scored.exactValueAccuracy)} (${scored.exactCorrect} of ${scored.matchedGold}) |`,
    `| value F1 | ${(scored.valueF1 * 100).toFixed(1)} |`,
    `| aligned dates with the wrong value | ${scored.wrong.length} |`,
    '',
    `Wrong values (first ${Math.min(WRONG, scored.wrong.length)}):`,
    ...scored.wrong
      .slice(0, WRONG)
      .map((w) => `  ${w.doc}: "${w.gold.text}" gold ${w.gold.value}; read "${w.got.text}" as ${w.got.span.start}..${w.got.span.end}`),
    // --unmatched: what was read where no date is annotated, and annotated dates nothing was read at.
    ...(values.unmatched
      ? [
          '',
          'Read where no date is annotated:',
          ...scored.spurious.map((x) => `  ${x.doc}: "${x.got.text}" as ${x.got.span.start}`),
          '',
          'Annotated, not read:',
          ...scored.missed.map((x) => `  ${x.doc}: "${x.gold.text}" ${x.gold.value}`),
        ]
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
