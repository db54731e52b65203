// Saved and fetched web pages (.html in raw/): metadata from the page's own
// declarations, the body without page furniture.
import { describe, expect, it } from 'vitest';
import { buildCorpus, openCorpus } from '../../src/corpus/build-store.js';
import { contents } from '../helpers/corpus-contents.js';
import { articlePage, FURNITURE_TEXT, newsParagraphs } from '../helpers/news-pages.js';
import { tempData } from '../helpers/temp-data.js';
import { parseCommandLine } from '../../src/parse-command-line.js';
import { answerCommands as commands } from '../../src/commands/index.js';
import { toJson } from '../../src/render/json.js';

/** The passages of a page of news paragraphs with raw HTML in place of the placeholder paragraphs named (`<p>NAME</p>`). */
async function passagesOfPage(file: string, seed: string, raw: Record<string, string>) {
  const text = newsParagraphs(seed);
  let page = articlePage({ title: file, paragraphs: [...text.slice(0, 2), ...Object.keys(raw), ...text.slice(2)] });
  for (const [name, html] of Object.entries(raw)) page = page.replace(`<p>${name}</p>`, html);
  const own = openCorpus(tempData({ [`saved/${file}.html`]: page }));
  try {
    return (await contents(own)).passages;
  } finally {
    await own.close();
  }
}

