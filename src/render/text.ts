// Terminal text for an answer: readable, every quote with its citation and
// id. Long answers show the first `limit` quotes and say how many remain.
import type {
  ActorAnswer,
  Answer,
  ArticleRef,
  SaysAnswer,
  CorridorAnswer,
  Quote,
  SearchAnswer,
  SourcesAnswer,
  TimelineAnswer,
  BriefAnswer,
  QuoteAnswer,
} from '../briefing/answer-types.js';
import { groupEvents } from './event-groups.js';
import { dateLabel } from './date-label.js';
import { describeProblem } from '../briefing/problems.js';
import type { WatchTestResult } from '../briefing/watch/watch-test.js';
import { addedHeadline, citation, formatPublished, linkableUrl } from './citation.js';

export interface TextOptions {
  /** Quotes to show; 0 shows all. */
  limit: number;
  /** Mark matched words with ANSI bold (for terminals) instead of *asterisks*. */
  ansi: boolean;
}

function marked(q: Quote, ansi: boolean): string {
  if (!q.matches?.length) return q.text;
  let out = '';
  let at = 0;
  for (const { start, length } of q.matches) {
    if (start < at) continue;
    const word = q.text.slice(start, start + length);
    out += q.text.slice(at, start) + (ansi ? `\u001b[1m${word}\u001b[22m` : `*${word}*`);
    at = start + length;
  }
  return out + q.text.slice(at);
}

function quoteLine(q: Quote, opts: TextOptions): string {
  return `“${marked(q, opts.ansi)}”${q.kind === 'caption' ? ` (photo caption${q.credit ? `; ${q.credit}` : ''})` : ''}`;
}

/** "Dmitry Peskov (said): ", before a statement; '' for a quote that reports no one. */
const speakerPrefix = (q: Quote) => (q.speech ? `${q.speech.speaker.name} (${q.speech.cue}): ` : '');

/**
 * speakers: name who speaks before each quote ("Dmitry Peskov said: “…”"), for answers made of statements; also: the
 * other articles that told each quote's story.
 */
function quoteLines(quotes: Quote[], opts: TextOptions, speakers = false, also: Record<string, ArticleRef[]> = {}): string[] {
  const shown = opts.limit > 0 ? quotes.slice(0, opts.limit) : quotes;
  const who = (q: Quote) => (speakers ? speakerPrefix(q) : '');
  const others = (q: Quote) =>
    also[q.id]?.length ? [`     also reported by ${[...new Set(also[q.id]!.map((a) => a.outlet ?? 'outlet unknown'))].join(', ')}`] : [];
  const lines = shown.flatMap((q, i) => [
    `${String(i + 1).padStart(3)}. ${who(q)}${quoteLine(q, opts)}`,
    `     — ${citation(q.article)}  [${q.id}]`,
    ...others(q),
  ]);
  if (shown.length < quotes.length)
    lines.push('', `… ${quotes.length - shown.length} more quotes (--limit 0 shows all; --json gives the full answer)`);
  if (quotes.length === 0) lines.push('No quotes.');
  return lines;
}

function saysText(a: SaysAnswer, opts: TextOptions): string[] {
  const scope = [a.about && `about ${a.about.name}`, (a.from || a.to) && `${a.from ?? '…'} to ${a.to ?? '…'}`].filter(Boolean).join(' · ');
  return [
    `What ${a.actor.name} said${scope ? ` · ${scope}` : ''} · ${a.total} statement(s), newest first`,
    '',
    ...quoteLines(a.quotes, opts, true),
  ];
}

function actorText(a: ActorAnswer, opts: TextOptions): string[] {
  const head = a.actor
    ? [
        `${a.actor.name} · ${a.actor.kind} · mentioned in ${a.actor.articles} article(s), ${a.actor.mentions} quote(s) · ` +
          `${a.actor.statements} statement(s)`,
        ...(a.said ? ['Its own statements, newest first.'] : []),
        ...(a.actor.aliases.length ? [`Also: ${a.actor.aliases.join(', ')}`] : []),
      ]
    : [a.fallback?.note ?? ''];
  return [...head, '', ...quoteLines(a.quotes, opts, a.said)];
}

function corridorText(c: CorridorAnswer, opts: TextOptions): string[] {
  if (!c.corridor) return [c.fallback?.note ?? '', '', ...quoteLines(c.quotes, opts)];
  const k = c.corridor;
  const head = [`${k.name} · corridor · mentioned in ${k.articles} article(s), ${k.mentions} quote(s)`];
  if (k.aliases.length) head.push(`Also: ${k.aliases.join(', ')}`);
  head.push(k.definition ? `What it is: “${k.definition.text}” [${k.definition.id}]` : 'What it is: no article defines it yet.');
  for (const stance of ['backs', 'opposes'] as const) {
    const who = k.stances
      .filter((s) => s.stance === stance)
      .map((s) => `${s.actor.name}${s.said ? ' (in its own words)' : ''} [${s.quote.id}]`);
    if (who.length) head.push(`${stance === 'backs' ? 'Backed by' : 'Opposed by'}: ${who.join(', ')}`);
  }
  return [...head, '', ...quoteLines(c.quotes, opts)];
}

/** The query in quotation marks, once: a phrase the user typed in quotes keeps only its own. */
const quoted = (query: string) => (/^["“«].*["”»]$/.test(query.trim()) ? query.trim() : `"${query}"`);

