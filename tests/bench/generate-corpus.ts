// A deterministic synthetic corpus for the benchmark: N articles built from
// the seed's sentences with the gazetteer's names swapped in (same kind for
// same kind, so sentences stay plausible), half as aggregator pages in the
// seed page's layout and half as Markdown. Same N and seed, same files.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCorpus } from '../../src/corpus/build-store.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import { dataPaths, type DataPaths } from '../../src/corpus/data-dir.js';
import { contents } from '../helpers/corpus-contents.js';
import type { Gazetteer } from '../../src/corpus/schema.js';

/** mulberry32: small, fast and good enough to pick sentences. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = [
  'Caucasus Monitor',
  'Eurasia Ledger',
  'Black Sea Review',
  'Steppe Dispatch',
  'Novaya Gazeta Europe',
  'Balkan Insight',
  'New Eastern Europe',
  'Aras Weekly',
];
const FIRST = ['Anna', 'Davit', 'Leyla', 'Oleksandr', 'Mariam', 'Farid', 'Irina', 'Giorgi', 'Nino', 'Reza', 'Sona', 'Taras'];
const LAST = ['Matveeva', 'Hakobyan', 'Aliyeva', 'Kovalenko', 'Beridze', 'Karimi', 'Petrosyan', 'Melnyk', 'Huseynov', 'Lomidze'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const SENTENCES_PER_ARTICLE = 20;
const ARTICLES_PER_PAGE = 5;

interface Names {
  pattern: RegExp;
  /** Lower-cased surface form -> the pool it is replaced from. */
  poolOf: Map<string, string[]>;
}

function namePools(g: Gazetteer): Names {
  const poolOf = new Map<string, string[]>();
  const byKind = new Map<string, string[]>();
  const adjByKind = new Map<string, string[]>();
  for (const a of g.actors) {
    (byKind.get(a.kind) ?? byKind.set(a.kind, []).get(a.kind)!).push(a.name);
    for (const adj of a.adjectives.filter((x) => /^[A-Z]/.test(x) && !x.endsWith('s')))
      (adjByKind.get(a.kind) ?? adjByKind.set(a.kind, []).get(a.kind)!).push(adj);
  }
  for (const a of g.actors) {
    for (const form of [a.name, ...a.aliases])
      if (form.length >= 4 && /^[A-Z]/.test(form)) poolOf.set(form.toLowerCase(), byKind.get(a.kind)!);
    for (const adj of a.adjectives) if (adjByKind.get(a.kind)?.includes(adj)) poolOf.set(adj.toLowerCase(), adjByKind.get(a.kind)!);
  }
  const corridors = g.corridors.map((c) => c.name);
  for (const c of g.corridors) for (const form of [c.name, ...c.aliases]) if (form.length >= 4) poolOf.set(form.toLowerCase(), corridors);
  const forms = [...poolOf.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`\\b(${forms.join('|')})\\b`, 'giu'), poolOf };
}

export interface GeneratedCorpus {
  articles: number;
  files: number;
  bytes: number;
}