describe('HTML pages in raw/', async () => {
  const paths = tempData({
    'saved/json-ld.html': articlePage({
      title: 'Border talks resume in Yerevan',
      paragraphs: newsParagraphs('alpha'),
      outlet: 'Caucasus Daily',
      authors: ['Ani Petrosyan', 'Farid Mammadov'],
      published: '2025-03-03T01:30:00+04:00',
      url: 'https://caucasus-daily.example/2025/03/border-talks',
      caption: 'Delegations meet at the border. Photo: Test Agency',
    }),
    'saved/meta-tags.html': articlePage({
      declares: 'meta-tags',
      title: 'Tehran watches the frontier',
      paragraphs: newsParagraphs('beta'),
      outlet: 'Persia Weekly',
      authors: ['Sara Karimi'],
      published: '2025-04-10T09:00:00Z',
      url: 'https://persia-weekly.example/frontier',
    }),
    'saved/time-only.html': articlePage({
      declares: 'time-only',
      title: 'Ports of Georgia stay busy',
      paragraphs: newsParagraphs('gamma'),
      authors: ['Nino Beridze'],
      published: '2025-05-01T12:00:00+04:00',
    }),
    'feeds/wire/from-feed.html': articlePage({ declares: 'nothing', title: 'x', paragraphs: newsParagraphs('delta') }),
    'feeds/wire/from-feed.meta.json': JSON.stringify({
      retrieved: '2025-06-02',
      url: 'https://wire.example/delta',
      title: 'Wire story from the feed',
      outlet: 'Wire Service',
      authors: ['A. Author', 'B. Writer'],
      published: 'Mon, 02 Jun 2025 08:15:00 +0300',
      feed: 'wire',
    }),
  });
  const { report } = buildCorpus(paths);
  const corpus = openCorpus(paths);
  const { articles, passages } = await contents(corpus);
  const byFile = (f: string) => articles.find((a) => a.source.file === f)!;

  it('ingests every page, skipping none', async () => {
    expect(report.skipped).toEqual([]);
    expect(articles).toHaveLength(4);
  });

  it('takes title, outlet, authors, date with its zone and URL from JSON-LD', async () => {
    const a = byFile('saved/json-ld.html');
    expect(a).toMatchObject({
      title: 'Border talks resume in Yerevan',
      outlet: 'Caucasus Daily',
      author: 'Ani Petrosyan and Farid Mammadov',
      // The day as stated in the page's own zone, and the exact moment kept beside it.
      published: '2025-03-03',
      publishedAt: '2025-03-03T01:30:00+04:00',
      publishedApproximate: false,
      url: 'https://caucasus-daily.example/2025/03/border-talks',
      source: { format: 'html' },
    });
  });

  it('falls back to OpenGraph and article:* tags, then to <meta name=author> and <time datetime>', async () => {
    expect(byFile('saved/meta-tags.html')).toMatchObject({
      title: 'Tehran watches the frontier',
      outlet: 'Persia Weekly',
      author: 'Sara Karimi',
      publishedAt: '2025-04-10T09:00:00Z',
      url: 'https://persia-weekly.example/frontier',
    });
    expect(byFile('saved/time-only.html')).toMatchObject({
      title: 'Ports of Georgia stay busy',
      author: 'Nino Beridze',
      published: '2025-05-01',
    });
  });

  it('takes from the feed item (the sidecar) what the page does not declare', async () => {
    expect(byFile('feeds/wire/from-feed.html')).toMatchObject({
      title: 'Wire story from the feed',
      outlet: 'Wire Service',
      author: 'A. Author and B. Writer',
      published: '2025-06-02',
      publishedAt: '2025-06-02T08:15:00+03:00',
      url: 'https://wire.example/delta',
    });
  });

  it('never quotes navigation, footers, newsletter boxes, share bars, related links or sub-headings', async () => {
    const all = passages.map((p) => p.text).join('\n');
    for (const f of FURNITURE_TEXT) expect(all).not.toContain(f.slice(0, 25));
    // A sub-heading labels the text and is not quoted, alone or glued to the paragraph after it, which stays whole.
    expect(all).not.toContain('A sub-heading about the region');
    expect(passages.map((p) => p.text)).toContainEqual(
      expect.stringMatching(/^Armenia and Azerbaijan resumed talks on the border crossing/),
    );
  });

  it('takes a Title Case line standing as a paragraph for a sub-heading, and keeps short lines that are text', async () => {
    // A sub-heading set as a paragraph of its own (a page that bolds it), among short lines that are the page's text.
    const page = articlePage({
      title: 'Ferries on the Caspian',
      paragraphs: [
        ...newsParagraphs('epsilon').slice(0, 2),
        'Ferry Crossings Resume Along the Caspian',
        ...newsParagraphs('epsilon').slice(2),
        'Aktau Port Arrivals 14 Departures 9',
        'Talks resume in May',
      ],
    });
    const own = openCorpus(tempData({ 'saved/title-case-lines.html': page }));
    const texts = (await contents(own)).passages.map((p) => p.text);
    await own.close();
    expect(texts.length).toBeGreaterThan(4);
    expect(texts).not.toContain('Ferry Crossings Resume Along the Caspian');
    expect(texts).toContain('Aktau Port Arrivals 14 Departures 9');
    expect(texts).toContain('Talks resume in May');
  });

  it('reads a paragraph styled run by run as one text, without the pop-up card of links a name carries', async () => {
    const runs =
      '<p><span style="font-weight: 400;">Kamran Aliyev was </span><a href="/report"><span style="font-weight: 400;">arrested</span></a>' +
      '<span style="font-weight: 400;"> in April after a rally in Ganja, his lawyer said on Monday.</span></p>';
    const card =
      '<p>Rep. <span class="rollover"><a href="/people/ilhan-omar">Ilhan Omar</a><span class="card"><img src="x.jpg" alt="">' +
      '<a href="/a">Progressives oppose funding bill over surveillance authority</a> <a href="/b">Senators call for 5G security ' +
      'coordinator</a> <a href="/c">Omar asks court to apply compassion</a></span></span> (D-Minn.) wrote to the court on Tuesday.</p>';
    // Runs that never continue one another are boxes a page lays out as lines: a bolded heading, then the text.
    const boxes =
      '<p><span class="strong">A Crisis Demanding Urgent Attention</span><span class="br"></span>' +
      '<span class="em">From the border towns to the capital, officials described the crossings as overwhelmed.</span></p>';
    const stamp = '<p>By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.</p>';
    // A sentence of linked names in a span of its own is the paragraph, not a box inside it.
    const linked =
      '<p><span><a href="/a">President Ilham Aliyev</a> met <a href="/b">the Armenian prime minister Nikol Pashinyan</a> in ' +
      '<a href="/c">Washington</a>.</span></p>';
    const texts = (await passagesOfPage('styled-runs', 'zeta', { RUNS: runs, CARD: card, BOXES: boxes, STAMP: stamp, LINKED: linked })).map(
      (p) => p.text,
    );
    expect(texts).toContain('Kamran Aliyev was arrested in April after a rally in Ganja, his lawyer said on Monday.');
    expect(texts).toContain('Rep. Ilhan Omar (D-Minn.) wrote to the court on Tuesday.');
    expect(texts.join('\n')).not.toMatch(/Senators call|surveillance authority/);
    expect(texts).toContain('From the border towns to the capital, officials described the crossings as overwhelmed.');
    expect(texts.join('\n')).not.toMatch(/AttentionFrom|Matthew Digby/);
    expect(texts).toContain('President Ilham Aliyev met the Armenian prime minister Nikol Pashinyan in Washington.');
  });

  it("leaves out a post embedded from a social network: its author's words, not the article's", async () => {
    const tweet =
      '<blockquote class="twitter-tweet"><p lang="en">Talks with Baku resume on Monday, the ministry says.</p>' +
      '<p>— Foreign Ministry (@mfa_example) <a href="https://twitter.com/x/status/1">March 2, 2025</a></p></blockquote>';
    const texts = (await passagesOfPage('embedded-post', 'eta', { TWEET: tweet })).map((p) => p.text);
    expect(texts.length).toBeGreaterThan(4);
    expect(texts.join('\n')).not.toMatch(/Talks with Baku resume|@mfa_example/);
  });

  it('takes the text beside a picture for its caption, however the page names its boxes', async () => {
    const picture =
      '<div class="sc-fx1"><div class="sc-fx2">' +
      '<picture><source srcset="a.jpg 320w"><img src="a.jpg" width="3098" height="2066"></picture>' +
      '<div class="sc-q7">Delegates leave the talks in Baku on Thursday night</div><div class="sc-q8">Getty Images</div></div></div>';
    const all = await passagesOfPage('picture-box', 'theta', { PICTURE: picture });
    expect(
      all
        .filter((p) => p.kind === 'body')
        .map((p) => p.text)
        .join('\n'),
    ).not.toMatch(/Delegates leave the talks|Getty Images/);
    expect(all.find((p) => p.text.startsWith('Delegates leave the talks'))?.kind).toBe('caption');
  });

  it('keeps a figure caption as a caption with its credit', async () => {
    const cap = passages.find((p) => p.kind === 'caption');
    expect(cap).toMatchObject({ text: 'Delegations meet at the border.', credit: 'Test Agency' });
  });

  it('shows the URL in citations and /sources (JSON url, published_at)', async () => {
    const parsed = parseCommandLine('/actor name:Armenia', commands);
    if (!parsed.ok) throw new Error(parsed.problem.code);
    const answer = toJson(await parsed.command.execute({ corpus, options: parsed.options })) as {
      quotes: { article: Record<string, unknown> }[];
    };
    const cited = answer.quotes.map((q) => q.article).find((a) => a.title === 'Border talks resume in Yerevan')!;
    expect(cited).toMatchObject({
      url: 'https://caucasus-daily.example/2025/03/border-talks',
      published_at: '2025-03-03T01:30:00+04:00',
      authors: ['Ani Petrosyan', 'Farid Mammadov'],
    });
  });
});

