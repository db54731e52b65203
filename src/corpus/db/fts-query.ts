// Builds an FTS5 MATCH expression from index terms. No user text is ever
// syntax here: every term is a quoted string (a stray `"` doubled), and the
// only operators are the AND / OR that queryText writes.
import type { TextQuery } from '../corpus.js';
import { queryText } from '../text-query.js';

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** The MATCH expression, or null when nothing is left to search for. */
export function matchExpression(q: TextQuery): string | null {
  return queryText(q, { quote: quoted, and: ' AND ', or: ' OR ', phrase: (terms) => quoted(terms.join(' ')) });
}
