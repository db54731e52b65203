// Classes of text that are never quotable, and bylines with several authors,
// in wordings written for these tests (not taken from any one page).
import { describe, expect, it } from 'vitest';
import { isBoilerplateSentence, isInterfaceLine, outletNamedByAppeal } from '../../src/corpus/ingest/boilerplate.js';
import { extractByline } from '../../src/corpus/ingest/byline.js';
import { layoutArticle } from '../../src/corpus/ingest/article-layout.js';
import { buildLexicon } from '../../src/corpus/ingest/layout-cues.js';

describe('boilerplate that is never quotable', () => {
  it.each([
    ["The views expressed in this article are the author's own and do not represent those of the Caspian Policy Forum."],
    ['Opinions expressed by contributors are those of the authors and do not necessarily reflect the views of the editors.'],
    ["The views expressed in this Analysis are the authors', and do not represent those of the Institute or any other institution."],
    ['Have an idea for an op-ed you would like to write for us?'],
    ['Send us your pitch at editors@example.org and we will reply within a week.'],
    ['Full guidelines for contributors can be found on our website.'],
    ['Sign up for our weekly briefing on the Caucasus.'],
    ['© 2025 Example Media Ltd.'],
    ['Copyright Example Weekly 2024.'],
    ['This article first appeared in The Caspian Review.'],
    ['A version of this story appeared in the print edition of 4 March.'],
    ['Originally published on 3 March 2025 by Caucasus Watch.'],
    ['We rely on readers like you to keep our work free.'],
    ['Our work is made possible by readers like you.'],
    ['Help us keep this reporting free for everyone.'],
    ['You can support Caucasus Watch on Patreon.'],
    ['Anna Petrova may be reached at apetrova@example.org.'],
    ['The writer can be contacted on Telegram at @apetrova_news.'],
    ['Caspian Policy Forum, 12 Harbour Street, Baku | 555-210-4400 tel | 555-210-4401 fax'],
    ['Press office. Tel: +994 12 555 01 00'],
    ['Subscribe to the Caucasus Digest’s newsletters.'],
    ['Get the latest analysis right in your inbox.'],
    ['Follow us at Telegram @caucasusdigest.'],
    ['This review contains affiliate links.'],
    ['This slideshow requires JavaScript.'],
    ['The contents of this site are ©2024 Caspian Policy Forum.'],
    ['The products listed here have been selected independently by our reviewers after testing.'],
    ['Do you have a story to tell?'],
    ['Email: newsdesk@example.org'],
    // A house's invitations to its own products, and notes on the page.
    ['Join our reader forums to keep talking about the region.'],
    ['Subscribe to Caucasus Briefing: Energy, a free weekly round-up for analysts.'],
    ['Read more of our regional coverage by signing up to our free weekly newsletter.'],
    ['If you enjoyed this article, we have an offer for you: become a member.'],
    ['Follow our full coverage of the South Caucasus at https://example.org/caucasus'],
    ['Follow her on Twitter @apetrova_news.'],
    ['You may also like...'],
    ["Welcome to the Caspian Daily's market desk, your source for the week's prices."],
    ['This post may contain affiliate and/or referral links.'],
    ['Please see our disclosure page.'],
    ['(Image credit: Caspian Observatory)'],
    ['Filed under: Energy |'],
    ['Reading time: 4 minutes'],
    ['Tempo de leitura: 2 minutos'],
    ['6 min read'],
    ['Additional reporting from Reuters'],
  ])('%s', (sentence) => {
    expect(isBoilerplateSentence(sentence)).toBe(true);
  });

  it.each([
    ['The views of Armenian voters have shifted since the war.'],
    ['Officials expressed views that do not represent a change of policy, the minister said.'],
    ['Azerbaijan has an idea for a new rail link to Turkey.'],
    ['The copyright dispute between the two broadcasters went to court in March.'],
    ['The claim first appeared to be a rumour, officials said.'],
    ['Readers in Armenia support the deal, a poll found.'],
    ['Moscow promised to help us keep the corridor open, the minister said.'],
    ['The plan was originally proposed in 2021 by Turkey.'],
    ['The summit can be reached only by helicopter in winter.'],
    ['Officials could not be reached for comment on Monday.'],
    ['The newsletters of the exiled opposition reached Tbilisi in 2019.'],
    ['Subscribers complained that the updates arrived late, the ministry said.'],
    ['Affiliate groups of the party met in Yerevan on Monday.'],
    ['The ministry said 202 people were evacuated and 4,100 homes lost power.'],
    ['The judges were selected independently of the government, the court said.'],
    ['Do you have a story about the border, officials asked residents in Gyumri.'],
    ['Email records show the minister was warned in March.'],
    ['Reporting from Kyiv, the correspondent said the strikes went on all night.'],
    ['Research from the central bank shows remittances fell by a third.'],
    ['More from the ministry: a second convoy left for Stepanakert on Monday.'],
    ['The ministry said it would follow the coverage of the talks closely.'],
    ['Reading time for the full report, the committee said, was not a concern.'],
    // On a page of deals the offer is the story (the benchmarks' gold says so too).
    ['Use code "SPRING20" to get the ferry tickets for less.'],
    ['Get access to millions of songs with the new plan, the company said.'],
  ])('leaves reporting alone: %s', (sentence) => {
    expect(isBoilerplateSentence(sentence)).toBe(false);
  });

  it('knows a skip link as interface text, and keeps a sentence that starts the same way', () => {
    expect(isInterfaceLine('skip past newsletter promotion')).toBe(true);
    expect(isInterfaceLine('Skip to main content')).toBe(true);
    expect(isInterfaceLine('Skip to the next part of the talks, the minister said, and Baku agreed.')).toBe(false);
  });

  it("knows a player's, a gallery's and a rail's labels standing alone, and keeps text that starts with the same words", () => {
    for (const label of [
      'Image',
      'Caption',
      'Close',
      'Duration',
      'Advert',
      'Highlights',
      'Read next',
      'watch now',
      "DON'T MISS",
      'MORE ABOUT',
    ])
      expect(isInterfaceLine(label)).toBe(true);
    for (const counter of ['Image 1 of / 13', '3 of 12', 'of 6', 'Photo 2 of 9']) expect(isInterfaceLine(counter)).toBe(true);
    expect(isInterfaceLine('Have a tip?')).toBe(true);
    expect(isInterfaceLine('Getty Images')).toBe(true);
    expect(isInterfaceLine('SOURCE: News agencies')).toBe(true);
    expect(isInterfaceLine('Source: Reuters')).toBe(true);
    expect(isInterfaceLine('Source: the ministry said 40 people were killed in the strike on Kharkiv.')).toBe(false);
    for (const text of [
      'Closer ties with Baku',
      'Highlights of the summit included a rail deal.',
      'Image of the president was defaced in Tabriz.',
      'Reuters reported the talks had stalled.',
      'One of 12 ministers resigned.',
    ])
      expect(isInterfaceLine(text)).toBe(false);
  });

  it("knows a wire credit by its shape, a newsroom's call for tips and its appeals in its own voice", () => {
    for (const credit of [
      'Reporting by Nailia Bagirova in Baku; Editing by Mark Heinrich',
      '(Reporting by Jane Doe and John Roe; additional reporting by Ali Veli in Ankara; Editing by Sam Holmes)',
      'Writing by Felix Light; editing by Andrew Osborn',
      'With files from The Associated Press and Mohamed El Saife',
      'With reports from Reforma and El Economista',
    ])
      expect(isBoilerplateSentence(credit)).toBe(true);
    expect(isBoilerplateSentence('If you have a story idea, send news tips in English or Arabic to desk@example.org.')).toBe(true);
    expect(isBoilerplateSentence('Our website is the place for the latest breaking news, exclusive scoops and commentary.')).toBe(true);
    expect(isBoilerplateSentence('Get Caspian Monthly delivered through your letterbox every month.')).toBe(true);
    expect(isBoilerplateSentence('We appreciate that not everyone can afford to pay for our services, but we ask you to support us.')).toBe(
      true,
    );
    expect(isInterfaceLine('Be the first to comment on this article')).toBe(true);
    expect(isInterfaceLine('after newsletter promotion')).toBe(true);
    // Sentences that open the same way and report.
    for (const reporting of [
      'Research by Xin Xu, a materials scientist, recently estimated that raising albedo by 0.01 could cool the city.',
      'Reporting by the Times showed that the ministry had known of the plan.',
      'With reports from the front scarce, officials in Kyiv declined to comment.',
      'Police asked residents to send tips about the attack to the hotline.',
      'Our site visit to the plant in Sumgait was cut short.',
    ])
      expect(isBoilerplateSentence(reporting)).toBe(false);
  });

  it('takes the outlet from a disclaimer that names the institution', () => {
    expect(
      outletNamedByAppeal(
        "The views expressed in this Commentary are the author's, and do not represent those of CEPS or any other institution.",
      ),
    ).toBe('CEPS');
    expect(outletNamedByAppeal('These views do not necessarily reflect the position of the Eurasia Centre.')).toBe('the Eurasia Centre');
  });

  it.each([
    ['© 2025 Example Media Ltd. All rights reserved.', 'Example Media'],
    ['Copyright Example Weekly 2024.', 'Example Weekly'],
    ['(c) 2019–2024 The Caspian Post', 'The Caspian Post'],
    ['Copyright © 2023 Institute for War & Peace Reporting', 'Institute for War & Peace Reporting'],
  ])('takes the outlet from a copyright line: %s', (line, outlet) => {
    expect(isBoilerplateSentence(line)).toBe(true);
    expect(outletNamedByAppeal(line)).toBe(outlet);
  });

  it('names no outlet from a copyright line that holds no name', () => {
    expect(outletNamedByAppeal('© 2025. All rights reserved.')).toBeNull();
  });
});

