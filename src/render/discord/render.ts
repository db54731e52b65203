// Answers as Discord messages: embeds with a citation under every quote,
// markdown in article text escaped, long answers split into pages of a fixed
// size (so a page number always means the same quotes). The limits in
// limits.ts are respected by construction and checked by property tests.
import type { APIEmbed } from 'discord-api-types/v10';
import { escapeMarkdown } from '../escape-markdown.js';
import type { Answer, ArticleRef, BriefAnswer, Quote, QuotePage, SourceEntry, TimelineEvent } from '../../briefing/answer-types.js';
import { describeProblem } from '../../briefing/problems.js';
import { addedHeadline, formatPublished, linkableUrl } from '../citation.js';
import { dateLabel } from '../date-label.js';
import type { Window } from '../../briefing/window.js';
import { clip, LIMITS, type MessagePayload } from './limits.js';
import { pageButtons, pageFooter } from './paging.js';

const COLOR = 0x2b6cb0;
const PER_PAGE = { quotes: 5, events: 6, sources: 8 } as const;
const QUOTE_CHARS = 600;
const LEAD_CHARS = 900;

const md = (text: string) => escapeMarkdown(text);

export function citationMd(a: ArticleRef): string {
  const title = `*${md(clip(a.title, 150))}*`;
  const link = linkableUrl(a.url);
  return [
    `**${md(clip(a.outlet ?? 'outlet unknown', 80))}**`,
    // A masked link keeps the citation short; the angle brackets stop Discord unfurling a preview.
    link ? `[${title}](<${link}>)` : title,
    md(clip(a.author ?? 'author unknown', 80)),
    formatPublished(a),
  ].join(' · ');
}

const sourceLine = (a: SourceEntry) => `${citationMd(a)} · ${a.passages} quotes · \`${a.id}\``;

export function quoteBlock(q: Quote, label?: string): string {
  const caption = q.kind === 'caption' ? ' *(photo caption)*' : '';
  const head = label ? `**${md(label)}**\n` : '';
  return `${head}> ${md(clip(q.text, QUOTE_CHARS))}${caption}\n— ${citationMd(q.article)} · \`${q.id}\``;
}

interface Layout {
  title: string;
  lead: string;
  /** Formatted only when their page is drawn: a timeline may hold thousands. */
  items: (() => string)[];
  perPage: number;
  fields?: APIEmbed['fields'];
  /** For answers that hold one window of a longer list: how long the list is, and where `items` start in it. */
  total?: number;
  offset?: number;
}

/** An answer holding one page of its quotes: where they start, and how many it has (the page count). */
const pageOf = (page: QuotePage | undefined): Pick<Layout, 'total' | 'offset'> => (page ? { total: page.total, offset: page.offset } : {});

/** Who is speaking, above a statement: "Dmitry Peskov · said". */
export function speakerLabel(q: Quote): string | undefined {
  return q.speech ? `${clip(q.speech.speaker.name, 120)} · ${q.speech.cue}` : undefined;
}

/** said: a timeline of statements, where each event says who spoke ("3 March 2026 · Iran's foreign ministry · warned"). */
function eventBlock(e: TimelineEvent, said = false): string {
  const who = said ? speakerLabel(e.quote) : undefined;
  return quoteBlock(e.quote, who ? `${dateLabel(e.date)} · ${who}` : dateLabel(e.date));
}

/** "Also reported by Outlet A, Outlet B": the other outlets that told a quote's story. */
function alsoReported(refs: readonly ArticleRef[] | undefined): string {
  if (!refs?.length) return '';
  const outlets = [...new Set(refs.map((r) => r.outlet ?? 'outlet unknown'))];
  return `\n*Also reported by:* ${md(clip(outlets.join(', '), 200))}`;
}

