// The SQL of a timeline query, built apart from the reader that runs it (a
// list of ids is passed as one parameter, the way IdList says).
import type { EventQuery } from './corpus.js';
import { LONG_EVENT_DAYS } from './db/corpus-schema.js';

/** How a database takes a list of ids as one parameter: the condition after `id`, and the value bound to it. */
export interface IdList {
  sql: string;
  arg: (ids: readonly string[]) => unknown;
}

function earlier(day: string, days: number): string {
  if (days <= 0 || day < '1000') return day;
  const t = Date.parse(`${day}T00:00:00Z`) - days * 86_400_000;
  return Number.isNaN(t) ? day : new Date(t).toISOString().slice(0, 10);
}

/**
 * The FROM and WHERE of a timeline query, and its order. With an actor or a
 * corridor, the entity's own copy of the timeline index is read (one range
 * scan, already in order); the events table is joined only when a condition
 * needs it, since a join per row is what a count over many events costs.
 *
 * An event counts when it overlaps the period. Ordinary events start at most
 * LONG_EVENT_DAYS before the period, so the main index is read from there;
 * `part: 'long'` reads the rare longer ones that start earlier still. Those all
 * sort before every ordinary event of the answer, which makes paging a concatenation.
 */
export function eventWhere(
  q: EventQuery,
  part: 'main' | 'long',
  forCount: boolean,
  ids: IdList,
): { from: string; where: string; args: unknown[]; order: string } {
  const args: unknown[] = [];
  const where: string[] = [];
  const lead = q.actor !== null ? { type: 'actor', id: q.actor } : q.corridor !== null ? { type: 'corridor', id: q.corridor } : null;
  const said = q.said === true && q.actor !== null;
  const needsEvents = !forCount || (q.actor !== null && q.corridor !== null) || q.articles !== undefined || said;
  const t = lead ? 't' : 'e';
  const from = lead ? `event_tags t${needsEvents ? ' JOIN events e ON e.rowid = t.event' : ''}` : 'events e';
  if (lead) {
    where.push('t.type = ? AND t.entity = ?');
    args.push(lead.type, lead.id);
  }
  if (q.actor !== null && q.corridor !== null) {
    where.push(`EXISTS (SELECT 1 FROM tags g WHERE g.passage = e.passage AND g.type = 'corridor' AND g.entity = ?)`);
    args.push(q.corridor);
  }
  if (said) {
    where.push('EXISTS (SELECT 1 FROM statements s WHERE s.passage = e.passage AND s.actor = ?)');
    args.push(q.actor);
  }
  const lo = earlier(q.first, LONG_EVENT_DAYS);
  where.push(part === 'main' ? `${t}.first >= ?` : `${t}.long = 1 AND ${t}.first < ?`, `${t}.first <= ? AND ${t}.last >= ?`);
  args.push(lo, q.last, q.first);
  if (q.articles) {
    where.push(`e.article IN (SELECT rowid FROM articles WHERE id ${ids.sql})`);
    args.push(ids.arg(q.articles));
  }
  return { from, where: where.join(' AND '), args, order: `${t}.first, ${t}.last, ${t}.article_id, ${t}.seq, ${t}.n` };
}

/** The reads that make a page of events: the long ones first (they sort before every ordinary one), then the main index's. */
export function eventParts(offset: number, limit: number, long: number): { part: 'main' | 'long'; offset: number; limit: number }[] {
  return [
    ...(offset < long ? [{ part: 'long' as const, offset, limit }] : []),
    { part: 'main', offset: Math.max(0, offset - long), limit: Math.max(0, limit - Math.max(0, long - offset)) },
  ];
}

/** The usual questions (everything, or everything about one entity) are counted at ingest: which count answers this one, if any. */
export function countedAtIngest(q: EventQuery): 'all' | { type: 'actor' | 'corridor'; id: string } | null {
  const unbounded = q.first <= '0000-01-01' && q.last >= '9999-12-31' && !q.articles && !q.said;
  if (!unbounded) return null;
  if (q.actor === null && q.corridor === null) return 'all';
  if (q.actor !== null && q.corridor === null) return { type: 'actor', id: q.actor };
  if (q.actor === null && q.corridor !== null) return { type: 'corridor', id: q.corridor };
  return null;
}
