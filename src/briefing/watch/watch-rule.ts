// What a team watches, as a rule: terms, "phrases", actor:, corridor: and
// outlet: fields, AND (implicit, or written), OR, - or NOT, and brackets.
//   actor:Iran corridor:"Middle Corridor"
//   actor:Armenia OR actor:Azerbaijan
//   "peace treaty" -football
//   outlet:"OC Media" (actor:Georgia OR corridor:"Middle Corridor")
// Our own parser reads it into a typed rule; no part of it ever reaches a
// query engine's syntax. A mistake says what is wrong and where.

/** A rule as written, before its names are looked up in the gazetteer. */
export type RuleNode =
  | { kind: 'and'; parts: RuleNode[] }
  | { kind: 'or'; parts: RuleNode[] }
  | { kind: 'not'; part: RuleNode }
  | { kind: 'term'; text: string; phrase: boolean }
  | { kind: 'actor'; name: string }
  | { kind: 'corridor'; name: string }
  | { kind: 'outlet'; name: string };

export type RuleParse = { ok: true; rule: RuleNode } | { ok: false; error: RuleError };

export interface RuleError {
  message: string;
  /** Where in the rule, from 0. */
  at: number;
}

export const MAX_RULE_LENGTH = 500;
/** More than this many terms and names is a search, not something to watch. */
export const MAX_RULE_ATOMS = 24;
export const RULE_FIELDS = ['actor', 'corridor', 'outlet'] as const;

type Token =
  | { t: 'word' | 'phrase'; text: string; at: number; field?: string; fieldAt?: number }
  | { t: '(' | ')' | 'not' | 'or' | 'and'; at: number };

const QUOTES = /["“”«»]/;

function lex(text: string): Token[] | RuleError {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ t: c, at: i++ });
      continue;
    }
    const at = i;
    // "-" before a term or a bracket negates it; inside a word ("Nagorno-Karabakh") it is part of the word.
    if (c === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!)) {
      out.push({ t: 'not', at: i++ });
      continue;
    }
    let field: string | undefined;
    let fieldAt: number | undefined;
    const named = /^([A-Za-z]+):/.exec(text.slice(i));
    if (named) {
      field = named[1]!.toLowerCase();
      fieldAt = i;
      i += named[0].length;
      if (i >= text.length || /[\s()]/.test(text[i]!)) return { message: `"${named[1]}:" needs a name after it`, at: fieldAt };
    }
    if (QUOTES.test(text[i]!)) {
      const open = i++;
      while (i < text.length && !QUOTES.test(text[i]!)) i++;
      if (i >= text.length) return { message: 'a quotation mark is never closed', at: open };
      const inner = text.slice(open + 1, i++).trim();
      if (!inner) return { message: 'empty quotation marks', at: open };
      out.push({ t: 'phrase', text: inner, at, ...(field ? { field, fieldAt } : {}) });
      continue;
    }
    const start = i;
    while (i < text.length && !/[\s()]/.test(text[i]!) && !QUOTES.test(text[i]!)) i++;
    const word = text.slice(start, i);
    if (!field && (word === 'OR' || word === 'AND' || word === 'NOT')) out.push({ t: word.toLowerCase() as 'or' | 'and' | 'not', at });
    else out.push({ t: 'word', text: word, at, ...(field ? { field, fieldAt } : {}) });
  }
  return out;
}

