// Author bios in the shapes real pages use: before a disclaimer, one per
// author, with a title or a career told in years. A bio names the author,
// is never a quote, and its dates never become timeline events.
import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/briefing/timeline.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { contents } from '../helpers/corpus-contents.js';
import { tempData } from '../helpers/temp-data.js';

const ARTICLE = `---
title: Rail links across the Caspian
outlet: Test Institute
published: 2025-06-02
---

Kazakhstan opened a new rail terminal at Aktau on 12 May 2025, officials said.

The route links China with Azerbaijan and Georgia through the Caspian Sea.

Freight volumes on the line have grown every quarter, according to the operator.

Shippers in Baku expect the ferries across the Caspian to run twice a week.

Georgia is widening the tracks that lead to its Black Sea ports.

The operator wants to cut the journey from China to Europe to under three weeks.

Critics say the ports on both shores still lack cranes and warehouses.

Dr. Mariam Beridze is a Senior Fellow at the Test Institute, where she leads work on transport corridors.
In 2019, she joined the institute from a ministry. Mariam is particularly interested in ports.

Farid Karimi has spent more than a decade reporting from Central Asia for several outlets. His work focuses on infrastructure.

The views expressed in this Commentary are the authors', and do not represent those of the Test Institute or any other institution.
`;

describe('author bios', () => {
  it('name both authors, are not quoted, and give no timeline events', async () => {
    const corpus = openCorpus(tempData({ 'a.md': ARTICLE }));
    const { articles, passages } = await contents(corpus);
    expect(articles[0]).toMatchObject({ author: 'Mariam Beridze and Farid Karimi', outlet: 'Test Institute' });
    const text = passages.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/Senior Fellow|joined the institute|reporting from Central Asia|views expressed|interested in ports/);
    const events = await timeline(corpus, {});
    expect(events.ok && events.events.map((e) => e.date.start)).toEqual(['2025-05-12']);
    corpus.close();
  });

  it('know a newsroom role (producer, reporter, columnist) as a bio, and keep a story about someone who holds one', async () => {
    const body = ARTICLE.split('Dr. Mariam Beridze')[0]!;
    const withRole = `${body}Lela Gogua is a producer filing stories on the Caucasus for the bureau in Tbilisi.\n`;
    const aboutOne = `${body}Anna Petrova, a reporter in Baku, was detained in March and is still held, her lawyer said.\n`;
    const corpus = openCorpus(tempData({ 'a.md': withRole, 'b.md': aboutOne.replace('Rail links', 'Rail links, again') }));
    const { articles, passages } = await contents(corpus);
    const text = passages.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/filing stories/);
    expect(text).toMatch(/Anna Petrova, a reporter in Baku, was detained/);
    expect(articles.find((a) => a.title === 'Rail links across the Caspian')).toMatchObject({ author: 'Lela Gogua' });
    corpus.close();
  });
});
