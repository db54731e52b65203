// The renderer owns Discord's limits: random long quotes, many results and
// hostile text never produce a payload Discord would reject.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, ArticleRef, EventDate, NamedRef, Quote, TimelineAnswer } from '../../src/briefing/answer-types.js';
import { clip, LIMITS, limitViolations } from '../../src/render/discord/limits.js';
import { decodePageId, encodePageId, FROM_FOOTER, lineFromFooter, pageFooter } from '../../src/render/discord/paging.js';
import { pageCount, renderPage } from '../../src/render/discord/render.js';

const text = (max: number) =>
  fc.string({
    minLength: 1,
    maxLength: max,
    unit: fc.oneof(fc.constantFrom('a', ' ', '*', '_', '`', '>', '@', '\n', 'é', 'Ж', '|', '~'), fc.string({ minLength: 1, maxLength: 1 })),
  });

const article: fc.Arbitrary<ArticleRef> = fc.record({
  id: fc.constantFrom('abcdef12', '0123abcd'),
  title: text(600),
  outlet: fc.option(text(300), { nil: null }),
  author: fc.option(text(300), { nil: null }),
  authors: fc.constant([]),
  published: fc.option(fc.constant('2025-07-15'), { nil: null }),
  published_approximate: fc.boolean(),
  published_at: fc.constant(null),
  url: fc.option(
    fc.constantFrom(
      'https://news.example/a?b=1',
      'javascript:alert(1)',
      `https://news.example/${'a'.repeat(3000)}`,
      'https://x.example/)[x](y',
    ),
    {
      nil: null,
    },
  ),
});

const quote: fc.Arbitrary<Quote> = fc.record({
  id: fc.constant('abcdef12.123456'),
  text: text(5000),
  kind: fc.constantFrom('body' as const, 'caption' as const),
  speech: fc.option(
    fc.record({
      kind: fc.constantFrom('direct' as const, 'indirect' as const, 'mixed' as const),
      cue: fc.constantFrom('said', 'according to'),
      speaker: fc.record({ name: text(300), actor: fc.constant(null), anonymous: fc.boolean() }),
      about: fc.constant(null),
    }),
    { nil: null },
  ),
  article,
});

const answers: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    ok: fc.constant(true as const),
    command: fc.constant('search' as const),
    query: text(300),
    terms: fc.array(text(40), { maxLength: 30 }),
    match: fc.constant('all' as const),
    total: fc.nat({ max: 100000 }),
    quotes: fc.array(quote, { maxLength: 60 }),
  }),
  fc.record({
    ok: fc.constant(true as const),
    command: fc.constant('actor' as const),
    actor: fc.record({
      id: fc.constant('x'),
      name: text(300),
      kind: fc.constant('country' as const),
      aliases: fc.array(text(100), { maxLength: 40 }),
      articles: fc.nat(),
      mentions: fc.nat(),
      statements: fc.nat(),
    }),
    quotes: fc.array(quote, { maxLength: 60 }),
  }),
  fc.record({
    ok: fc.constant(true as const),
    command: fc.constant('timeline' as const),
    filters: fc.constant<TimelineAnswer['filters']>({ actor: null, corridor: null, from: null, to: null }),
    events: fc.array(
      fc.record({
        date: fc.constant<EventDate>({ start: '2024-07', end: null, precision: 'month', approximate: false }),
        phrase: fc.constant('July 2024'),
        quote,
        actors: fc.constant<NamedRef[]>([]),
        corridors: fc.constant<NamedRef[]>([]),
        article,
      }),
      { maxLength: 40 },
    ),
    total: fc.nat({ max: 100000 }),
    offset: fc.constant(0),
  }),
  fc.record({
    ok: fc.constant(true as const),
    command: fc.constant('brief' as const),
    topic: fc.record({ type: fc.constant('text' as const), id: fc.constant(null), name: text(300) }),
    summary: text(200),
    quotes: fc.array(quote, { maxLength: 5 }),
    also: fc.dictionary(fc.constant('abcdef12.123456'), fc.array(article, { maxLength: 8 })),
    events: fc.array(
      fc.record({
        date: fc.constant<EventDate>({ start: '1988', end: '1994', precision: 'year', approximate: false }),
        phrase: fc.constant('x'),
        quote,
        actors: fc.constant<NamedRef[]>([]),
        corridors: fc.constant<NamedRef[]>([]),
        article,
      }),
      { maxLength: 5 },
    ),
  }),
);

describe('Discord renderer', () => {
  it('keeps every page of any answer within Discord limits', () => {
    fc.assert(
      fc.property(answers, text(350), (answer, line) => {
        const pages = pageCount(answer);
        for (const page of [0, pages - 1, pages + 3])
          expect(limitViolations(renderPage(answer, page, `/search query:${line}`))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('escapes markdown in quoted text', () => {
    const q: Quote = {
      id: 'abcdef12.123456',
      text: '**bold** _it_ `code` @everyone',
      kind: 'body',
      speech: null,
      article: {
        id: 'a',
        title: 't',
        outlet: 'o',
        author: null,
        authors: [],
        published: null,
        published_approximate: false,
        published_at: null,
        url: null,
      },
    };
    const page = renderPage(
      { ok: true, command: 'search', query: 'x', terms: ['x'], match: 'all', total: 1, quotes: [q] },
      0,
      '/search query:x',
    );
    expect(page.embeds![0]!.description).toContain('\\*\\*bold\\*\\* \\_it\\_ \\`code\\`');
  });

  it('cuts on a word boundary with an ellipsis', () => {
    expect(clip('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(clip('short', 12)).toBe('short');
  });

  it('puts the command line and page in a custom_id of at most 100 characters, or reads it from the footer', () => {
    expect(decodePageId(encodePageId(3, '/actor name:Iran'))).toEqual({ page: 3, line: '/actor name:Iran' });
    const long = `/search query:${'word '.repeat(60)}`;
    const id = encodePageId(2, long);
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(decodePageId(id)).toEqual({ page: 2, line: FROM_FOOTER });
    expect(lineFromFooter(pageFooter(2, 9, long))).toBe(long);
  });
});