function briefLayout(b: BriefAnswer): Layout {
  const events = b.events.map((e) => `**${md(dateLabel(e.date))}**: ${md(clip(e.quote.text, 160))} \`${e.quote.id}\``);
  return {
    title: `Briefing: ${b.topic.name}`,
    lead: b.summary,
    items: b.quotes.map((q) => () => `${quoteBlock(q)}${alsoReported(b.also[q.id])}`),
    perPage: b.quotes.length || 1,
    fields: events.length ? [{ name: 'Latest dated events', value: clip(events.join('\n'), LIMITS.fieldValue) }] : [],
  };
}

function layoutOf(answer: Exclude<Answer, { ok: false }>): Layout {
  switch (answer.command) {
    case 'actor': {
      const a = answer.actor;
      const lead = a
        ? `${a.kind} · mentioned in ${a.articles} article(s), ${a.mentions} quote(s) · ${a.statements} statement(s)` +
          `${answer.said ? '\nIts own statements, newest first.' : ''}${a.aliases.length ? `\nAlso: ${md(a.aliases.join(', '))}` : ''}`
        : md(answer.fallback?.note ?? '');
      return {
        title: a ? a.name : `Mentions of ${answer.fallback?.name ?? ''}`,
        lead,
        items: answer.quotes.map((q) => () => quoteBlock(q, answer.said ? speakerLabel(q) : undefined)),
        perPage: PER_PAGE.quotes,
        ...pageOf(answer.page),
      };
    }
    case 'says': {
      const scope = [
        answer.about && `about ${answer.about.name}`,
        (answer.from || answer.to) && `${answer.from ?? '…'} to ${answer.to ?? '…'}`,
      ]
        .filter(Boolean)
        .join(' · ');
      const held = answer.page?.total ?? answer.quotes.length;
      const lead = answer.total
        ? `${answer.total} statement(s)${scope ? ` ${md(scope)}` : ''}, newest first` +
          `${answer.total > held ? `; the newest ${held} here` : ''}`
        : `No statement by ${md(answer.actor.name)}${scope ? ` ${md(scope)}` : ''} in the articles.`;
      return {
        title: `What ${answer.actor.name} said`,
        lead,
        items: answer.quotes.map((q) => () => quoteBlock(q, speakerLabel(q))),
        perPage: PER_PAGE.quotes,
        ...pageOf(answer.page),
      };
    }
    case 'corridor': {
      const c = answer.corridor;
      if (!c)
        return {
          title: `Mentions of ${answer.fallback?.name ?? ''}`,
          lead: md(answer.fallback?.note ?? ''),
          items: answer.quotes.map((q) => () => quoteBlock(q)),
          perPage: PER_PAGE.quotes,
          ...pageOf(answer.page),
        };
      const who = (s: 'backs' | 'opposes') =>
        c.stances
          .filter((x) => x.stance === s)
          .map((x) => `${md(x.actor.name)}${x.said ? ' (in its own words)' : ''}`)
          .join(', ');
      const lead = [
        `corridor · mentioned in ${c.articles} article(s), ${c.mentions} quote(s)`,
        c.definition ? `**What it is:** ${md(clip(c.definition.text, 400))}` : 'No article defines it yet.',
        who('backs') && `**Backed by:** ${who('backs')}`,
        who('opposes') && `**Opposed by:** ${who('opposes')}`,
      ]
        .filter(Boolean)
        .join('\n');
      return {
        title: c.name,
        lead,
        items: answer.quotes.map((q) => () => quoteBlock(q)),
        perPage: PER_PAGE.quotes,
        ...pageOf(answer.page),
      };
    }
    case 'search': {
      const how = { all: 'all terms', any: 'some terms', fuzzy: 'near spellings', prefix: 'words that start so', none: '' }[answer.match];
      const held = answer.page?.total ?? answer.quotes.length;
      const lead = held
        ? `${answer.total} quote(s), matching ${how}${answer.total > held ? `; the best ${held} here` : ''}`
        : `No quote matches (searched: ${md(answer.terms.join(', '))}).`;
      return {
        title: `Search: ${answer.query}`,
        lead,
        items: answer.quotes.map((q) => () => quoteBlock(q)),
        perPage: PER_PAGE.quotes,
        ...pageOf(answer.page),
      };
    }
    case 'timeline': {
      const f = answer.filters;
      const scope = [f.actor?.name, f.said && 'own statements', f.corridor?.name, (f.from || f.to) && `${f.from ?? '…'} to ${f.to ?? '…'}`]
        .filter(Boolean)
        .join(' · ');
      const lead = answer.total ? `${answer.total} dated event(s), oldest first` : 'No quote states a date in that scope.';
      return {
        title: `Timeline${scope ? `: ${scope}` : ''}`,
        lead,
        items: answer.events.map((e) => () => eventBlock(e, f.said)),
        perPage: PER_PAGE.events,
        total: answer.total,
        offset: answer.offset,
      };
    }
    case 'sources':
      return {
        title: 'Sources',
        lead: `${answer.total} article(s) in the corpus`,
        items: answer.articles.map((a) => () => sourceLine(a)),
        perPage: PER_PAGE.sources,
        total: answer.total,
        offset: answer.offset,
      };
    case 'add':
      return {
        title: answer.outcome === 'new' ? 'Added to the corpus' : 'In the corpus',
        // The address in angle brackets: a link Discord shows without a preview card.
        lead: `${md(addedHeadline(answer))}${linkableUrl(answer.url) ? `\n<${linkableUrl(answer.url)}>` : ''}`,
        items: answer.articles.map((a) => () => sourceLine(a)),
        perPage: PER_PAGE.sources,
      };
    case 'brief':
      return briefLayout(answer);
    case 'quote': {
      const q = answer.quote;
      const context = (list: string[]) => list.map((t) => `-# ${md(clip(t, 300))}`).join('\n');
      const body = [context(answer.before), quoteBlock(q), context(answer.after)].filter(Boolean).join('\n');
      return { title: `Quote ${q.id}`, lead: '', items: [() => body], perPage: 1 };
    }
  }
}