describe('bylines with several authors', () => {
  const lex = buildLexicon([]);
  it.each([
    ['March 3, 2025 - Anna Petrova and Davit Beridze - Analysis The talks resumed in Geneva.', 'Anna Petrova and Davit Beridze'],
    [
      '12 May 2024 - Leyla Aliyeva, Oleksandr Melnyk and Nino Lomidze - Commentary The border opened.',
      'Leyla Aliyeva, Oleksandr Melnyk and Nino Lomidze',
    ],
    ['June 1, 2025 - Reza Karimi - Opinion Tehran said nothing.', 'Reza Karimi'],
    ['Nino Lomidze, South Caucasus correspondent The protests went on.', 'Nino Lomidze'],
    ['Anna Petrova and Davit Beridze, BBC Russian editor The talks resumed.', 'Anna Petrova and Davit Beridze'],
  ])('%s', (body, author) => {
    const b = extractByline(body, lex);
    expect(b?.author).toBe(author);
    expect(b?.body).toMatch(/^The |^Tehran /);
  });
});

describe('headings that are questions', () => {
  const layout = (paragraphs: string[]) =>
    layoutArticle(paragraphs, { runIn: false, author: null, lex: buildLexicon(paragraphs) }).items.map((i) => i.text);

  it('leaves out a short question standing alone as a paragraph, and keeps questions that are reporting', () => {
    const texts = layout([
      'Armenia and Azerbaijan resumed talks on Monday.',
      'What does this mean for Russia?',
      'Moscow has lost influence. Will it try to win it back? Officials in Yerevan doubt it.',
      '"Why should we wait for Moscow?" the minister asked.',
      'Is there any realistic chance that the railway through the south of Armenia opens before the end of the decade?',
    ]);
    expect(texts).not.toContain('What does this mean for Russia?');
    expect(texts).toContain('Will it try to win it back?');
    expect(texts).toContain('"Why should we wait for Moscow?" the minister asked.');
    expect(texts.some((t) => t.startsWith('Is there any realistic chance'))).toBe(true);
  });
});

