// Zod schema of the build output (data/build/corpus.json). The build is
// generated, but it is still read back through a schema: a truncated or
// hand-edited file must fail with a clear message, never as a crash later.
import { z } from 'zod';

/** Raised whenever the build's shape changes, so an older build is rebuilt, not misread. */
export const BUILD_FORMAT = 3;

const tag = z.object({ id: z.string(), score: z.number(), via: z.enum(['name', 'reference']) });

export const articleSchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  /** YYYY-MM-DD or null when the page gives no date. */
  published: z.string().nullable(),
  publishedApproximate: z.boolean(),
  /** The page's own wording for a relative date ("5 hours ago"). */
  publishedText: z.string().nullable(),
  url: z.string().nullable(),
  tags: z.array(z.string()),
  source: z.object({
    file: z.string(),
    format: z.enum(['aggregator-page', 'markdown', 'json', 'jsonl']),
    retrieved: z.string(),
    retrievedFrom: z.enum(['sidecar', 'file-mtime']),
  }),
  passages: z.number().int(),
});

/** A date a passage states; see extract/dates/date-value.ts. */
const statedDate = z.object({
  start: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  end: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  precision: z.enum(['year', 'month', 'day']),
  approximate: z.boolean(),
  text: z.string(),
});

export const passageSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  seq: z.number().int(),
  kind: z.enum(['body', 'caption']),
  text: z.string(),
  credit: z.string().optional(),
  actors: z.array(tag),
  corridors: z.array(tag),
  dates: z.array(statedDate),
});

const stance = z.object({ actor: z.string(), stance: z.enum(['backs', 'opposes']), passage: z.string() });

export const corpusSchema = z.object({
  formatVersion: z.literal(BUILD_FORMAT),
  inputHash: z.string(),
  builtAt: z.string(),
  articles: z.array(articleSchema),
  passages: z.array(passageSchema),
  /** Entity -> passage ids, most central first and spread across articles. */
  actors: z.record(z.string(), z.object({ passages: z.array(z.string()), articles: z.number().int() })),
  corridors: z.record(
    z.string(),
    z.object({
      passages: z.array(z.string()),
      articles: z.number().int(),
      definition: z.string().nullable(),
      stances: z.array(stance),
    }),
  ),
  /** Frequent proper names the gazetteer does not know. */
  discoveries: z.array(z.object({ name: z.string(), count: z.number().int() })),
});

export type Article = z.infer<typeof articleSchema>;
export type Passage = z.infer<typeof passageSchema>;
export type EntityTag = z.infer<typeof tag>;
export type CorpusData = z.infer<typeof corpusSchema>;
export type CorridorProfile = CorpusData['corridors'][string];
export type PassageDate = z.infer<typeof statedDate>;
export type StanceRecord = z.infer<typeof stance>;
