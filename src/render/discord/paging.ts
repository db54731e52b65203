// Paging buttons carry everything needed to draw any page again: the command
// line and the page number, in the custom_id (at most 100 characters). So a
// button works after a restart with no state kept. A command line too long for
// the id is read back from the message footer, which always shows it.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import { LIMITS } from './limits.js';

const PREFIX = 'pg';
export const FROM_FOOTER = '@';

export interface PageRef {
  page: number;
  /** The command line ("/actor name:Iran"), or FROM_FOOTER. */
  line: string;
}

export function encodePageId(page: number, line: string): string {
  const id = `${PREFIX}:${page}:${line}`;
  return id.length <= LIMITS.customId ? id : `${PREFIX}:${page}:${FROM_FOOTER}`;
}

export function decodePageId(customId: string): PageRef | null {
  const m = /^pg:(\d{1,4}):([\s\S]+)$/.exec(customId);
  return m ? { page: Number(m[1]), line: m[2]! } : null;
}

/** The footer that ends in the command line: "Page 2/5 · /actor name:Iran". */
export function pageFooter(page: number, pages: number, line: string): string {
  return `${pages > 1 ? `Page ${page + 1}/${pages} · ` : ''}${line}`;
}

export function lineFromFooter(footer: string | undefined): string | null {
  const line = footer?.replace(/^Page \d+\/\d+ · /, '');
  return line?.startsWith('/') ? line : null;
}

export function pageButtons(page: number, pages: number, line: string): APIActionRowComponent<APIButtonComponent>[] {
  if (pages <= 1) return [];
  const button = (label: string, target: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    // Previous and Next always target different pages, so their ids differ as Discord requires.
    custom_id: encodePageId(target, line),
    disabled,
  });
  const prev = button('◀ Previous', Math.max(0, page - 1), page === 0);
  const next = button('Next ▶', Math.min(pages - 1, page + 1), page >= pages - 1);
  return [{ type: ComponentType.ActionRow, components: [prev, next] }];
}
