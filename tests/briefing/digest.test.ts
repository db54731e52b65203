import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contents } from '../helpers/corpus-contents.js';
import { digest, type DigestAnswer } from '../../src/briefing/digest.js';
import { parseTopics } from '../../src/briefing/digest-topics.js';
import { describeProblem } from '../../src/briefing/problems.js';
import { renderDigest } from '../../src/render/discord/digest-render.js';
import { limitViolations } from '../../src/render/discord/limits.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const { corpus } = seedCorpus();
// The article that arrives in the period is the one that says most about the Zangezur Corridor.
const first = (await corpus.ranked('corridor', 'zangezur', { limit: 1 }))[0]!.articleId;
const rest = (await contents(corpus)).articles.map((a) => a.id).filter((id) => id !== first);
const START = new Date('2026-11-23T08:00:00Z');
const END = new Date('2026-11-24T08:00:00Z');
// One article arrived inside the period, the others before it.
const firstSeen = new Map([
  [first!, '2026-11-24T07:00:00.000Z'],
  ...rest.map((id) => [id, '2026-11-01T00:00:00.000Z'] as [string, string]),
]);

describe('digest content', () => {
  it('holds only the articles first seen in the period, and quotes only from them', async () => {
    const d = await digest(corpus, { topics: [], start: START, end: END, firstSeen });
    expect(d.articles.map((a) => a.id)).toEqual([first]);
    expect(d.sections.length).toBeGreaterThan(0);
    for (const s of d.sections) {
      expect(s.total).toBeGreaterThan(0);
      for (const q of s.quotes) expect(q.article.id).toBe(first);
    }
    for (const e of d.events) expect(e.article.id).toBe(first);
  });

  it('follows the topics asked for, in order, and says when one has nothing new', async () => {
    const topics = parseTopics(corpus, 'Zangezur Corridor, Iran, Ukraine');
    if (!topics.ok) throw new Error(describeProblem(topics.problem));
    const d = await digest(corpus, { topics: topics.topics, start: START, end: END, firstSeen });
    expect(d.sections.map((s) => s.topic.name)).toEqual(['Zangezur Corridor', 'Iran', 'Ukraine']);
    expect(d.sections[0]!.quotes[0]!.text).toMatch(/Zangezur|corridor|route/i);
    expect(d.sections[2]).toMatchObject({ total: 0, quotes: [] });
    const embeds = renderDigest({ answer: d, name: 'x', timezone: 'UTC' }).embeds!;
    expect(embeds.find((e) => e.title === 'Ukraine')?.description).toBe('Nothing new on Ukraine in this period.');
    for (const e of d.events)
      expect([...e.actors, ...e.corridors].some((t) => ['Zangezur Corridor', 'Iran', 'Ukraine'].includes(t.name))).toBe(true);
  });

  it('leaves background dates to /timeline: events are from the month before publication on', async () => {
    const d = await digest(corpus, { topics: [], start: new Date('2026-10-01T00:00:00Z'), end: END, firstSeen });
    for (const e of d.events) {
      const published = (await corpus.article(e.article.id))!.published!;
      const monthBefore = new Date(Date.parse(published) - 31 * 86_400_000).toISOString().slice(0, 10);
      expect((e.date.end ?? e.date.start) >= monthBefore.slice(0, (e.date.end ?? e.date.start).length)).toBe(true);
    }
  });

  it('is empty when nothing arrived', async () => {
    const d = await digest(corpus, { topics: [], start: END, end: new Date('2026-11-25T08:00:00Z'), firstSeen });
    expect(d.articles).toEqual([]);
    expect(d.sections).toEqual([]);
    const msg = renderDigest({ answer: d, name: 'New in the corpus', timezone: 'Europe/Berlin' });
    expect(msg.content).toBe('📭 **Digest: New in the corpus**: nothing new since 24 Nov 2026, 09:00 (Europe/Berlin).');
  });

  it('refuses unknown topics with suggestions, and more than five', async () => {
    const bad = parseTopics(corpus, 'Iran, Zangezr');
    expect(!bad.ok && bad.problem.code).toBe('unknown-topic');
    expect(!bad.ok && describeProblem(bad.problem)).toMatch(/"Zangezr" is not an actor or corridor.*Did you mean: Zangezur/);
    expect(parseTopics(corpus, 'Iran, Russia, Turkey, Armenia, Azerbaijan, Georgia').ok).toBe(false);
    expect(parseTopics(corpus, 'iran, IRAN, Tehran')).toMatchObject({ ok: true, topics: [{ name: 'Iran' }] });
  });
});

