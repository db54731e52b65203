// Timeline answers built directly, for chart tests and the chart benchmark:
// many events across years, months and days, several actors, some approximate.
import type { ArticleRef, EventDate, NamedRef, Quote, TimelineAnswer, TimelineEvent } from '../../src/briefing/answer-types.js';

export const ARTICLE: ArticleRef = {
  id: 'a1b2c3d4',
  title: 'T',
  outlet: 'O',
  author: null,
  authors: [],
  published: null,
  published_approximate: false,
  published_at: null,
  url: null,
};

export const quote = (n: number, text = `Quote number ${n} says something about the talks in the region.`): Quote => ({
  id: `a1b2c3d4.${n.toString(16).padStart(6, '0')}`,
  text,
  kind: 'body',
  article: ARTICLE,
  speech: null,
});

export const ref = (id: string, name = id[0]!.toUpperCase() + id.slice(1)): NamedRef => ({ id, name });

export function event(
  n: number,
  date: Partial<EventDate> & { start: string },
  actors: NamedRef[],
  corridors: NamedRef[] = [],
): TimelineEvent {
  const precision = date.start.length === 4 ? 'year' : date.start.length === 7 ? 'month' : 'day';
  const d: EventDate = { end: null, precision, approximate: false, ...date };
  return { date: d, phrase: d.start, quote: quote(n), actors, corridors, article: ARTICLE };
}

export function timelineAnswer(events: TimelineEvent[], filters: Partial<TimelineAnswer['filters']> = {}): TimelineAnswer {
  return {
    ok: true,
    command: 'timeline',
    filters: { actor: null, corridor: null, from: null, to: null, ...filters },
    events,
    total: events.length,
    offset: 0,
  };
}

export function denseTimeline(count: number): TimelineAnswer {
  const actors = ['iran', 'armenia', 'azerbaijan', 'russia', 'turkey', 'georgia', 'ukraine', 'israel'].map((a) => ref(a));
  return timelineAnswer(
    Array.from({ length: count }, (_, i) => {
      const y = 2000 + (i % 26);
      const m = String((i % 12) + 1).padStart(2, '0');
      const start = i % 3 === 0 ? String(y) : i % 3 === 1 ? `${y}-${m}` : `${y}-${m}-${String((i % 28) + 1).padStart(2, '0')}`;
      return event(i + 1, { start, approximate: i % 5 === 0 }, [actors[i % actors.length]!, actors[(i * 3) % actors.length]!]);
    }),
  );
}
