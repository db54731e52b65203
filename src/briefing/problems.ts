// A user's mistake is an answer, not an exception. Each problem has a code;
// one table turns codes into the words a user reads.
import { distance } from 'fastest-levenshtein';
import { clip } from '../text/clip.js';

export interface Suggestion {
  name: string;
  type: 'actor' | 'corridor';
}

export type Problem =
  | { code: 'empty-input'; option: string }
  | { code: 'input-too-long'; option: string; length: number; max: number }
  | { code: 'no-search-terms'; query: string }
  | { code: 'unknown-actor'; name: string; suggestions: Suggestion[] }
  | { code: 'unknown-corridor'; name: string; suggestions: Suggestion[] }
  | { code: 'bad-date'; option: string; value: string }
  | { code: 'reversed-range'; from: string; to: string }
  | { code: 'said-needs-actor' }
  | { code: 'unknown-quote'; id: string }
  | { code: 'nothing-on-topic'; topic: string; suggestions: Suggestion[] }
  // Digest subscriptions (/digest): schedules, time zones, topics, ids.
  | { code: 'bad-schedule'; schedule: string; why: 'empty' | 'not-a-schedule' | 'never-fires' }
  | { code: 'schedule-too-long'; length: number; max: number }
  | { code: 'bad-cron'; schedule: string; detail: string }
  | { code: 'bad-time-of-day'; time: string }
  | { code: 'weekly-needs-day' }
  | { code: 'day-not-allowed'; kind: string; instead: string }
  | { code: 'schedule-too-frequent'; schedule: string; every: string; atMost: string }
  | { code: 'bad-time-zone'; value: string; close: string[] }
  | { code: 'too-many-topics'; count: number; max: number }
  | { code: 'unknown-topic'; name: string; suggestions: Suggestion[] }
  | { code: 'too-many-subscriptions'; max: number }
  | { code: 'unknown-subscription'; id: string }
  | { code: 'subscription-paused'; id: string; reason: string | null }
  // Settings: every problem at once, naming the setting and the rule, never the value.
  | { code: 'invalid-config'; issues: string[] }
  // A command line typed in the console or given to `briefing ask` ("/actor name:Iran").
  | { code: 'unknown-command'; name: string; known: string[]; closest?: string | undefined }
  | { code: 'discord-only-command'; name: string; known: string[]; cli?: string }
  | { code: 'unknown-option'; command: string; option: string; usage: string }
  | { code: 'unexpected-text'; text: string; usage: string }
  | { code: 'missing-option'; command: string; option: string; usage: string }
  | { code: 'bad-option-value'; option: string; value: string; expected: 'number' | 'boolean'; usage: string }
  // A watch rule (what a team watches): what is wrong with it and where, from 0.
  | { code: 'bad-rule'; rule: string; message: string; at: number }
  | { code: 'bad-since'; value: string }
  | { code: 'bad-cap'; value: string; max: number }
  | { code: 'too-many-watches'; max: number }
  | { code: 'unknown-watch'; id: string }
  // The state database (DATABASE_URL) cannot be used; detail says why and how to fix it.
  | { code: 'store-unavailable'; detail: string };

/**
 * An error that carries words for the user (a damaged corpus being rebuilt): shown in place of the generic apology,
 * and logged without alarm, since the product is already mending it.
 */
export function shownToUser(e: unknown): string | null {
  const shown = (e as { shown?: unknown } | null)?.shown;
  return typeof shown === 'string' ? shown : null;
}

/** Either what was asked for, or the problem that stopped it. */
export type Result<T> = ({ ok: true } & T) | { ok: false; problem: Problem };

const SCHEDULE_EXAMPLES =
  'Use a preset such as `daily 08:00`, `weekdays 09:00` or `weekly mon 09:00`, or a cron expression such as `0 8 * * 1-5`.';

function suggest(list: Suggestion[]): string {
  if (list.length === 0) return '';
  const parts = list.map((s) => `${s.name}${s.type === 'corridor' ? ' (use /corridor)' : ''}`);
  return ` Did you mean: ${parts.join(', ')}?`;
}

/** What a user typed, shown back in a message: long pastes are cut. */
const shownBack = (text: string) => clip(text, 60);