export function pageCount(answer: Answer): number {
  if (!answer.ok) return 1;
  const l = layoutOf(answer);
  return Math.max(1, Math.ceil((l.total ?? l.items.length) / l.perPage));
}

/** The topic an answer's discussion thread is named after, or null for an answer that opens none (a mistake). */
export function threadTopic(answer: Answer): string | null {
  return answer.ok && answer.command === 'brief' ? answer.topic.name : null;
}

/** The slice of a long list a command should answer with to draw one page (timeline and sources hold windows). */
export function pageWindow(command: string, page: number): Window {
  const size = command === 'timeline' ? PER_PAGE.events : command === 'sources' ? PER_PAGE.sources : PER_PAGE.quotes;
  return { offset: Math.max(0, page) * size, limit: size };
}

/** One page of an answer as a message, with Previous/Next buttons when there is more than one. */
export function renderPage(answer: Answer, page: number, line: string): MessagePayload {
  if (!answer.ok) return { content: `⚠️ ${clip(describeProblem(answer.problem), LIMITS.content - 3)}`, embeds: [], components: [] };
  const l = layoutOf(answer);
  const pages = Math.max(1, Math.ceil((l.total ?? l.items.length) / l.perPage));
  const at = Math.min(Math.max(0, page), pages - 1);
  const from = at * l.perPage - (l.offset ?? 0);
  const shown = l.items.slice(Math.max(0, from), Math.max(0, from + l.perPage)).map((draw) => draw());
  const description = [l.lead && clip(l.lead, LEAD_CHARS), ...shown].filter(Boolean).join('\n\n');
  const embed: APIEmbed = {
    color: COLOR,
    // Escaping at most doubles the length: clip first, so the title stays within its limit.
    title: md(clip(l.title, Math.floor(LIMITS.title / 2))),
    description: clip(description || 'Nothing to show.', LIMITS.description),
    // 600 keeps title + description + footer + one field under the 6000 total; command lines are shorter.
    footer: { text: clip(pageFooter(at, pages, line), 600) },
    ...(l.fields?.length ? { fields: l.fields } : {}),
  };
  return { embeds: [embed], components: pageButtons(at, pages, line) };
}
