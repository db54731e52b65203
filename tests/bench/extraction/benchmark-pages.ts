// The development halves of the two open-web benchmarks in ../shared/open-web
// (see its README): the article-extraction benchmark's pages with their true
// bodies, and the fundus parser test pages (English-language publishers) with
// their true title, authors, publication time and body. Only the development
// halves are here; the held-back halves are never read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

export interface BenchmarkPage {
  benchmark: 'aeb' | 'fundus';
  /** Unique within the run; also the page's file name under raw/. */
  key: string;
  html: string;
  url: string | null;
  /** YYYY-MM-DD the page was captured, when the benchmark says. */
  retrieved: string | null;
  truth: {
    body: string;
    title?: string;
    authors?: string[];
    /** YYYY-MM-DD in the page's own offset. */
    published?: string | null;
  };
}

const aebTruth = z.record(z.string(), z.object({ articleBody: z.string(), url: z.string().optional() }));

const fundusVersion = z.object({
  title: z.string().nullable().optional(),
  authors: z.array(z.string()).nullable().optional(),
  publishing_date: z.string().nullable().optional(),
  body: z
    .object({
      summary: z.array(z.string()).optional(),
      sections: z.array(z.object({ headline: z.array(z.string()).optional(), paragraphs: z.array(z.string()) })).optional(),
    })
    .nullable()
    .optional(),
});
const fundusFile = z.record(z.string(), fundusVersion);
const fundusMeta = z.record(z.string(), z.object({ url: z.string(), crawl_date: z.string().optional() }));

const gunzipText = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');

export function aebPages(root: string): BenchmarkPage[] {
  const dir = join(root, 'aeb-dev');
  if (!existsSync(dir)) return [];
  const truth = aebTruth.parse(JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')));
  return Object.entries(truth)
    .filter(([key]) => existsSync(join(dir, 'html', `${key}.html.gz`)))
    .map(([key, t]) => ({
      benchmark: 'aeb' as const,
      key: `aeb-${key.slice(0, 16)}`,
      html: gunzipText(join(dir, 'html', `${key}.html.gz`)),
      url: t.url ?? null,
      retrieved: null,
      truth: { body: t.articleBody },
    }));
}

/** "V1" < "V1_1" < "V2": the version's numbers compared in order. */
function versionOrder(a: string, b: string): number {
  const n = (v: string) => v.replace(/^V/i, '').split('_').map(Number);
  const [x, y] = [n(a), n(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

export function fundusPages(root: string): BenchmarkPage[] {
  const base = join(root, 'fundus-dev', 'tests', 'resources', 'parser', 'test_data');
  if (!existsSync(base)) return [];
  const out: BenchmarkPage[] = [];
  for (const cc of readdirSync(base).sort()) {
    const dir = join(base, cc);
    const meta = existsSync(join(dir, 'meta.info')) ? fundusMeta.parse(JSON.parse(readFileSync(join(dir, 'meta.info'), 'utf8'))) : {};
    for (const json of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const publisher = json.replace(/\.json$/, '');
      const versions = fundusFile.parse(JSON.parse(readFileSync(join(dir, json), 'utf8')));
      const pages = readdirSync(dir)
        .filter((f) => f.startsWith(`${publisher}_`) && f.endsWith('.html.gz'))
        .sort();
      const names = Object.keys(versions).sort(versionOrder);
      names.forEach((v, i) => {
        const file = pages[i];
        if (!file) return;
        const gold = versions[v]!;
        const m = meta[file];
        out.push({
          benchmark: 'fundus',
          key: `fundus-${cc}-${file.replace(/\.html\.gz$/, '')}`,
          html: gunzipText(join(dir, file)),
          url: m?.url ?? null,
          retrieved: m?.crawl_date?.slice(0, 10) ?? null,
          truth: {
            body: (gold.body?.sections ?? []).flatMap((s) => s.paragraphs).join('\n'),
            ...(gold.title ? { title: gold.title } : {}),
            authors: gold.authors ?? [],
            published: gold.publishing_date ? gold.publishing_date.slice(0, 10) : null,
          },
        });
      });
    }
  }
  return out;
}