/** Writes N articles into rawDir (which must exist). */
export async function generateCorpus(seedCorpus: Corpus, n: number, rawDir: string, seed = 20261124): Promise<GeneratedCorpus> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const names = namePools(seedCorpus.gazetteer);
  const swap = (text: string) => text.replace(names.pattern, (m) => pick(names.poolOf.get(m.toLowerCase()) ?? [m]));
  const seedText = await contents(seedCorpus);
  const body = seedText.passages.filter((p) => p.kind === 'body' && p.text.length > 60).map((p) => p.text);
  const captions = seedText.passages.filter((p) => p.kind === 'caption').map((p) => p.text);
  const titles = seedText.articles.map((a) => a.title.replace(/\s+—\s+.*$/, ''));
  const used = new Set<string>();
  let serial = 0;
  const article = () => {
    const outlet = pick(OUTLETS);
    let title = '';
    do title = swap(pick(titles));
    while (used.has(`${outlet}|${title}`) && (title = `${title} (${used.size})`) && used.has(`${outlet}|${title}`));
    used.add(`${outlet}|${title}`);
    const day = 1 + Math.floor(rand() * 28);
    const month = Math.floor(rand() * 12);
    const year = 2024 + Math.floor(rand() * 3);
    serial++;
    // Real articles do not repeat each other's sentences (a repeated one is template text, and ingest
    // hides it); the seed's sentences would, so each is made the article's own with a token of its own.
    const sentences = Array.from({ length: SENTENCES_PER_ARTICLE }, (_, i) =>
      swap(pick(body)).replace(/([.!?]['"’”]?)?$/, (end) => ` in dispatch d${serial}x${i}${end || '.'}`),
    );
    return { outlet, title, author: `${pick(FIRST)} ${pick(LAST)}`, day, month, year, sentences, caption: swap(pick(captions)) };
  };
  mkdirSync(rawDir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(rawDir, name), text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  const pages = Math.floor(n / 2 / ARTICLES_PER_PAGE);
  let made = 0;
  for (let p = 0; p < pages; p++) {
    const [main, ...related] = Array.from({ length: ARTICLES_PER_PAGE }, article);
    const paragraphs = [];
    for (let i = 0; i < main!.sentences.length; i += 2) paragraphs.push(main!.sentences.slice(i, i + 2).join(' '));
    const lines = [
      '',
      main!.title,
      `${main!.caption} Photo: ${main!.outlet}`,
      ...paragraphs,
      `${main!.author} is a senior fellow at the Caucasus Policy Institute and writes on regional security.`,
      `${main!.outlet} is a reader supported publication. Please support us and help us reach our goal.`,
      'Armenia, Azerbaijan, Iran, South Caucasus',
      'Hashtags',
      '',
      'Comments',
      'No comments yet...',
      'Related Articles',
    ];
    for (const r of related) {
      lines.push(
        '',
        '',
        r.outlet,
        `${String(r.day).padStart(2, '0')}-${String(r.month + 1).padStart(2, '0')}-${r.year}`,
        `- ${r.outlet}`,
        `${r.title} — ${r.outlet}`,
        r.sentences.join(' '),
      );
    }
    write(`page_${String(p).padStart(4, '0')}.txt`, `${lines.join('\n')}\n`);
    write(
      `page_${String(p).padStart(4, '0')}.meta.json`,
      JSON.stringify({ retrieved: `${main!.year}-${String(main!.month + 1).padStart(2, '0')}-${String(main!.day).padStart(2, '0')}` }),
    );
    made += ARTICLES_PER_PAGE;
  }
  for (let i = 0; made < n; i++, made++) {
    const a = article();
    const paragraphs = [];
    for (let s = 0; s < a.sentences.length; s += 3) paragraphs.push(a.sentences.slice(s, s + 3).join(' '));
    write(
      `article_${String(i).padStart(4, '0')}.md`,
      [
        '---',
        `title: ${JSON.stringify(a.title)}`,
        `outlet: ${a.outlet}`,
        `author: ${a.author}`,
        `published: ${a.year}-${String(a.month + 1).padStart(2, '0')}-${String(a.day).padStart(2, '0')}`,
        '---',
        '',
        `# ${a.title}`,
        '',
        `![${a.caption}](photo.jpg "Photo: ${a.outlet}")`,
        '',
        ...paragraphs.flatMap((x) => [x, '']),
        `Published ${a.day} ${MONTHS[a.month]} ${a.year}.`,
        '',
      ].join('\n'),
    );
  }
  return { articles: made, files, bytes };
}

/** A data folder under `root` holding the seed page and the gazetteer, as the repository ships them. */
export function seedDataDir(root: string): DataPaths {
  const repo = new URL('../../../', import.meta.url).pathname;
  const paths = dataPaths(root);
  mkdirSync(paths.raw, { recursive: true });
  for (const f of ['000_28f6da302d93ec49.txt', '000_28f6da302d93ec49.meta.json'])
    copyFileSync(join(repo, 'data/raw', f), join(paths.raw, f));
  copyFileSync(join(repo, 'data/gazetteer.json'), paths.gazetteer);
  return paths;
}

/**
 * A data folder of N generated articles for a benchmark: `keep` (a folder kept between runs, generated there once)
 * or a new one under `root`. It is not ingested here.
 */
export async function generatedFolder(root: string, n: number, keep: string | undefined, log: (line: string) => void): Promise<DataPaths> {
  const paths = dataPaths(keep ? resolve(keep) : join(root, 'generated'));
  if (existsSync(paths.raw)) return paths;
  const seedCorpus = openCorpus(seedDataDir(join(root, 'seed')));
  log(`generating ${n} articles`);
  await generateCorpus(seedCorpus, n, paths.raw);
  await seedCorpus.close();
  copyFileSync(join(new URL('../../../', import.meta.url).pathname, 'data/gazetteer.json'), paths.gazetteer);
  return paths;
}
