// Zod schemas for every file under data/: the raw inputs a user writes
// (sidecars, JSON records, Markdown front matter), the gazetteer, and the
// build output. Each file is validated at load; errors name the file and the
// path inside it (see data-file-error.ts).
import { z } from 'zod';
import { nameKey } from '../text/normalize.js';
import { parsePublished } from './ingest/published-date.js';

const text = z.string().trim().min(1, 'must not be empty');
const isoDay = z.iso.date({ message: 'expected a date like 2025-08-06' });
const publishedInput = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine((v) => parsePublished(v) !== null, {
    message: 'expected a date like 2025-07-15, 2025-07-15T09:30:00Z or 15 July 2025',
  });
const tagList = z.union([z.array(text), z.string()]).transform((v) =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : v,
);

/** data/raw/NAME.meta.json: facts about a captured page that the page does not state. */
export const rawSidecarSchema = z.strictObject({
  retrieved: isoDay,
  url: z.url().optional(),
  /** Outlet of the page's main article, when the page itself never names it. */
  outlet: text.optional(),
  author: text.optional(),
  /** Several authors, one by one (a feed item lists them so). */
  authors: z.array(text).optional(),
  /** The title the feed gave, for a saved page that declares none. */
  title: text.optional(),
  published: publishedInput.optional(),
  /** The feed the page came from (its id in feeds.json), or absent for a pasted link or a saved file. */
  feed: text.optional(),
});
export type RawSidecar = z.infer<typeof rawSidecarSchema>;

const articleMeta = {
  title: text,
  outlet: text,
  author: text.nullable().optional(),
  published: publishedInput.nullable().optional(),
  url: z.url().optional(),
  tags: tagList.optional(),
};

/** One article in a .json or .jsonl file. */
export const articleRecordSchema = z.strictObject({
  ...articleMeta,
  /** The article text: paragraphs separated by blank lines, or a list of paragraphs. */
  body: z.union([text, z.array(text).min(1)]),
  captions: z.array(text).optional(),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** The front-matter block of a Markdown article. */
export const frontMatterSchema = z.object(articleMeta);
export type FrontMatter = z.infer<typeof frontMatterSchema>;

// ---------------------------------------------------------------- gazetteer

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case id like "iran" or "middle-corridor"');
export const actorKinds = ['country', 'person', 'organisation', 'bloc'] as const;
export type ActorKind = (typeof actorKinds)[number];

const actorEntry = z.strictObject({
  id,
  name: text,
  kind: z.enum(actorKinds),
  /** Other names: spellings, short forms, metonyms (Tehran, Kremlin). */
  aliases: z.array(text).default([]),
  /** Inflected forms that mention the actor less directly (Iranian, Iranians). */
  adjectives: z.array(text).default([]),
});
const corridorEntry = z.strictObject({ id, name: text, aliases: z.array(text).default([]) });

export const gazetteerSchema = z
  .strictObject({
    version: z.literal(1),
    /** Phrases that contain an alias but are not a mention ("US dollars"). */
    ignore: z.array(text).default([]),
    actors: z.array(actorEntry),
    corridors: z.array(corridorEntry),
  })
  .superRefine((g, ctx) => {
    const ids = new Map<string, string>();
    const names = new Map<string, string>();
    const check = (section: 'actors' | 'corridors', i: number, entryId: string, forms: [string, string, number][]) => {
      if (ids.has(entryId)) ctx.addIssue({ code: 'custom', path: [section, i, 'id'], message: `duplicate id "${entryId}"` });
      ids.set(entryId, entryId);
      for (const [field, form, j] of forms) {
        // The same key the name lookups use, so a clash here is a clash there (ı, ə and possessives included).
        const key = nameKey(form);
        const owner = names.get(key);
        if (owner !== undefined && owner !== entryId) {
          ctx.addIssue({
            code: 'custom',
            path: [section, i, field, ...(j >= 0 ? [j] : [])],
            message: `"${form}" already names "${owner}"`,
          });
        }
        names.set(key, entryId);
      }
    };
    g.actors.forEach((a, i) => {
      check('actors', i, a.id, [
        ['name', a.name, -1],
        ...a.aliases.map((s, j) => ['aliases', s, j] as [string, string, number]),
        ...a.adjectives.map((s, j) => ['adjectives', s, j] as [string, string, number]),
      ]);
    });
    g.corridors.forEach((c, i) => {
      check('corridors', i, c.id, [['name', c.name, -1], ...c.aliases.map((s, j) => ['aliases', s, j] as [string, string, number])]);
    });
  });
export type Gazetteer = z.infer<typeof gazetteerSchema>;
export type ActorEntry = Gazetteer['actors'][number];
export type CorridorEntry = Gazetteer['corridors'][number];

// ---------------------------------------------------------------- feeds

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

export const feedEntrySchema = z.strictObject({
  /** Short, stable, used in raw/feeds/<id>/ and in commands. */
  id,
  /** Shown in /feeds list, and the outlet of an article whose page names none. */
  name: text,
  url: httpUrl,
  /** Keep every item, not only those that mention an actor or corridor of the gazetteer. */
  keepAll: z.boolean().default(false),
});
export type FeedEntry = z.infer<typeof feedEntrySchema>;

/** DATA_DIR/feeds.json: the feeds the bot follows, checked in so a team can review changes to it. */
export const feedListSchema = z.strictObject({ version: z.literal(1), feeds: z.array(feedEntrySchema) }).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.feeds.forEach((f, i) => {
    for (const [key, field] of [
      [`id:${f.id}`, 'id'],
      [`url:${f.url}`, 'url'],
    ] as const) {
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['feeds', i, field], message: `the same ${field} as feeds[${first}]` });
      else seen.set(key, i);
    }
  });
});
export type FeedList = z.infer<typeof feedListSchema>;

/** DATA_DIR/build/shared-documents.json: how far this folder has read the shared document log, and pushed to it. */
export const sharedCursorSchema = z.strictObject({
  /** The last document number read from the log. */
  seq: z.number().int().nonnegative(),
  /** Files changed after this time (ms since 1970) are compared with the log at the next push. */
  pushedAt: z.number().nonnegative(),
});
export type SharedCursor = z.infer<typeof sharedCursorSchema>;
