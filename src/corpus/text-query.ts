// A full-text query as one database's syntax: every term a quoted string, and
// the only operators the ones written here, so no user text is ever syntax.
// FTS5's is in db/fts-query.ts.
import type { TextQuery } from './corpus.js';

export interface QuerySyntax {
  quote(term: string): string;
  and: string;
  or: string;
  /** Terms that must appear in this order. */
  phrase(terms: string[]): string;
  /** Terms the database can take (all when absent). */
  takes?(term: string): boolean;
}

/** The query text, or null when nothing is left to search for. */
export function queryText(q: TextQuery, s: QuerySyntax): string | null {
  const takes = (t: string) => t.length > 0 && (s.takes?.(t) ?? true);
  const alternatives = (term: string | string[]) => {
    const list = (Array.isArray(term) ? term : [term]).filter(takes);
    if (list.length === 0) return null;
    return list.length === 1 ? s.quote(list[0]!) : `(${list.map(s.quote).join(s.or)})`;
  };
  const parts = q.terms.map(alternatives).filter((p): p is string => p !== null);
  const body = parts.length ? (parts.length === 1 ? parts[0]! : `(${parts.join(q.mode === 'all' ? s.and : s.or)})`) : null;
  const phrases = (q.phrases ?? [])
    .map((p) => p.filter(takes))
    .filter((p) => p.length > 0)
    .map((p) => s.phrase(p));
  const all = [...(body ? [body] : []), ...phrases];
  return all.length ? all.join(s.and) : null;
}
