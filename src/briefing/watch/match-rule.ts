// A watch rule with its names looked up, and whether an article matches it.
// The rule holds over the whole article ("actor:Iran corridor:\"Middle
// Corridor\"": the article names both, not necessarily in one sentence); the
// quotes that show why are the passages that meet the most of its terms.
import type { NameIndex } from '../../corpus/name-index.js';
import type { Article, Passage } from '../../corpus/records.js';
import { stemTerm } from '../../corpus/search-terms.js';
import { searchTokens } from '../../corpus/search-tokens.js';
import { dedupeKey, nameKey } from '../../text/normalize.js';
import type { Span } from '../answer-types.js';
import { closestNames, findActor, findCorridor } from '../entity-names.js';
import { queryTerms, spansOf } from '../full-text.js';
import type { Problem } from '../problems.js';
import type { RuleNode } from './watch-rule.js';

export type ResolvedRule =
  | { kind: 'and'; parts: ResolvedRule[] }
  | { kind: 'or'; parts: ResolvedRule[] }
  | { kind: 'not'; part: ResolvedRule }
  | { kind: 'term'; text: string; phrase: boolean; stems: string[]; key: string }
  | { kind: 'actor'; id: string; name: string }
  | { kind: 'corridor'; id: string; name: string }
  | { kind: 'outlet'; name: string; key: string };

export type RuleResolution = { ok: true; rule: ResolvedRule } | { ok: false; problem: Problem };

/** Looks every name up as /actor and /corridor do (aliases, transliterations); an unknown one is refused with the closest. */
export function resolveRule(rule: RuleNode, names: NameIndex): RuleResolution {
  const problems: Problem[] = [];
  const resolve = (r: RuleNode): ResolvedRule => {
    switch (r.kind) {
      case 'and':
        return { kind: 'and', parts: r.parts.map(resolve) };
      case 'or':
        return { kind: 'or', parts: r.parts.map(resolve) };
      case 'not':
        return { kind: 'not', part: resolve(r.part) };
      case 'term': {
        const stems = queryTerms(r.text).map(stemTerm);
        if (stems.length === 0) problems.push({ code: 'no-search-terms', query: r.text });
        return { kind: 'term', text: r.text, phrase: r.phrase, stems, key: dedupeKey(r.text) };
      }
      case 'actor': {
        const e = findActor(names, r.name);
        if (!e) problems.push({ code: 'unknown-actor', name: r.name, suggestions: closestNames(names, r.name) });
        return { kind: 'actor', id: e?.id ?? '', name: e?.name ?? r.name };
      }
      case 'corridor': {
        const e = findCorridor(names, r.name);
        if (!e) problems.push({ code: 'unknown-corridor', name: r.name, suggestions: closestNames(names, r.name) });
        return { kind: 'corridor', id: e?.id ?? '', name: e?.name ?? r.name };
      }
      case 'outlet':
        return { kind: 'outlet', name: r.name, key: nameKey(r.name) };
    }
  };
  const resolved = resolve(rule);
  return problems[0] ? { ok: false, problem: problems[0] } : { ok: true, rule: resolved };
}

/** The rule as written, its names as the gazetteer writes them ("actor:Пашинян" -> 'actor:"Nikol Pashinyan"'). */
export function asWritten(rule: ResolvedRule): RuleNode {
  switch (rule.kind) {
    case 'and':
    case 'or':
      return { kind: rule.kind, parts: rule.parts.map(asWritten) } as RuleNode;
    case 'not':
      return { kind: 'not', part: asWritten(rule.part) };
    case 'term':
      return { kind: 'term', text: rule.text, phrase: rule.phrase };
    case 'actor':
    case 'corridor':
    case 'outlet':
      return { kind: rule.kind, name: rule.name } as RuleNode;
  }
}

type Atom = Extract<ResolvedRule, { kind: 'term' | 'actor' | 'corridor' | 'outlet' }>;

/** Whether one passage meets one term or name. */
function passageMeets(atom: Atom, p: Passage, stems: (p: Passage) => Set<string>): boolean {
  switch (atom.kind) {
    case 'term':
      return atom.phrase ? ` ${dedupeKey(p.text)} `.includes(` ${atom.key} `) : atom.stems.every((s) => stems(p).has(s));
    case 'actor':
      return p.actors.some((t) => t.id === atom.id);
    case 'corridor':
      return p.corridors.some((t) => t.id === atom.id);
    case 'outlet':
      return false;
  }
}

export interface RuleMatch {
  /** The passages that show why, best first (at most `quotes`), with the rule's words marked in each. */
  passages: { passage: Passage; matches: Span[] }[];
}

/** Whether the article matches the rule, and the passages that show it; null when it does not match. */
/** The words of each passage of one article, read once however many rules are checked against it. */
export type PassageWords = Map<Passage, Set<string>>;

export function matchArticle(
  rule: ResolvedRule,
  article: Article,
  passages: readonly Passage[],
  quotes = 3,
  stemCache: PassageWords = new Map(),
): RuleMatch | null {
  const stems = (p: Passage) => {
    let s = stemCache.get(p);
    // Every word of the passage (queryTerms keeps only a query's first few).
    if (!s) stemCache.set(p, (s = new Set(searchTokens(p.text).map((t) => stemTerm(t.term)))));
    return s;
  };
  const holds = (r: ResolvedRule): boolean => {
    switch (r.kind) {
      case 'and':
        return r.parts.every(holds);
      case 'or':
        return r.parts.some(holds);
      case 'not':
        return !holds(r.part);
      case 'outlet':
        return nameKey(article.outlet ?? '') === r.key;
      case 'term':
      case 'actor':
      case 'corridor':
        return passages.some((p) => passageMeets(r, p, stems));
    }
  };
  if (!holds(rule)) return null;
  if (quotes === 0) return { passages: [] };
  // The terms and names the rule asks for (not those it excludes), and which passages meet them.
  const wanted: Atom[] = [];
  const collect = (r: ResolvedRule) => {
    if (r.kind === 'and' || r.kind === 'or') r.parts.forEach(collect);
    else if (r.kind !== 'not' && r.kind !== 'outlet') wanted.push(r);
  };
  collect(rule);
  const markStems = new Set(wanted.flatMap((a) => (a.kind === 'term' && !a.phrase ? a.stems : [])));
  const phrases = wanted.filter((a): a is Extract<Atom, { kind: 'term' }> => a.kind === 'term' && a.phrase);
  const scored = passages
    .map((p) => ({ p, met: wanted.filter((a) => passageMeets(a, p, stems)).length }))
    .filter((x) => x.met > 0 || wanted.length === 0)
    .sort((a, b) => b.met - a.met || (a.p.kind === 'body' ? 0 : 1) - (b.p.kind === 'body' ? 0 : 1) || a.p.seq - b.p.seq)
    .slice(0, quotes);
  return {
    passages: scored.map(({ p }) => ({ passage: p, matches: [...spansOf(p.text, markStems), ...phraseSpans(p.text, phrases)] })),
  };
}

/** Where each quoted phrase stands in a passage, case aside. */
function phraseSpans(text: string, phrases: readonly { text: string }[]): Span[] {
  const lower = text.toLowerCase();
  return phrases.flatMap((ph) => {
    const at = lower.indexOf(ph.text.toLowerCase());
    return at >= 0 ? [{ start: at, length: ph.text.length }] : [];
  });
}
