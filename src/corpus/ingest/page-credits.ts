// Who wrote a web page, from what the page declares and what it prints. An
// author field often holds the outlet, "Last, First", or an upper-case byline
// glued to its agency; the byline printed on the page settles those.

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const AGENCIES = /(Associated Press|Reuters|Agence France-Presse|AFP|Bloomberg|Anadolu Agency|TASS|Xinhua|PA Media|Press Association)$/;

/** Names as people write them: "Brazil, Rachel" -> "Rachel Brazil", "ERIC TUCKER" -> "Eric Tucker". */
export function personName(raw: string): string {
  let s = squash(raw).replace(/^by\s+/i, '');
  // An upper-case byline glued to its agency: "ERIC TUCKERAssociated Press" -> "ERIC TUCKER".
  const glued = /^([\p{Lu}\s.'’-]{3,}?)\s*(?=\p{Lu}\p{Ll})/u.exec(s);
  if (glued && AGENCIES.test(s.slice(glued[0].length))) s = glued[1]!.trim();
  const lastFirst = /^([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)?)$/u.exec(s);
  if (lastFirst) s = `${lastFirst[2]} ${lastFirst[1]}`;
  if (s === s.toUpperCase() && /\p{Lu}{2}/u.test(s))
    s = s.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  return s;
}

/** The same name as the outlet's (an author field that holds the publisher): not a person. */
const isOutlet = (name: string, outlet: string | null) =>
  Boolean(outlet) && name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') === outlet!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** A printed byline read as names: "By Jane Doe and John Roe", "Jane Doe, Reporter". */
export function bylineNames(byline: string | null): string[] {
  // "By Jane Doe | June 19, 2023", "Jane Doe · 5 min read": the part without figures.
  const s = squash(byline)
    .split(/\s+[|·•—–]\s+/)
    .filter((part) => !/^\d|^\W*\d/.test(part))
    .join(' ')
    .replace(/^by\s+/i, '')
    // "Stephanie Bazzle June 19, 2023": the date printed after the name goes.
    .replace(/\s+(?:on\s+|updated\s+|published\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d).*$/i, '');
  if (!s || s.length > 120) return [];
  return s
    .split(/\s*(?:,|\band\b|&|\|)\s*/i)
    .map((n) => n.trim())
    .filter((n) => /^[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,3}$/u.test(n) && n.split(/\s+/).length <= 4);
}

/** Hosts that serve one agency's wire copy, whatever site frames it. */
const WIRE_HOSTS: [RegExp, string][] = [
  [/(?:^|\.)(?:hosted\.ap\.org|apnews\.com)$/i, 'Associated Press'],
  [/(?:^|\.)reuters\.com$/i, 'Reuters'],
  [/(?:^|\.)afp\.com$/i, 'AFP'],
];
/** What a page's site name field sometimes holds instead of a name. */
const NOT_A_NAME = /^(?:hosted|home|homepage|news|index|article|story|page|site|web|online)$/i;

/**
 * Wire copy names its agency: the host it is served from (hosted.ap.org), or a byline ending in the agency's name
 * ("ERIC TUCKER Associated Press") when the page's own site name says nothing ("Hosted").
 */
export function wireOutlet(declared: string | null, credits: readonly (string | null)[], url: string | null): string | null {
  const host = url && URL.canParse(url) ? new URL(url).hostname : '';
  const byHost = WIRE_HOSTS.find(([re]) => re.test(host))?.[1];
  if (byHost) return byHost;
  if (declared && NOT_A_NAME.test(declared.trim())) return creditedAgency(credits);
  return declared;
}

/** The agency a byline ends with ("… Associated Press"), if one does. */
export function creditedAgency(credits: readonly (string | null)[]): string | null {
  return credits.map((c) => AGENCIES.exec(squash(c))?.[1]).find((a): a is string => Boolean(a)) ?? null;
}

/** `bylines`: what the page prints as its byline, best first (Readability's find, then a name heading the text). */
export function pageAuthors(
  declared: readonly string[],
  bylines: string | null | readonly (string | null)[],
  outlet: string | null,
): string[] {
  const names = [...new Set(declared.map(personName).filter(Boolean))];
  const people = names.filter((n) => !isOutlet(n, outlet));
  if (people.length) return people;
  // Only the outlet declared, or nothing: a byline printed on the page names the people, when one does.
  for (const byline of typeof bylines === 'string' || bylines === null ? [bylines] : bylines) {
    const printed = bylineNames(byline)
      .map(personName)
      .filter((n) => !isOutlet(n, outlet));
    if (printed.length) return printed;
  }
  return names;
}

/**
 * A byline printed as the article's first paragraph, a name and nothing else ("Mohloai Mpesi", "By Ani Petrosyan"):
 * the name, or null. A name the gazetteer knows is someone the article is about, not its author.
 */
export function leadingByline(paragraph: string | undefined, knownNames: readonly string[]): string | null {
  const m = /^(?:by\s+)?(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})$/iu.exec(squash(paragraph));
  if (!m || m[1]!.length > 40) return null;
  const name = m[1]!.toLowerCase();
  return knownNames.some((k) => k.toLowerCase() === name) ? null : m[1]!;
}
