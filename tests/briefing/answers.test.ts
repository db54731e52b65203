import { describe, expect, it } from 'vitest';
import { actor } from '../../src/briefing/actor.js';
import { corridor } from '../../src/briefing/corridor.js';
import { search } from '../../src/briefing/search.js';
import { sources } from '../../src/briefing/sources.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { authorsOf } from '../../src/text/author-list.js';

const { corpus } = seedCorpus();

describe('/actor', () => {
  it('answers with a card and quotes that all mention the actor, spread across articles', async () => {
    const a = await actor(corpus, 'Iran');
    if (!a.ok || !a.actor) throw new Error('expected an actor card');
    expect(a.actor).toMatchObject({ id: 'iran', name: 'Iran', kind: 'country', mentions: a.quotes.length });
    expect(a.actor.articles).toBe(3);
    expect(a.quotes.every((q) => /Iran|Tehran|Persia/.test(q.text))).toBe(true);
    // diversity: the first five quotes come from more than one article
    expect(new Set(a.quotes.slice(0, 5).map((q) => q.article.id)).size).toBeGreaterThan(1);
  });

  it('ranks a sentence about the actor above a passing mention', async () => {
    const quotes = await actor(corpus, 'Turkey');
    if (!quotes.ok) throw new Error();
    expect(quotes.quotes[0]!.text).toMatch(/^Turkey, in turn, envisions/);
  });

  it('finds names without diacritics, in other case, and with a possessive', async () => {
    for (const name of ['erdogan', 'ERDOĞAN', "Erdogan's"]) {
      const a = await actor(corpus, name);
      expect(a.ok && a.actor?.id).toBe('recep-tayyip-erdogan');
    }
  });

  it('falls back to a mention search for names not in the gazetteer, and says so', async () => {
    const a = await actor(corpus, 'Pokrovsk');
    if (!a.ok) throw new Error();
    expect(a.actor).toBeNull();
    expect(a.fallback?.note).toContain('not in the gazetteer');
    expect(a.quotes.length).toBeGreaterThan(3);
    expect(a.quotes.every((q) => q.text.includes('Pokrovsk'))).toBe(true);
  });

  it('finds a name through its transliteration variants (Aliev, Əliyev for Aliyev), but not a misspelling', async () => {
    for (const variant of ['Aliev', 'Əliyev', 'ALIYEV']) {
      const a = await actor(corpus, variant);
      expect(a.ok && a.actor?.name, variant).toBe('Ilham Aliyev');
    }
    expect((await actor(corpus, 'Irann')).ok).toBe(false);
  });

  it('suggests a name whose word starts with what was typed, never one that only holds it inside a word', async () => {
    const a = await actor(corpus, 'Putn');
    expect(!a.ok && a.problem.code === 'unknown-actor' && a.problem.suggestions[0]?.name).toBe('Vladimir Putin');
  });

  it('suggests the closest names when nothing matches', async () => {
    const a = await actor(corpus, 'Irann');
    expect(a.ok).toBe(false);
    if (!a.ok && a.problem.code === 'unknown-actor') expect(a.problem.suggestions[0]).toEqual({ name: 'Iran', type: 'actor' });
    else throw new Error('expected unknown-actor');
  });
});