describe('sub-headings glued to the paragraph they head', () => {
  const layout = (paragraphs: string[], runIn = false) =>
    layoutArticle(paragraphs, { runIn, author: null, lex: buildLexicon(paragraphs) }).items.map((i) => i.text);

  it.each([
    ['Looking Ahead The talks resumed in Abu Dhabi on Monday.', 'The talks resumed in Abu Dhabi on Monday.'],
    ['A Fragile Balance in the South In July, the two sides met again.', 'In July, the two sides met again.'],
    ['Russia Steps Back It no longer guarantees the corridor.', 'It no longer guarantees the corridor.'],
  ])('splits off a Title Case heading in any format: %s', (paragraph, body) => {
    expect(layout([paragraph])).toEqual([body]);
    expect(layout([`Armenia signed the deal. ${paragraph}`], true)).toContain(body);
  });

  it.each([
    ['The European Union mission stays on the border.'],
    ['United States officials said the talks would resume.'],
    ['In The Hague the court heard the case on Monday.'],
    ['Nikol Pashinyan met Ilham Aliyev in Abu Dhabi on Monday.'],
    ['IN MANY FORMERLY democratic countries, the road to one-party rule has been long.'],
  ])('leaves a sentence that only starts with capitals alone: %s', (paragraph) => {
    expect(layout([paragraph])).toEqual([paragraph]);
  });
});

describe('photo credits', () => {
  const layout = (paragraphs: string[], runIn: boolean) =>
    layoutArticle(paragraphs, { runIn, author: null, lex: buildLexicon(paragraphs, ['Armenia', 'Azerbaijan', 'Nikol Pashinyan']) }).items;

  it('ends a photographer credit before a country that starts the next sentence', () => {
    const items = layout(
      ['Nikol Pashinyan at the summit in Brussels on 3 March. Photo: Reuters/Yves Herman Armenia and Azerbaijan resumed talks on Monday.'],
      true,
    );
    expect(items.find((i) => i.kind === 'caption')?.credit).toBe('Reuters/Yves Herman');
    expect(items.map((i) => i.text)).toContain('Armenia and Azerbaijan resumed talks on Monday.');
  });

  it.each([
    ['Getty Images Armenia and Azerbaijan resumed talks on Monday.', 'Armenia and Azerbaijan resumed talks on Monday.'],
    ['Anadolu via Getty Images The railway will open next year, the minister said.', 'The railway will open next year, the minister said.'],
    ['AFP via Getty Images "We are ready," the minister said.', '"We are ready," the minister said.'],
    ['Reuters/Vasily Fedosenko Azerbaijan closed the border.', 'Azerbaijan closed the border.'],
  ])('takes the agency credit off the head of a body sentence: %s', (text, clean) => {
    expect(layout([text], false).map((i) => i.text)).toEqual([clean]);
  });

  it('leaves an agency that is the subject of the sentence alone', () => {
    const texts = ['Reuters reported the talks on Monday.', 'AFP said the border was closed.', 'Officials said the AFP report was wrong.'];
    expect(layout(texts, false).map((i) => i.text)).toEqual(texts);
  });
});
