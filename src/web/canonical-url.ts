// One article, one URL: the same page reached from two feeds, with
// ?utm_source=rss or a #comments fragment, is recognised as the same page.

/** Query parameters that only say how a reader got to a page. */
const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref_src|cmpid|ocid|at_medium|at_campaign)$/i;

/** The URL without fragment, tracking parameters, default port or trailing "?"; null if it is not an http(s) URL. */
export function canonicalUrl(raw: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  // URL already lower-cases the host and drops a default port.
  return u.href.replace(/\?$/, '');
}