describe('/corridor', () => {
  it('puts the defining quote first and says who backs and opposes it, with evidence', async () => {
    const c = await corridor(corpus, 'Zangezur');
    if (!c.ok || !c.corridor) throw new Error('expected a corridor card');
    expect(c.quotes[0]!.text).toMatch(/refers to its demand for establishing an extraterritorial route/);
    expect(c.corridor.definition?.id).toBe(c.quotes[0]!.id);
    const stance = (s: 'backs' | 'opposes') =>
      c
        .corridor!.stances.filter((x) => x.stance === s)
        .map((x) => x.actor.id)
        .sort();
    expect(stance('backs')).toEqual(['azerbaijan', 'russia', 'turkey']);
    expect(stance('opposes')).toContain('iran');
    const iran = c.corridor.stances.find((s) => s.actor.id === 'iran')!;
    expect(iran.quote.text).toContain('Iran opposes the so-called Zangezur corridor');
  });

  it('tags a sentence that refers to the corridor without naming it', async () => {
    const c = await corridor(corpus, 'Zangezur Corridor');
    if (!c.ok) throw new Error();
    expect(c.quotes.some((q) => q.text.includes('Federal Security Service'))).toBe(true);
  });

  it('accepts aliases: Crossroads for Peace is the Crossroads of Peace', async () => {
    const c = await corridor(corpus, 'Crossroads for Peace');
    expect(c.ok && c.corridor?.id).toBe('crossroads-of-peace');
    expect(c.ok && c.corridor?.stances.map((s) => `${s.actor.id} ${s.stance}`)).toEqual(['armenia backs', 'iran opposes']);
  });
});

describe('/search', () => {
  it('ranks quotes and marks the matched words', async () => {
    const s = await search(corpus, 'nuclear deal');
    if (!s.ok) throw new Error();
    expect(s.match).toBe('all');
    const q = s.quotes[0]!;
    const marked = q.matches!.map((m) => q.text.slice(m.start, m.start + m.length).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['nuclear', 'deal']));
  });

  it('requires a quoted phrase as written', async () => {
    const s = await search(corpus, '"security buffer"');
    if (!s.ok) throw new Error();
    expect(s.quotes.length).toBeGreaterThan(0);
    expect(s.quotes.every((q) => q.text.toLowerCase().includes('security buffer'))).toBe(true);
  });

  it('tries near spellings when nothing matches exactly', async () => {
    const s = await search(corpus, 'Kostyantynivkaa');
    expect(s.ok && s.match).toBe('fuzzy');
  });

  it('completes a word cut short only when nothing else matches, so a prefix never outranks the whole word', async () => {
    const cut = await search(corpus, 'Armen');
    if (!cut.ok) throw new Error(cut.problem.code);
    expect(cut.match).toBe('prefix');
    expect(cut.quotes.length).toBeGreaterThan(0);
    // Every quote holds a word that starts so, and that word is marked.
    for (const q of cut.quotes) {
      expect(q.text).toMatch(/\barmen/i);
      expect(q.matches?.some((m) => /^armen/i.test(q.text.slice(m.start, m.start + m.length)))).toBe(true);
    }
    const whole = await search(corpus, 'Armenia');
    expect(whole.ok && whole.match).toBe('all');
    // Too short to complete: three letters find nothing rather than half the corpus.
    expect(await search(corpus, 'Azr')).toMatchObject({ ok: true, match: 'none' });
  });
});

describe('/sources', () => {
  it('lists every article, newest first, undated last, with passage counts', async () => {
    const s = await sources(corpus);
    expect(s.articles).toHaveLength(4);
    expect(s.articles.at(-1)!.published).toBeNull();
    expect(s.articles.map((a) => a.published).slice(0, 3)).toEqual(['2025-08-06', '2025-07-31', '2025-07-15']);
    expect(s.articles.reduce((n, a) => n + a.passages, 0)).toBe((await corpus.size()).passages);
    expect(s.total).toBe(4);
  });
});

describe('authors', () => {
  it('lists the authors of a byline one by one, and keeps the display string', async () => {
    expect(authorsOf('Callum Fraser and Natia Seskuria')).toEqual(['Callum Fraser', 'Natia Seskuria']);
    expect(authorsOf('A. Writer, B. Reporter and C. Editor')).toEqual(['A. Writer', 'B. Reporter', 'C. Editor']);
    expect(authorsOf('A. Writer, B. Reporter, and C. Editor')).toEqual(['A. Writer', 'B. Reporter', 'C. Editor']);
    expect(authorsOf('Sossi Tatikyan')).toEqual(['Sossi Tatikyan']);
    expect(authorsOf(null)).toEqual([]);
  });
});
