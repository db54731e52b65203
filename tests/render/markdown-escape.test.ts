// Text from articles and users never becomes markdown in anything the bot
// renders: no masked link, heading, subtext, block quote or list can come
// out of a title, a quote or a query, in answers, digests or the console.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, ArticleRef, Quote } from '../../src/briefing/answer-types.js';
import { renderDigest } from '../../src/render/discord/digest-render.js';
import { renderPage } from '../../src/render/discord/render.js';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';
import { toText } from '../../src/render/text.js';

const HOSTILE = [
  '[click here](https://evil.example/login)',
  '# Heading',
  '-# subtext',
  '> quoted',
  '- item',
  '1. first',
  '**bold**',
  '__u__',
  '~~s~~',
  '||spoiler||',
  '`code`',
  '<@123>',
  '\\',
  '\n',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' ').trim() || 'x');

const article = hostile.map(
  (title): ArticleRef => ({
    id: 'abcdef12',
    title,
    outlet: title,
    author: title,
    authors: [title],
    published: '2025-07-15',
    published_approximate: false,
    published_at: null,
    url: null,
  }),
);
const quote = fc
  .tuple(hostile, article)
  .map(([text, a]): Quote => ({ id: 'abcdef12.123456', text, kind: 'body', article: a, speech: null }));

/** A masked link, or a line-level construct, that the text would render as. */
const MASKED_LINK = /(?<!\\)\[[^\]\n]*(?<!\\)\]\((?:\s|<)*https?:/;
const LINE_CONSTRUCT = /^(?:#{1,3} |-# |\d+[.)] )/m;

function visibleText(answer: Answer): string[] {
  const page = renderPage(answer, 0, '/search query:x');
  return (page.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
}

describe('markdown from articles and users', () => {
  it('escapes masked links, headings, subtext, block quotes and lists', () => {
    const out = escapeMarkdown('Iran [click here](https://evil.example/login)\n# Big\n-# small\n> q\n- a\n1. b');
    expect(out).not.toMatch(MASKED_LINK);
    expect(out).not.toMatch(LINE_CONSTRUCT);
    expect(out).toBe('Iran \\[click here\\]\\(https://evil.example/login\\)\n\\# Big\n\\-\\# small\n\\> q\n\\- a\n1\\. b');
  });

  it('never renders as a link or a line construct in an answer or a digest', () => {
    fc.assert(
      fc.property(fc.array(quote, { minLength: 1, maxLength: 6 }), hostile, (quotes, query) => {
        const answers: Answer[] = [
          { ok: true, command: 'search', query, terms: [query], match: 'all', total: quotes.length, quotes },
          {
            ok: true,
            command: 'actor',
            actor: null,
            fallback: { kind: 'mentions', name: query, note: `"${query}" is not in the gazetteer` },
            quotes,
          },
          {
            ok: true,
            command: 'brief',
            topic: { type: 'text', id: null, name: query },
            summary: 's',
            quotes,
            also: Object.fromEntries(quotes.map((q) => [q.id, [q.article]])),
            events: [],
          },
        ];
        for (const a of answers) {
          for (const t of visibleText(a)) {
            expect(t).not.toMatch(MASKED_LINK);
            expect(t.split('\n').filter((l) => LINE_CONSTRUCT.test(l))).toEqual([]);
          }
        }
        const digest = renderDigest({
          answer: {
            ok: true,
            command: 'digest',
            period: { start: '2026-11-23T08:00:00.000Z', end: '2026-11-24T08:00:00.000Z' },
            topics: [],
            articles: quotes.map((q) => q.article),
            stories: quotes.map((q) => ({ article: q.article, also: [] })),
            sections: [{ topic: { type: 'actor', id: 'iran', name: query }, total: quotes.length, quotes }],
            // Speaker names are article text too: as hostile as the quotes.
            statements: quotes.map((q) => ({
              ...q,
              speech: { kind: 'direct', cue: 'said', speaker: { name: q.text.slice(0, 60), actor: null, anonymous: false }, about: null },
            })),
            events: [],
          },
          name: query,
          timezone: 'UTC',
        });
        for (const e of digest.embeds ?? []) for (const t of [e.title ?? '', e.description ?? '']) expect(t).not.toMatch(MASKED_LINK);
        expect(digest.content ?? '').not.toMatch(MASKED_LINK);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves the console free of terminal escape sequences from article text', () => {
    const a: ArticleRef = {
      id: 'a',
      title: 't\u001b]8;;https://evil\u0007x',
      outlet: 'o',
      author: null,
      authors: [],
      published: null,
      published_approximate: false,
      published_at: null,
      url: null,
    };
    const q: Quote = { id: 'abcdef12.123456', text: 'Iran \u001b[31mred\u001b[0m said', kind: 'body', article: a, speech: null };
    const out = toText(
      { ok: true, command: 'search', query: 'x', terms: ['x'], match: 'all', total: 1, quotes: [q] },
      { limit: 10, ansi: false },
    );
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
