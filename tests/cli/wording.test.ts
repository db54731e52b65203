// Small texts a new user meets in the first ten minutes: each says what is
// wrong in the user's own terms, reads as English, and lists what matters first.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief } from '../../src/briefing/brief.js';
import { search } from '../../src/briefing/search.js';
import { deployCli } from '../../src/cli/deploy-cli.js';
import { addFeed } from '../../src/feeds/feed-list.js';
import { toText } from '../../src/render/text.js';
import { allowEveryAddress, refusePrivateAddress } from '../../src/web/address-policy.js';
import { createHttpClient } from '../../src/web/http-client.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { tempData, testTmp } from '../helpers/temp-data.js';

const { corpus } = seedCorpus();

describe('wording', () => {
  it('names the --guild flag the user typed, not the setting behind it', async () => {
    const err: string[] = [];
    const code = await deployCli(
      ['--guild', '123'],
      { DISCORD_TOKEN: 'a.b.c' },
      () => {},
      (t) => err.push(t),
      join(testTmp(), 'none.env'),
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toBe('--guild "123" is not a server id: copy it with Discord\'s developer mode (a number of 17 to 20 digits).');
  });

  it('quotes a search once, whether or not the user typed quotation marks', async () => {
    const phrase = toText(await search(corpus, '"security buffer"'), { limit: 1, ansi: false });
    expect(phrase).toMatch(/^\d+ quote\(s\) for "security buffer", matching/);
    const words = toText(await search(corpus, 'security buffer'), { limit: 1, ansi: false });
    expect(words).toMatch(/^\d+ quote\(s\) for "security buffer", matching/);
  });

  it('says "an unspecified address", with the right article', async () => {
    const http = createHttpClient({ userAgent: 'test', checkAddress: refusePrivateAddress, hostGapMs: 0 });
    await expect(http.get('http://0.0.0.0/feed')).rejects.toThrow('0.0.0.0 is an unspecified address');
    await expect(http.get('http://127.0.0.1/feed')).rejects.toThrow('127.0.0.1 is a loopback address');
    expect(allowEveryAddress('0.0.0.0')).toBeNull();
  });

  it('gives a feed named in another script a readable id, and falls back to its host name', () => {
    const paths = tempData({});
    const cyrillic = addFeed(paths, { url: 'https://novayagazeta.eu/feed/rss', name: 'Новая газета Европа' });
    expect(cyrillic).toMatchObject({ ok: true, feed: { id: 'novaya-gazeta-evropa', name: 'Новая газета Европа' } });
    const azeri = addFeed(paths, { url: 'https://example.az/rss', name: 'Azərbaycan Xəbərləri' });
    expect(azeri).toMatchObject({ ok: true, feed: { id: 'azerbaycan-xeberleri' } });
    const symbols = addFeed(paths, { url: 'https://www.symbols.example/rss', name: '★★★' });
    expect(symbols).toMatchObject({ ok: true, feed: { id: 'symbols-example' } });
  });

  it("lists /brief's latest dated events newest first", async () => {
    const b = await brief(corpus, 'Azerbaijan');
    if (!b.ok) throw new Error('no briefing');
    const starts = b.events.map((e) => e.date.start);
    expect(starts.length).toBeGreaterThan(2);
    expect(starts).toEqual([...starts].sort().reverse());
  });
});
