// Scores the corpus answers against the visible sample in ../shared/dev-gold.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contents } from './helpers/corpus-contents.js';
import { actor } from '../src/briefing/actor.js';
import { corridor } from '../src/briefing/corridor.js';
import { sources } from '../src/briefing/sources.js';
import { timeline } from '../src/briefing/timeline.js';
import type { TimelineEvent } from '../src/briefing/answer-types.js';
import { REPO } from './helpers/temp-data.js';
import { seedCorpus } from './helpers/seed-corpus.js';

const GOLD = join(REPO, '../shared/dev-gold.json');

interface Gold {
  articles: { title: string; outlet: string; author: string | null; published: string | null }[];
  boilerplate_absent: string[];
  actor_queries: { query: string; must_quote: string[]; min_articles: number }[];
  corridor_queries: { query: string; must_quote: string[] }[];
  timeline: { date: string; contains: string }[];
  timeline_false_dates: { contains: string; bad_years: 'any' | string[] }[];
}

/** The gold's date format: START or START/END. */
const goldDate = (e: TimelineEvent) => (e.date.end ? `${e.date.start}/${e.date.end}` : e.date.start);

function yearsOf(e: TimelineEvent): string[] {
  const first = Number(e.date.start.slice(0, 4));
  const last = Number((e.date.end ?? e.date.start).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

// vitest collects a skipped describe's body too: without ../shared it must not read the file.
const NO_GOLD: Gold = {
  articles: [],
  boilerplate_absent: [],
  actor_queries: [],
  corridor_queries: [],
  timeline: [],
  timeline_false_dates: [],
};

describe.skipIf(!existsSync(GOLD))('dev gold sample', async () => {
  const gold = existsSync(GOLD) ? (JSON.parse(readFileSync(GOLD, 'utf8')) as Gold) : NO_GOLD;
  const { corpus } = seedCorpus();
  const listed = (await sources(corpus)).articles;

  it.each(gold.articles.map((a) => [a.title, a] as const))('article "%s" has its outlet, author and date', async (_, want) => {
    const got = listed.find((a) => a.title.startsWith(want.title));
    expect(got, `no article title starts with "${want.title}"`).toBeDefined();
    expect(got!.outlet).toBe(want.outlet);
    expect(got!.author).toBe(want.author);
    if (want.published === null) expect(got!.published).toBeNull();
    else if (want.published.startsWith('relative:')) {
      expect(got!.published_approximate).toBe(true);
      expect(got!.published_text).toBe(want.published.slice('relative:'.length));
    } else {
      expect(got!.published).toBe(want.published);
      expect(got!.published_approximate).toBe(false);
    }
  });

  it('quotes no boilerplate', async () => {
    const all = (await contents(corpus)).passages.map((p) => p.text).join('\n');
    for (const b of gold.boilerplate_absent) expect(all).not.toContain(b);
  });

  it.each(gold.actor_queries.map((q) => [q.query, q] as const))('/actor %s quotes what it must, from enough articles', async (_, q) => {
    const a = await actor(corpus, q.query);
    if (!a.ok) throw new Error(`actor ${q.query} failed: ${a.problem.code}`);
    const texts = a.quotes.map((x) => x.text).join('\n');
    for (const m of q.must_quote) expect(texts).toContain(m);
    expect(new Set(a.quotes.map((x) => x.article.id)).size).toBeGreaterThanOrEqual(q.min_articles);
  });

  it.each(gold.corridor_queries.map((q) => [q.query, q] as const))('/corridor %s quotes what it must', async (_, q) => {
    const c = await corridor(corpus, q.query);
    if (!c.ok) throw new Error(`corridor ${q.query} failed: ${c.problem.code}`);
    const texts = c.quotes.map((x) => x.text).join('\n');
    for (const m of q.must_quote) expect(texts).toContain(m);
  });

  // The first screen is what a busy analyst reads: 80% of the key quotes must be in the first five.
  it('ranks the key quotes of /actor and /corridor in the first five, 80% of them at least', async () => {
    const ranks: number[] = [];
    for (const [q, answer] of [
      ...gold.actor_queries.map((q) => [q, actor] as const),
      ...gold.corridor_queries.map((q) => [q, corridor] as const),
    ]) {
      const a = await answer(corpus, q.query);
      ranks.push(...q.must_quote.map((m) => (a.ok ? a.quotes.findIndex((x) => x.text.includes(m)) : -1)));
    }
    const top5 = ranks.filter((r) => r >= 0 && r < 5).length;
    console.log(`key quotes in the first five: ${top5}/${ranks.length} (ranks ${ranks.map((r) => r + 1).join(', ')})`);
    expect(top5 / ranks.length).toBeGreaterThanOrEqual(0.8);
  });

  it('finds every dated event of the sample at its precision, and no false date', async () => {
    const all = await timeline(corpus, {});
    if (!all.ok) throw new Error(all.problem.code);
    const found = gold.timeline.filter((g) => all.events.some((e) => goldDate(e) === g.date && e.quote.text.includes(g.contains)));
    const missed = gold.timeline.filter((g) => !found.includes(g));
    const falseDates = gold.timeline_false_dates.flatMap((f) =>
      all.events.filter(
        (e) => e.quote.text.includes(f.contains) && (f.bad_years === 'any' || yearsOf(e).some((y) => f.bad_years.includes(y))),
      ),
    );
    console.log(`timeline recall ${found.length}/${gold.timeline.length}, false dates ${falseDates.length}, events ${all.events.length}`);
    expect(missed).toEqual([]);
    expect(falseDates.map((e) => `${goldDate(e)}: ${e.quote.text}`)).toEqual([]);
  });
});
