// What an HTML page declares about itself, in the order the declarations are
// trusted: JSON-LD (NewsArticle and kin) first, then OpenGraph and article:*
// meta tags, then <meta name="author"> and <time datetime>. The feed item (the
// sidecar) fills what the page leaves out; see html-article.ts.

/** The slice of the DOM this reads: linkedom's document satisfies it. */
export interface PageDocument {
  querySelectorAll(selector: string): Iterable<PageElement>;
  querySelector(selector: string): PageElement | null;
}
export interface PageElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface PageMetadata {
  title: string | null;
  /** Every headline the page declares (JSON-LD, OpenGraph, Twitter), in that order: pages often give each a different one. */
  titles: string[];
  outlet: string | null;
  authors: string[];
  /** As declared, ISO 8601 with its time zone when the page gives one. */
  published: string | null;
  url: string | null;
  /** <title>, which usually carries the site's name too: trusted less than the feed item and <h1>. */
  documentTitle: string | null;
  /** The article's text as the page declares it in JSON-LD (articleBody), when it does. */
  articleBody: string | null;
  /** When the page says it was last changed (JSON-LD dateModified, article:modified_time), as declared. */
  modified: string | null;
}

const ARTICLE_TYPE = new RegExp(
  '(^|:)(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|' +
    'BlogPosting|Report|ScholarlyArticle|LiveBlogPosting)$',
);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : null);

/** Every JSON-LD node on the page, @graph and arrays flattened. A broken block is skipped, never fatal. */
function jsonLdNodes(doc: PageDocument): Json[] {
  const out: Json[] = [];
  const walk = (v: unknown) => {
    for (const item of list(v)) {
      if (!isObject(item)) continue;
      out.push(item);
      if ('@graph' in item) walk(item['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      walk(JSON.parse(script.textContent ?? ''));
    } catch {
      // Pages ship invalid JSON-LD often enough; the meta tags still count.
    }
  }
  return out;
}

const types = (n: Json) => list(n['@type']).filter((t): t is string => typeof t === 'string');
const isArticleNode = (n: Json) => types(n).some((t) => ARTICLE_TYPE.test(t)) && !types(n).includes('ClaimReview');
/** News first (NewsArticle and its kin), then any article: a page may also carry a generic Article or WebPage node. */
const newsFirst = (a: Json, b: Json) =>
  Number(types(b).some((t) => /News|Reportage/.test(t))) - Number(types(a).some((t) => /News|Reportage/.test(t)));

/** A person's name from "Jane Doe", { name }, or a byline-ish "By Jane Doe"; never a profile URL. */
function personName(v: unknown): string | null {
  const name = str(isObject(v) ? v.name : v);
  if (!name || /^https?:\/\//i.test(name)) return null;
  return name.replace(/^by\s+/i, '');
}

/**
 * The page's main article node. A fact-check's ClaimReview (and the claim it reviews, whose author is the one
 * checked, not the one writing) never gives the page's author or dates.
 */
function fromJsonLd(doc: PageDocument): Partial<PageMetadata> {
  const node = jsonLdNodes(doc).filter(isArticleNode).sort(newsFirst)[0];
  if (!node) return {};
  const publisher = list(node.publisher)[0];
  const authors = list(node.author)
    .filter((a) => !(isObject(a) && list(a['@type']).includes('Organization')))
    .map(personName)
    .filter((a): a is string => a !== null);
  const page = list(node.mainEntityOfPage)[0];
  return {
    title: str(node.headline) ?? str(node.name),
    outlet: str(isObject(publisher) ? publisher.name : publisher),
    authors,
    published: str(node.datePublished) ?? str(node.dateCreated),
    modified: str(node.dateModified),
    url: str(node.url) ?? str(isObject(page) ? page['@id'] : page),
    articleBody: str(node.articleBody),
  };
}

function meta(doc: PageDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`);
    const v = str(el?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

function metaAll(doc: PageDocument, ...keys: string[]): string[] {
  for (const key of keys) {
    const found = [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)]
      .map((el) => personName(el.getAttribute('content')))
      .filter((v): v is string => v !== null);
    if (found.length) return found;
  }
  return [];
}

function fromMetaTags(doc: PageDocument): Partial<PageMetadata> & { socialTitles: (string | null)[] } {
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const canonical = doc.querySelector('link[rel="canonical"]');
  return {
    title: meta(doc, 'og:title', 'twitter:title'),
    socialTitles: [meta(doc, 'og:title'), meta(doc, 'twitter:title')],
    outlet: meta(doc, 'og:site_name', 'application-name'),
    authors: metaAll(doc, 'article:author', 'author', 'citation_author', 'parsely-author', 'sailthru.author', 'dc.creator'),
    published:
      meta(doc, 'article:published_time', 'datePublished', 'parsely-pub-date', 'pubdate', 'dc.date.issued', 'date') ??
      str(time?.getAttribute('datetime')),
    modified: meta(doc, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified'),
    url: str(canonical?.getAttribute('href')) ?? meta(doc, 'og:url'),
  };
}

const first = <T>(...vs: (T | null | undefined)[]): T | null => vs.find((v) => v !== null && v !== undefined) ?? null;

export function pageMetadata(doc: PageDocument): PageMetadata {
  const ld = fromJsonLd(doc);
  const tags = fromMetaTags(doc);
  return {
    title: first(ld.title, tags.title),
    titles: [...new Set([ld.title, ...tags.socialTitles].filter((t): t is string => Boolean(t)))],
    outlet: first(ld.outlet, tags.outlet),
    authors: ld.authors?.length ? ld.authors : (tags.authors ?? []),
    published: first(ld.published, tags.published),
    url: first(ld.url, tags.url),
    documentTitle: str(doc.querySelector('title')?.textContent),
    articleBody: ld.articleBody ?? null,
    modified: first(ld.modified, tags.modified),
  };
}
