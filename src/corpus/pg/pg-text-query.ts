// Full text on Postgres from the same index terms FTS5 is given (see
// search-terms.ts): a passage's terms become a tsvector as they are, with
// their positions, and a query is built from quoted lexemes and the operators
// written here. Postgres's own parser and stemmer never see the text, and no
// user text is ever query syntax.
import type { TextQuery } from '../corpus.js';
import { queryText } from '../text-query.js';

/** Postgres refuses a lexeme of 2 KiB or more; no word is that long, but a pasted blob without spaces could be. */
const MAX_LEXEME_BYTES = 2046;

const fits = (term: string) => term.length > 0 && Buffer.byteLength(term) <= MAX_LEXEME_BYTES;
const quoted = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The distinct lexemes a passage's tsvector holds. */
export function lexemesOf(terms: string): string[] {
  return [...new Set(terms.split(' ').filter(fits))];
}

/** The tsvector literal of a passage's index terms (space-separated, as indexedTerms gives them), positions from 1. */
export function tsvectorOf(terms: string): string {
  const positions = new Map<string, number[]>();
  terms.split(' ').forEach((t, i) => {
    if (!fits(t)) return;
    const list = positions.get(t) ?? [];
    // Postgres keeps positions up to 16383 and 256 per lexeme; a passage is far shorter.
    if (list.length < 256) list.push(Math.min(i + 1, 16383));
    positions.set(t, list);
  });
  return [...positions].map(([t, at]) => `${quoted(t)}:${at.join(',')}`).join(' ');
}

/** The tsquery text of a query (cast with ::tsquery, which takes quoted lexemes as they are), or null when nothing is left. */
export function tsqueryOf(q: TextQuery): string | null {
  return queryText(q, { quote: quoted, and: ' & ', or: ' | ', phrase: (terms) => `(${terms.map(quoted).join(' <-> ')})`, takes: fits });
}