describe('a web page that declares no outlet', () => {
  it('takes it from a disclaimer in the text before falling back to the host name', async () => {
    const disclaimer =
      "The views expressed in this commentary are the author's own and do not represent those of the Caspian Policy Centre.";
    const paths = tempData({
      'saved/commentary.html': articlePage({ declares: 'nothing', title: 'x', paragraphs: [...newsParagraphs('eta'), disclaimer] }),
      'saved/commentary.meta.json': JSON.stringify({ retrieved: '2025-06-02', url: 'https://cpc.example/eta', title: 'Eta commentary' }),
      'saved/plain.html': articlePage({ declares: 'nothing', title: 'y', paragraphs: newsParagraphs('theta') }),
      'saved/plain.meta.json': JSON.stringify({ retrieved: '2025-06-02', url: 'https://www.plain.example/theta', title: 'Theta report' }),
    });
    buildCorpus(paths);
    const corpus = openCorpus(paths);
    const { articles, passages } = await contents(corpus);
    expect(articles.find((a) => a.title === 'Eta commentary')?.outlet).toBe('Caspian Policy Centre');
    expect(articles.find((a) => a.title === 'Theta report')?.outlet).toBe('plain.example');
    expect(passages.map((p) => p.text)).not.toContain(disclaimer);
    corpus.close();
  });
});
