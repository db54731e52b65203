// Keeping watches through the core both the CLI and /watch use: the rule kept
// in canonical form, a broad rule kept with a word of warning, and the limits.
import { describe, expect, it } from 'vitest';
import { addWatch, MAX_WATCHES } from '../../src/briefing/watch/watch-rules.js';
import { openCorpus } from '../../src/corpus/build-store.js';
import { tempData } from '../helpers/temp-data.js';
import { tempStore } from '../helpers/temp-store.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const files = Object.fromEntries(
  Array.from({ length: 24 }, (_, i) => [
    `a${i}.md`,
    `---\ntitle: Tbilisi item ${i}\noutlet: OC Media\nauthor: A. Writer\npublished: 2026-12-0${1 + (i % 6)}\n---\n\n` +
      `Georgia's parliament in Tbilisi debated bill number ${i} on Monday, officials said.\n`,
  ]),
);
const corpus = openCorpus(tempData(files));
const base = { guildId: '111111111111111111', channelId: '222222222222222222', thread: false, createdBy: 'u1' };

describe('keeping a watch', () => {
  it('keeps a broad rule with a warning of what to expect, and a narrow one without', async () => {
    const { store } = tempStore();
    const broad = await addWatch(store, corpus, { ...base, rule: 'actor:Georgia' }, NOW);
    expect(broad.ok && broad.warning).toBe(
      'This rule matched 24 of the 24 articles of the last 7 days: expect up to 10 alerts an hour here and a roll-up of the rest. ' +
        'Narrow it with more terms or a - exclusion.',
    );
    const narrow = await addWatch(store, corpus, { ...base, rule: 'actor:Georgia "bill number 7"' }, NOW);
    expect(narrow).toMatchObject({ ok: true, warning: null, watch: { rule: 'actor:Georgia "bill number 7"' } });
  });

  it('refuses a cap out of range and more watches than a server may keep, saying so', async () => {
    const { store } = tempStore();
    expect(await addWatch(store, corpus, { ...base, rule: 'Tbilisi', hourlyCap: 0 }, NOW)).toMatchObject({
      ok: false,
      problem: { code: 'bad-cap' },
    });
    for (let i = 0; i < MAX_WATCHES; i++) await store.addWatch({ ...base, rule: `w${i}`, hourlyCap: 10 }, NOW);
    expect(await addWatch(store, corpus, { ...base, rule: '"bill number 3"' }, NOW)).toMatchObject({
      ok: false,
      problem: { code: 'too-many-watches', max: MAX_WATCHES },
    });
  });
});