describe('digest rendering', () => {
  it('fits any digest within Discord limits: at most 10 embeds and 6000 characters', async () => {
    const real = await digest(corpus, { topics: [], start: new Date('2026-10-01T00:00:00Z'), end: END, firstSeen });
    const text = fc.string({ minLength: 0, maxLength: 3000 });
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 12 }),
        fc.array(text, { maxLength: 30 }),
        fc.string({ maxLength: 300 }),
        (bodies, titles, name) => {
          const quote = real.sections[0]!.quotes[0]!;
          const answer: DigestAnswer = {
            ...real,
            articles: titles.map((t, i) => ({ ...quote.article, id: `a${i}`, title: t || 'x', outlet: t, author: `@everyone ${t}` })),
            sections: bodies.map((b, i) => ({
              topic: { type: 'actor', id: `x${i}`, name: b.slice(0, 300) || 'x' },
              total: 3,
              quotes: [1, 2, 3].map(() => ({ ...quote, text: b })),
            })),
            events: real.events.concat(real.events).map((e) => ({ ...e, quote: { ...e.quote, text: bodies[0]! } })),
          };
          const msg = renderDigest({ answer, name, timezone: 'UTC' });
          expect(limitViolations(msg)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('stories in a digest', () => {
  it('lists a story once with the outlets that also reported it, and tells other stories apart', async () => {
    const { openCorpus } = await import('../../src/corpus/build-store.js');
    const { tempData } = await import('../helpers/temp-data.js');
    const md = (title: string, outlet: string, day: string, paragraphs: string[]) =>
      `---\ntitle: ${title}\noutlet: ${outlet}\nauthor: A. Writer\npublished: ${day}\n---\n\n${paragraphs.join('\n\n')}\n`;
    const wire = [
      'Georgia said on Monday it would double the capacity of its Black Sea ports for the Middle Corridor by 2028.',
      'Officials in Tbilisi said the new terminals at Poti and Anaklia would take container trains from Baku.',
      'The European Union has promised to help pay for the works, the transport ministry said.',
    ];
    const c = openCorpus(
      tempData({
        'a.md': md('Georgia doubles its ports', 'Caucasus Daily', '2026-11-23', wire),
        'b.md': md('Ports to double, Georgia says', 'Black Sea Wire', '2026-11-24', [...wire, 'A paragraph of its own, added here.']),
        'c.md': md('New ferries on the Caspian', 'OC Media', '2026-11-24', [
          'Georgia and Kazakhstan agreed new ferries for the Middle Corridor across the Caspian, officials said on Friday.',
        ]),
      }),
    );
    const ids = (await contents(c)).articles.map((a) => a.id);
    const seen = new Map(ids.map((id) => [id, '2026-11-24T07:00:00.000Z'] as [string, string]));
    const d = await digest(c, { topics: [], start: START, end: END, firstSeen: seen });
    expect(d.articles).toHaveLength(3);
    // Newest first, as the articles are (a tie on the day goes by title).
    expect(d.stories.map((s) => [s.article.outlet, s.also.map((a) => a.outlet)])).toEqual([
      ['OC Media', []],
      ['Black Sea Wire', ['Caucasus Daily']],
    ]);
    const view = { answer: d, name: 'New in the corpus', timezone: 'UTC' };
    expect(renderDigest(view).embeds![0]!.description).toMatch(
      /3 new article\(s\), 2 stories:\n• \*\*OC Media\*\*.*\n• \*\*Black Sea Wire\*\*.* · also Caucasus Daily/,
    );
  });
});
