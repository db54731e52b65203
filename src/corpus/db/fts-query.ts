// Builds an FTS5 MATCH expression from index terms. No user text is ever
// syntax here: every term is a quoted string (a stray `"` doubled), and the
// only operators are the AND / OR this function writes itself.
import type { TextQuery } from '../corpus.js';

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

function alternatives(term: string | string[]): string | null {
  const list = (Array.isArray(term) ? term : [term]).filter((t) => t.length > 0);
  if (list.length === 0) return null;
  return list.length === 1 ? quoted(list[0]!) : `(${list.map(quoted).join(' OR ')})`;
}

/** The MATCH expression, or null when nothing is left to search for. */
export function matchExpression(q: TextQuery): string | null {
  const parts = q.terms.map(alternatives).filter((p): p is string => p !== null);
  const body = parts.length ? (parts.length === 1 ? parts[0]! : `(${parts.join(q.mode === 'all' ? ' AND ' : ' OR ')})`) : null;
  const phrases = (q.phrases ?? [])
    .map((p) => p.filter(Boolean))
    .filter((p) => p.length > 0)
    .map((p) => quoted(p.join(' ')));
  const all = [...(body ? [body] : []), ...phrases];
  return all.length ? all.join(' AND ') : null;
}
