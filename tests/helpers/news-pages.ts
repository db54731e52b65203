// Article pages and feeds as news sites publish them, for the ingest, fetch
// and end-to-end tests: real markup (JSON-LD, OpenGraph, navigation, footers,
// share bars, newsletter boxes, related links) around paragraphs of text.

export interface PageSpec {
  title: string;
  paragraphs: string[];
  /** How the page declares its metadata. */
  declares?: 'json-ld' | 'meta-tags' | 'time-only' | 'nothing';
  outlet?: string;
  authors?: string[];
  published?: string;
  url?: string;
  caption?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page furniture that must never become a quote. */
export const FURNITURE_TEXT = [
  'Sign up for our weekly newsletter on Armenia and Azerbaijan',
  'Share this story on Facebook about Iran',
  'Related: Georgia elections explained in five charts',
  'Home News Russia Ukraine About us',
  'Copyright 2025 Caucasus Daily Media. All rights reserved.',
];

export function articlePage(p: PageSpec): string {
  const declares = p.declares ?? 'json-ld';
  const head: string[] = [`<meta charset="utf-8">`, `<title>${esc(p.title)} | ${esc(p.outlet ?? 'Site')}</title>`];
  if (declares === 'json-ld') {
    head.push(
      `<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'ignored website node' },
          {
            '@type': 'NewsArticle',
            headline: p.title,
            author: (p.authors ?? []).map((name) => ({ '@type': 'Person', name })),
            publisher: { '@type': 'Organization', name: p.outlet },
            datePublished: p.published,
            mainEntityOfPage: { '@id': p.url },
          },
        ],
      })}</script>`,
    );
  }
  if (declares === 'meta-tags') {
    head.push(
      `<meta property="og:title" content="${esc(p.title)}">`,
      `<meta property="og:site_name" content="${esc(p.outlet ?? '')}">`,
      `<meta property="article:published_time" content="${esc(p.published ?? '')}">`,
      ...(p.authors ?? []).map((a) => `<meta name="author" content="${esc(a)}">`),
      `<link rel="canonical" href="${esc(p.url ?? '')}">`,
    );
  }
  if (declares === 'time-only') head.push(...(p.authors ?? []).map((a) => `<meta name="author" content="${esc(a)}">`));
  const time = declares === 'time-only' && p.published ? `<time datetime="${esc(p.published)}">published</time>` : '';
  return `<!doctype html><html lang="en"><head>${head.join('\n')}</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/russia">Russia</a>
<a href="/ukraine">Ukraine</a> <a href="/about">About us</a></nav></header>
<div class="newsletter-signup"><p>${FURNITURE_TEXT[0]}</p><form><input name="email"></form></div>
<main><article>
<h1>${esc(p.title)}</h1>
${time}
${p.paragraphs.map((t, i) => `${i === 2 ? '<h2>A sub-heading about the region</h2>\n' : ''}<p>${esc(t)}</p>`).join('\n')}
${p.caption ? `<figure><img src="/photo.jpg" alt=""><figcaption>${esc(p.caption)}</figcaption></figure>` : ''}
<div class="share-bar"><a href="#">${FURNITURE_TEXT[1]}</a></div>
</article>
<aside class="related-stories"><h3>Related</h3><ul><li><a href="/x">${FURNITURE_TEXT[2]}</a></li></ul></aside>
</main>
<footer><p>${FURNITURE_TEXT[4]}</p></footer>
</body></html>`;
}

/** Plausible article paragraphs mentioning gazetteer actors; `seed` makes each article's text its own. */
export function newsParagraphs(seed: string, n = 5): string[] {
  const lines = [
    `Armenia and Azerbaijan resumed talks on the border crossing on Monday, officials in Yerevan said, in a round` +
      ` the diplomats called ${seed}.`,
    `Iran said it would watch the negotiations closely, and a spokesman in Tehran warned` +
      ` against any change to the frontier in the ${seed} talks.`,
    `Russia, which keeps border guards in the south of Armenia, said it was ready to help with the ${seed} arrangement.`,
    `Turkey welcomed the progress and said the railway through Nakhchivan could open within two years if the ${seed} round succeeds.`,
    `Georgia, whose ports carry much of the regional trade, said it was not worried about competition from the ${seed} route.`,
    `Analysts in Baku said the ${seed} round was the most serious since the 2020 war ended.`,
    `The European Union offered monitors, while the United States urged both sides to sign quickly after the ${seed} meeting.`,
  ];
  return Array.from({ length: n }, (_, i) => lines[i % lines.length]!);
}

export interface FeedItemSpec {
  title: string;
  link: string;
  guid?: string;
  published?: string;
  authors?: string[];
  /** Full text (HTML) carried in the item itself, as content:encoded or content_html. */
  content?: string;
  summary?: string;
}

export function rssFeed(title: string, items: FeedItemSpec[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${esc(title)}</title><link>https://news.example/</link><description>Test feed</description>
${items
  .map(
    (
      i,
    ) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
${i.published ? `<pubDate>${esc(i.published)}</pubDate>` : ''}${(i.authors ?? []).map((a) => `<dc:creator>${esc(a)}</dc:creator>`).join('')}
${i.summary ? `<description>${esc(i.summary)}</description>` : ''}
${i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atomFeed(title: string, items: FeedItemSpec[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:${esc(title)}</id>
<updated>2025-03-03T00:00:00Z</updated>
${items
  .map(
    (i) => `<entry><title>${esc(i.title)}</title><id>${esc(i.guid ?? i.link)}</id><link rel="alternate" href="${esc(i.link)}"/>
${i.published ? `<published>${esc(i.published)}</published>` : ''}
${(i.authors ?? []).map((a) => `<author><name>${esc(a)}</name></author>`).join('')}
${i.summary ? `<summary>${esc(i.summary)}</summary>` : ''}${i.content ? `<content type="html">${esc(i.content)}</content>` : ''}</entry>`,
  )
  .join('\n')}
</feed>`;
}

export function jsonFeed(title: string, items: FeedItemSpec[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({
      id: i.guid ?? i.link,
      url: i.link,
      title: i.title,
      date_published: i.published,
      authors: (i.authors ?? []).map((name) => ({ name })),
      ...(i.content ? { content_html: i.content } : {}),
      ...(i.summary ? { summary: i.summary } : {}),
    })),
  });
}
