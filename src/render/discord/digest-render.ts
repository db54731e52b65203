// A digest as one Discord message: a title embed with the period and the new
// articles, one embed per topic with its key quotes, one with what the topics'
// actors said themselves, and one with the dated events; at most 10 embeds and 6000 characters in all, shared out so every
// section keeps at least its first quote. Nothing new is one line.
import type { APIEmbed } from 'discord-api-types/v10';
import { escapeMarkdown } from '../escape-markdown.js';
import type { ArticleRef } from '../../briefing/answer-types.js';
import type { DigestSection } from '../../briefing/digest.js';
import type { DigestView } from '../../digest/deliver.js';
import { dateLabel } from '../date-label.js';
import { clip, LIMITS, type MessagePayload } from './limits.js';
import { citationMd, quoteBlock } from './render.js';

const COLOR = 0x2f855a;
const HEADER_CHARS = 1500;
const EVENTS_CHARS = 900;
const STATEMENTS_CHARS = 900;
/** Room kept for titles and the footer out of the 6000 total. */
const TITLES_RESERVE = 400;
/** Besides the topics: the header, the statements and the events. */
const MAX_SECTIONS = LIMITS.embeds - 3;

export function formatInZone(iso: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${f.format(new Date(iso))} ${timeZone === 'UTC' ? 'UTC' : `(${timeZone})`}`;
}

function dayInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function digestThreadName(v: DigestView): string {
  return clip(`Digest: ${v.name} · ${dayInZone(v.answer.period.end, v.timezone)}`, LIMITS.threadName);
}

/** As many quotes as fit in `budget`, shortening them before dropping any. */
function sectionText(s: DigestSection, budget: number): string {
  const lead = `${s.total} quote(s) on ${escapeMarkdown(s.topic.name)} in the new articles.`;
  if (s.quotes.length === 0) return `Nothing new on ${escapeMarkdown(s.topic.name)} in this period.`;
  for (const max of [600, 400, 250, 150, 80]) {
    const text = [lead, ...s.quotes.map((q) => quoteBlock({ ...q, text: clip(q.text, max) }))].join('\n\n');
    if (text.length <= budget) return text;
  }
  return clip([lead, quoteBlock({ ...s.quotes[0]!, text: clip(s.quotes[0]!.text, 80) })].join('\n\n'), budget);
}

/** The alert matches that went over a watch's hourly cap in the period: carried here, since alerts only rolled them up. */
function overCap(rolled: readonly ArticleRef[]): string {
  if (rolled.length === 0) return '';
  const listed = rolled.slice(0, 5).map((x) => `• ${citationMd(x)}`);
  const more = rolled.length > listed.length ? `\n…and ${rolled.length - listed.length} more.` : '';
  return `\n\n**Alert matches over the hourly cap** (${rolled.length}):\n${listed.join('\n')}${more}`;
}

export function renderDigest(v: DigestView): MessagePayload {
  const a = v.answer;
  const since = formatInZone(a.period.start, v.timezone);
  if (a.articles.length === 0) {
    const key = v.key ? `\n-# ${v.key}` : '';
    return {
      content: `${clip(`📭 **Digest: ${escapeMarkdown(v.name)}**: nothing new since ${since}.`, LIMITS.content - key.length)}${key}`,
      embeds: [],
    };
  }
  // One line a story: a copy of it in another outlet is named on its line, not listed again.
  const alsoBy = (also: readonly { outlet: string | null }[]) =>
    also.length ? ` · also ${escapeMarkdown(clip([...new Set(also.map((x) => x.outlet ?? 'outlet unknown'))].join(', '), 200))}` : '';
  const listed = a.stories.slice(0, 10).map((s) => `• ${citationMd(s.article)}${alsoBy(s.also)}`);
  const more = a.stories.length > listed.length ? `\n…and ${a.stories.length - listed.length} more (see /sources).` : '';
  const count =
    a.stories.length === a.articles.length
      ? `${a.articles.length} new article(s)`
      : `${a.articles.length} new article(s), ${a.stories.length} stories`;
  const header: APIEmbed = {
    color: COLOR,
    title: escapeMarkdown(clip(`Digest: ${v.name}`, Math.floor(LIMITS.title / 2))),
    description: clip(
      `**${since} → ${formatInZone(a.period.end, v.timezone)}**\n${count}:\n${listed.join('\n')}${more}${overCap(v.rolledUp ?? [])}`,
      HEADER_CHARS,
    ),
    footer: { text: `Every line is a quote from the articles. /quote id:<id> shows one in context.${v.key ? `\n${v.key}` : ''}` },
  };
  const events: APIEmbed[] = a.events.length
    ? [
        {
          color: COLOR,
          title: 'Dated events in these articles',
          ...(v.chartFile ? { image: { url: `attachment://${v.chartFile}` } } : {}),
          description: clip(
            a.events
              .map((e) => `**${escapeMarkdown(dateLabel(e.date))}**: ${escapeMarkdown(clip(e.quote.text, 160))} \`${e.quote.id}\``)
              .join('\n'),
            EVENTS_CHARS,
          ),
        },
      ]
    : [];
  const statements: APIEmbed[] = a.statements.length
    ? [
        {
          color: COLOR,
          title: 'Statements',
          description: clip(
            a.statements
              .map(
                (q) =>
                  `**${escapeMarkdown(clip(q.speech?.speaker.name ?? '', 80))} · ${escapeMarkdown(q.speech?.cue ?? '')}**: ` +
                  `${escapeMarkdown(clip(q.text, 160))} \`${q.id}\``,
              )
              .join('\n'),
            STATEMENTS_CHARS,
          ),
        },
      ]
    : [];
  const sections = a.sections.slice(0, MAX_SECTIONS);
  const used =
    (header.description?.length ?? 0) + (events[0]?.description?.length ?? 0) + (statements[0]?.description?.length ?? 0) + TITLES_RESERVE;
  const budget = Math.min(LIMITS.description, Math.floor((LIMITS.embedTotal - used) / Math.max(1, sections.length)));
  const topicEmbeds = sections.map(
    (s): APIEmbed => ({
      color: COLOR,
      title: escapeMarkdown(clip(s.topic.name, Math.floor(LIMITS.title / 2))),
      description: sectionText(s, budget),
    }),
  );
  return { embeds: [header, ...topicEmbeds, ...statements, ...events] };
}
