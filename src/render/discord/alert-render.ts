// An alert as a Discord message: the article's title (linked), its citation,
// the quotes that matched with the rule's words in bold, and a footer naming
// the watch and the alert, and under them the other outlets that reported the
// same story. Also the roll-up of matches over a channel's hourly cap.
import type { APIEmbed } from 'discord-api-types/v10';
import type { ArticleRef, Quote } from '../../briefing/answer-types.js';
import { linkableUrl } from '../citation.js';
import { escapeMarkdown } from '../escape-markdown.js';
import type { Watch } from '../../store/watch-store.js';
import { clip, LIMITS, type MessagePayload } from './limits.js';
import { citationMd } from './render.js';

const COLOR = 0xc05621;
const QUOTE_CHARS = 700;

/** A quote with its matched words in bold, every piece escaped. */
function markedMd(q: Quote): string {
  const text = clip(q.text, QUOTE_CHARS);
  let out = '';
  let at = 0;
  for (const { start, length } of [...(q.matches ?? [])].sort((a, b) => a.start - b.start)) {
    if (start < at || start + length > text.length) continue;
    out += `${escapeMarkdown(text.slice(at, start))}**${escapeMarkdown(text.slice(start, start + length))}**`;
    at = start + length;
  }
  return out + escapeMarkdown(text.slice(at));
}

export function alertFooter(watch: Pick<Watch, 'id' | 'rule'>, articleId: string): string {
  return clip(`watch ${watch.id} · ${watch.rule} · alert ${articleId}`, LIMITS.footer);
}

export function renderAlert(
  watch: Pick<Watch, 'id' | 'rule'>,
  article: ArticleRef,
  quotes: readonly Quote[],
  alsoReportedBy: readonly ArticleRef[] = [],
): MessagePayload {
  // Before the quotes, so that a long alert clipped to Discord's limit still names every outlet.
  const also = alsoReportedBy.length ? ['**Also reported by**', ...alsoReportedBy.map((a) => `- ${citationMd(a)}`)] : [];
  const link = linkableUrl(article.url);
  const embed: APIEmbed = {
    color: COLOR,
    title: clip(article.title, LIMITS.title),
    ...(link ? { url: link } : {}),
    description: clip(
      [
        citationMd(article),
        ...also,
        '',
        ...quotes.map((q) => `> ${markedMd(q)}${q.kind === 'caption' ? ' *(photo caption)*' : ''}\n\`${q.id}\``),
      ].join('\n'),
      LIMITS.description,
    ),
    footer: { text: alertFooter(watch, article.id) },
  };
  return { embeds: [embed] };
}

/** Matches over the channel's hourly cap, in one message. */
export function renderRollUp(watch: Pick<Watch, 'id' | 'rule'>, articles: readonly ArticleRef[]): MessagePayload {
  const lines = articles.slice(0, 15).map((a) => `- ${citationMd(a)}`);
  const more = articles.length > 15 ? `\n… and ${articles.length - 15} more` : '';
  return {
    content: clip(
      `${articles.length} more match(es) for watch \`${watch.id}\` (${escapeMarkdown(watch.rule)}) this hour, over the channel's cap:\n` +
        `${lines.join('\n')}${more}`,
      LIMITS.content,
    ),
  };
}

export function alertThreadName(_watch: Pick<Watch, 'id'>, article: ArticleRef): string {
  return clip(`Alert: ${article.title}`, LIMITS.threadName);
}