export function parseRule(raw: string): RuleParse {
  const text = raw.trim();
  if (!text) return { ok: false, error: { message: 'the rule is empty', at: 0 } };
  if (text.length > MAX_RULE_LENGTH)
    return { ok: false, error: { message: `the rule is ${text.length} characters long; at most ${MAX_RULE_LENGTH}`, at: MAX_RULE_LENGTH } };
  const control = /[\u0000-\u001f\u007f]/.exec(text);
  if (control) return { ok: false, error: { message: 'a control character', at: control.index } };
  const tokens = lex(text);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  let k = 0;
  let atoms = 0;
  const peek = () => tokens[k];
  const fail = (message: string, at: number): never => {
    throw Object.assign(new Error(message), { at });
  };

  const primary = (): RuleNode => {
    const tok = peek();
    if (!tok) return fail('the rule ends where a term was expected', text.length);
    if (tok.t === '(') {
      k++;
      const inner = or();
      const close = peek();
      if (close?.t !== ')') return fail('a bracket is never closed', tok.at);
      k++;
      return inner;
    }
    if (tok.t === ')') return fail('a closing bracket with no opening one', tok.at);
    if (tok.t === 'or' || tok.t === 'and') return fail(`"${tok.t.toUpperCase()}" needs a term on each side`, tok.at);
    if (tok.t !== 'word' && tok.t !== 'phrase') return fail('NOT needs a term after it', tok.at);
    k++;
    if (++atoms > MAX_RULE_ATOMS) return fail(`more than ${MAX_RULE_ATOMS} terms and names`, tok.at);
    if (tok.field !== undefined) {
      const field = RULE_FIELDS.find((f) => f === tok.field);
      if (!field) return fail(`unknown field "${tok.field}:"; use ${RULE_FIELDS.map((f) => `${f}:`).join(', ')}`, tok.fieldAt ?? tok.at);
      return { kind: field, name: tok.text };
    }
    return { kind: 'term', text: tok.text, phrase: tok.t === 'phrase' };
  };
  const unary = (): RuleNode => {
    const tok = peek();
    if (tok?.t === 'not') {
      k++;
      const next = peek();
      if (!next || next.t === ')' || next.t === 'or' || next.t === 'and') return fail('NOT needs a term after it', tok.at);
      return { kind: 'not', part: unary() };
    }
    return primary();
  };
  const and = (): RuleNode => {
    const parts = [unary()];
    for (;;) {
      const tok = peek();
      if (!tok || tok.t === ')' || tok.t === 'or') break;
      if (tok.t === 'and') {
        k++;
        const next = peek();
        if (!next || next.t === ')' || next.t === 'or' || next.t === 'and') return fail('"AND" needs a term on each side', tok.at);
      }
      parts.push(unary());
    }
    return joined('and', parts);
  };
  const or = (): RuleNode => {
    const parts = [and()];
    while (peek()?.t === 'or') {
      const tok = peek()!;
      k++;
      const next = peek();
      if (!next || next.t === ')' || next.t === 'or' || next.t === 'and') return fail('"OR" needs a term on each side', tok.at);
      parts.push(and());
    }
    return joined('or', parts);
  };

  try {
    const rule = or();
    const rest = peek();
    if (rest) return { ok: false, error: { message: 'a closing bracket with no opening one', at: rest.at } };
    if (!hasPositive(rule)) return { ok: false, error: { message: 'a rule needs something to match, not only exclusions', at: 0 } };
    return { ok: true, rule };
  } catch (e) {
    return { ok: false, error: { message: (e as Error).message, at: (e as { at: number }).at } };
  }
}

/** One node for its parts, "(a b) c" flattened to "a b c": the same rule is always the same tree. */
function joined(kind: 'and' | 'or', parts: RuleNode[]): RuleNode {
  const flat = parts.flatMap((p) => (p.kind === kind ? p.parts : [p]));
  return flat.length === 1 ? flat[0]! : { kind, parts: flat };
}

/** Whether a rule can match on something it names (a rule of exclusions alone would match nearly everything). */
function hasPositive(rule: RuleNode): boolean {
  if (rule.kind === 'not') return false;
  if (rule.kind === 'and') return rule.parts.some(hasPositive);
  if (rule.kind === 'or') return rule.parts.every(hasPositive);
  return true;
}

/** The rule written back in its canonical form: what /watch list shows. */
export function formatRule(rule: RuleNode, inner = false): string {
  const quote = (s: string) => (/[\s()"]/.test(s) || s === 'OR' || s === 'AND' || s === 'NOT' ? `"${s}"` : s);
  switch (rule.kind) {
    case 'term':
      return rule.phrase ? `"${rule.text}"` : quote(rule.text);
    case 'actor':
    case 'corridor':
    case 'outlet':
      return `${rule.kind}:${quote(rule.name)}`;
    case 'not':
      return rule.part.kind === 'and' ? `-(${formatRule(rule.part)})` : `-${formatRule(rule.part, true)}`;
    case 'and':
      return rule.parts.map((p) => formatRule(p, true)).join(' ');
    case 'or': {
      const s = rule.parts.map((p) => formatRule(p, true)).join(' OR ');
      return inner ? `(${s})` : s;
    }
  }
}

/**
 * The name being typed at the end of a rule ("… actor:Pash", '… corridor:"Middle Co'): its field, what is typed of it, and where
 * the field starts.
 */
export function nameInProgress(typed: string): { field: 'actor' | 'corridor'; partial: string; at: number } | null {
  const m = /(?:^|[\s(-])((actor|corridor):(?:["“]([^"”]*)|([^"”\s()]*)))$/i.exec(typed);
  if (!m) return null;
  return { field: m[2]!.toLowerCase() as 'actor' | 'corridor', partial: m[3] ?? m[4] ?? '', at: typed.length - m[1]!.length };
}