function searchText(s: SearchAnswer, opts: TextOptions): string[] {
  const how = {
    all: 'all terms',
    any: 'some of the terms (no passage has them all)',
    fuzzy: 'near spellings (no exact match)',
    prefix: 'words that start so (no exact match)',
    none: '',
  }[s.match];
  const head = s.quotes.length
    ? `${s.total} quote(s) for ${quoted(s.query)}, matching ${how}` +
      (s.total > s.quotes.length ? ` (the best ${s.quotes.length} below)` : '')
    : `No quote matches ${quoted(s.query)} (searched: ${s.terms.join(', ')}).`;
  return s.quotes.length ? [head, '', ...quoteLines(s.quotes, opts)] : [head];
}

function timelineText(t: TimelineAnswer, opts: TextOptions): string[] {
  const f = t.filters;
  const scope = [
    f.actor && `actor ${f.actor.name}${f.said ? ' (its own statements)' : ''}`,
    f.corridor && `corridor ${f.corridor.name}`,
    (f.from || f.to) && `${f.from ?? 'the start'} to ${f.to ?? 'now'}`,
  ]
    .filter(Boolean)
    .join(', ');
  const head = `${t.total} dated event(s)${scope ? ` for ${scope}` : ''}`;
  if (t.events.length === 0) return [head, '', 'No quote states a date in that scope.'];
  const shown = opts.limit > 0 ? t.events.slice(0, opts.limit) : t.events;
  const lines = [head];
  for (const year of groupEvents(shown)) {
    lines.push('', `── ${year.year} ──`);
    for (const group of year.dates) {
      lines.push(`${group.label}`);
      for (const e of group.events) {
        const who = f.said ? speakerPrefix(e.quote) : '';
        lines.push(`   ${who}${quoteLine(e.quote, opts)}`, `     — ${citation(e.article)}  [${e.quote.id}]`);
      }
    }
  }
  if (shown.length < t.total)
    lines.push(
      '',
      `… ${t.total - shown.length} more events (--limit 0 shows ` +
        `${t.events.length < t.total ? `the first ${t.events.length}` : 'all'}; --json gives them as data)`,
    );
  return lines;
}

function briefText(b: BriefAnswer, opts: TextOptions): string[] {
  const lines = [
    `Briefing: ${b.topic.name}${b.topic.type === 'text' ? '' : ` (${b.topic.type})`}`,
    b.summary,
    '',
    ...quoteLines(b.quotes, { ...opts, limit: 0 }, false, b.also),
  ];
  if (b.events.length) {
    lines.push('', 'Latest dated events:');
    for (const e of b.events) lines.push(`  ${dateLabel(e.date)}: ${quoteLine(e.quote, opts)}  [${e.quote.id}]`);
  }
  return lines;
}

function quoteText(q: QuoteAnswer, opts: TextOptions): string[] {
  return [
    ...q.before.map((t) => `   … ${t}`),
    `>> ${quoteLine(q.quote, opts)}`,
    ...q.after.map((t) => `   … ${t}`),
    '',
    `— ${citation(q.quote.article)}  [${q.quote.id}]`,
  ];
}

function sourcesText(s: SourcesAnswer): string[] {
  return [
    `${s.total} article(s) in the corpus${s.articles.length < s.total ? ` (the newest ${s.articles.length} below)` : ''}`,
    '',
    ...s.articles.flatMap((a) => [
      `• ${a.title}`,
      `  ${a.outlet ?? 'outlet unknown'} · ${a.author ?? 'author unknown'} · ` +
        `${formatPublished(a)}${a.published_text ? ` (“${a.published_text}”)` : ''} · ${a.passages} quotes  [${a.id}]`,
      ...(linkableUrl(a.url) ? [`  ${linkableUrl(a.url)}`] : []),
    ]),
  ];
}

// Control characters (an escape sequence can recolour a terminal, rewrite the line or plant a link),
// except newlines and the bold marks this renderer writes itself.
const CONTROLS = /\u001b(?!\[(?:1|22)m)|[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f]/g;

function lines(answer: Answer, opts: TextOptions): string[] {
  if (!answer.ok) return [`Error: ${describeProblem(answer.problem)}`];
  switch (answer.command) {
    case 'actor':
      return actorText(answer, opts);
    case 'says':
      return saysText(answer, opts);
    case 'corridor':
      return corridorText(answer, opts);
    case 'search':
      return searchText(answer, opts);
    case 'sources':
      return sourcesText(answer);
    case 'timeline':
      return timelineText(answer, opts);
    case 'brief':
      return briefText(answer, opts);
    case 'quote':
      return quoteText(answer, opts);
    case 'add':
      return [
        addedHeadline(answer),
        ...(linkableUrl(answer.url) ? [linkableUrl(answer.url)!] : []),
        '',
        ...sourcesText({ ok: true, command: 'sources', articles: answer.articles, total: answer.articles.length, offset: 0 }).slice(2),
      ];
  }
}

export function toText(answer: Answer, opts: TextOptions): string {
  return lines(answer, opts).join('\n').replace(CONTROLS, '');
}

/** What a watch rule would have matched: the counts, then each article with the quotes that show why. */
export function watchTestText(answer: WatchTestResult, opts: TextOptions): string {
  if (!answer.ok) return `Error: ${describeProblem(answer.problem)}`.replace(CONTROLS, '');
  const period = answer.since ? `since ${answer.since}` : 'in the whole corpus';
  const out = [
    `Rule: ${answer.rule}`,
    `${answer.matched} of ${answer.scanned} article(s) ${period} match` +
      (answer.matched > answer.matches.length ? ` (the newest ${answer.matches.length} shown; --limit N shows more)` : ''),
  ];
  answer.matches.forEach((m, i) => {
    out.push('', `${String(i + 1).padStart(3)}. ${citation(m.article)}`);
    const link = linkableUrl(m.article.url);
    if (link) out.push(`     ${link}`);
    for (const q of m.quotes) out.push(`     ${quoteLine(q, opts)}  [${q.id}]`);
  });
  return out.join('\n').replace(CONTROLS, '');
}
