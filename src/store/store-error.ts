// Why the state database cannot be used, for either store.
import { describeProblem, type Problem } from '../briefing/problems.js';

/**
 * The state database cannot be used. Thrown where the composition root opens the store (nothing can run
 * without it), carrying the same coded Problem as every other user-facing failure.
 */
export class StoreError extends Error {
  readonly problem: Problem;
  constructor(detail: string) {
    const problem: Problem = { code: 'store-unavailable', detail };
    super(describeProblem(problem));
    this.problem = problem;
  }
}
