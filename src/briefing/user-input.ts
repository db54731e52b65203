// What users type, made safe to work with: invisible and control characters
// removed, whitespace collapsed, length bounded. Checks return problems.
import { cleanInput } from '../text/normalize.js';
import type { Problem } from './problems.js';

export const MAX_NAME_LENGTH = 100;
export const MAX_QUERY_LENGTH = 300;

export function readOption(option: string, raw: string, max: number): { value: string } | { problem: Problem } {
  const value = cleanInput(raw);
  if (!value) return { problem: { code: 'empty-input', option } };
  if (value.length > max) return { problem: { code: 'input-too-long', option, length: value.length, max } };
  return { value };
}