export function describeProblem(p: Problem): string {
  switch (p.code) {
    case 'empty-input':
      return `The ${p.option} option is empty. Type a name or some words to look for.`;
    case 'input-too-long':
      return `The ${p.option} option is ${p.length} characters long; the limit is ${p.max}. Shorten it to the words that matter.`;
    case 'no-search-terms':
      return (
        `"${shownBack(p.query)}" has no words to search for (only punctuation, symbols or very common words). Try names or ` +
        `phrases, e.g. nuclear deal.`
      );
    case 'unknown-actor':
      return `No actor called "${shownBack(p.name)}" in the gazetteer, and no article mentions it.${suggest(p.suggestions)}`;
    case 'unknown-corridor':
      return `No corridor called "${shownBack(p.name)}" in the gazetteer, and no article mentions it.${suggest(p.suggestions)}`;
    case 'bad-date':
      return (
        `${p.option} "${shownBack(p.value)}" is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, e.g. ${p.option}:2020 or ` +
        `${p.option}:2024-07.`
      );
    case 'unknown-quote':
      return `No quote has the id "${shownBack(p.id)}". Ids look like 97dcd70d.f53feb and are shown under every quote.`;
    case 'nothing-on-topic':
      return `Nothing in the corpus on "${shownBack(p.topic)}".${suggest(p.suggestions)}`;
    case 'reversed-range':
      return `from ${p.from} is after to ${p.to}. Swap them, or leave one out for an open range.`;
    case 'said-needs-actor':
      return "said:true lists one actor's own statements: name the actor too, e.g. /timeline actor:Iran said:true.";
    case 'bad-schedule':
      return p.why === 'empty'
        ? `The schedule is empty. ${SCHEDULE_EXAMPLES}`
        : p.why === 'never-fires'
          ? `\`${p.schedule}\` never fires. ${SCHEDULE_EXAMPLES}`
          : `\`${p.schedule.slice(0, 60)}\` is neither a preset nor a cron expression of 5 or 6 fields. ${SCHEDULE_EXAMPLES}`;
    case 'schedule-too-long':
      return `The schedule is ${p.length} characters long; the limit is ${p.max}. ${SCHEDULE_EXAMPLES}`;
    case 'bad-cron':
      return `\`${p.schedule.slice(0, 60)}\` is not a valid cron expression (${p.detail}). ${SCHEDULE_EXAMPLES}`;
    case 'bad-time-of-day':
      return `${p.time} is not a time of day; use 00:00 to 23:59.`;
    case 'weekly-needs-day':
      return 'A weekly schedule needs a day, e.g. `weekly mon 09:00`.';
    case 'day-not-allowed':
      return `\`${p.kind}\` takes no day; use \`${p.instead}\`.`;
    case 'schedule-too-frequent':
      return `\`${p.schedule}\` would post every ${p.every}; digests may come at most every ${p.atMost}, so a channel is not flooded.`;
    case 'bad-time-zone':
      return (
        `\`${p.value.slice(0, 60)}\` is not an IANA time zone. Use a name like Europe/Berlin, Asia/Baku or ` +
        `UTC${p.close.length ? ` (did you mean ${p.close.join(', ')}?)` : ''}.`
      );
    case 'too-many-topics':
      return `${p.count} topics given; a digest takes at most ${p.max}. Leave topics out to follow whatever the new articles are about.`;
    case 'unknown-topic': {
      const hint = p.suggestions.length ? ` Did you mean: ${p.suggestions.map((s) => s.name).join(', ')}?` : '';
      return `"${p.name.slice(0, 60)}" is not an actor or corridor in the gazetteer.${hint} Separate several topics with commas.`;
    }
    case 'too-many-subscriptions':
      return `This server already has ${p.max} digest subscriptions, the most it may hold. Remove one with /digest unsubscribe.`;
    case 'unknown-subscription':
      return `No digest subscription \`${p.id.slice(0, 20) || '(empty)'}\` in this server. /digest list shows the ids.`;
    case 'invalid-config':
      return `Invalid configuration:\n${p.issues.map((i) => `  - ${i}`).join('\n')}\nSee .env.example.`;
    case 'unknown-command': {
      const known = p.known.map((n) => `/${n}`).join(', ');
      if (!p.name) return `No command given. Commands: ${known}.`;
      return `Unknown command "/${shownBack(p.name)}".${p.closest ? ` Did you mean /${p.closest}?` : ''} Commands: ${known}.`;
    }
    case 'discord-only-command':
      return (
        `/${p.name} changes what a Discord server has set up, so it runs only in Discord` +
        `${p.cli ? ` (in the terminal: ${p.cli})` : ''}. Commands here: ${p.known.map((n) => `/${n}`).join(', ')}.`
      );
    case 'unknown-option':
      return `/${p.command} has no option "${p.option}". Usage: ${p.usage}`;
    case 'unexpected-text':
      return `Unexpected text "${p.text}". Usage: ${p.usage}`;
    case 'missing-option':
      return `/${p.command} needs ${p.option}. Usage: ${p.usage}`;
    case 'bad-option-value':
      return `${p.option} must be ${p.expected === 'number' ? 'a number' : 'true or false'}, not "${p.value}". Usage: ${p.usage}`;
    case 'store-unavailable':
      return p.detail;
    case 'bad-rule': {
      // The rule with a caret under the place, when it is short enough to show whole.
      const at = Math.min(p.at, p.rule.length);
      const shown = p.rule.length <= 120 ? `\n  ${p.rule}\n  ${' '.repeat(at)}^` : '';
      return (
        `The rule does not read: ${p.message} (at character ${at + 1}).${shown}\n` +
        'Write terms, "phrases", actor:Name, corridor:"Name" and outlet:"Name", joined by OR, excluded with - or NOT, ' +
        'grouped with brackets, e.g. actor:Iran corridor:"Middle Corridor" -football.'
      );
    }
    case 'bad-cap':
      return `The hourly cap must be a whole number from 1 to ${p.max}, not "${shownBack(p.value)}".`;
    case 'too-many-watches':
      return `This server already has ${p.max} watches, the most it may keep. Remove one first.`;
    case 'unknown-watch':
      return `No watch \`${p.id.slice(0, 20) || '(empty)'}\` here. The list of watches shows the ids.`;
    case 'bad-since':
      return `since "${shownBack(p.value)}" is not a period. Use a number of days (7d, 30d), a day (2025-03-01) or all.`;
    case 'subscription-paused':
      return `Subscription \`${p.id}\` is paused (${p.reason ?? 'no reason given'}). Fix that, then /digest resume id:${p.id}.`;
  }
}

/** The known name nearest to a mistyped one ("acter" -> "actor"), if one is near enough to be meant. */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(t, name);
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}
