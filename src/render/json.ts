// The JSON form of an answer: the full answer, no paging. A problem becomes
// { ok: false, error: { code, message } } with its details.
import type { Answer } from '../briefing/answer-types.js';
import { describeProblem } from '../briefing/problems.js';

export function toJson(answer: Answer): unknown {
  if (answer.ok) return answer;
  const { code, ...details } = answer.problem;
  return { ok: false, command: answer.command, error: { code, message: describeProblem(answer.problem), ...details } };
}
