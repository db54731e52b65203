// Discord's message limits (ARCHITECTURE §5), and a checker the renderer's
// property tests run every payload through. The renderer must never produce a
// payload Discord would reject.
import type { APIEmbed } from 'discord-api-types/v10';
import type { MessagePayload } from '../message-payload.js';
import { clip } from '../../text/clip.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
  threadName: 100,
} as const;

export { clip };

export type { MessagePayload };

function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Every way the payload breaks a Discord limit; empty when it is fine. */
export function limitViolations(p: MessagePayload): string[] {
  const out: string[] = [];
  const over = (what: string, len: number, max: number) => len > max && out.push(`${what} is ${len} > ${max}`);
  over('content', p.content?.length ?? 0, LIMITS.content);
  const embeds = p.embeds ?? [];
  over('embeds', embeds.length, LIMITS.embeds);
  over(
    'total embed text',
    embeds.reduce((n, e) => n + embedLength(e), 0),
    LIMITS.embedTotal,
  );
  for (const e of embeds) {
    over('title', e.title?.length ?? 0, LIMITS.title);
    over('description', e.description?.length ?? 0, LIMITS.description);
    over('footer', e.footer?.text.length ?? 0, LIMITS.footer);
    over('fields', e.fields?.length ?? 0, LIMITS.fields);
    for (const f of e.fields ?? []) {
      over('field name', f.name.length, LIMITS.fieldName);
      over('field value', f.value.length, LIMITS.fieldValue);
      if (!f.name.trim() || !f.value.trim()) out.push('empty field');
    }
  }
  if (!p.content?.trim() && embeds.length === 0) out.push('empty message');
  over('rows', p.components?.length ?? 0, LIMITS.rows);
  for (const row of p.components ?? []) {
    over('buttons in a row', row.components.length, LIMITS.buttonsPerRow);
    for (const c of row.components) if ('custom_id' in c) over('custom_id', c.custom_id.length, LIMITS.customId);
  }
  return out;
}
