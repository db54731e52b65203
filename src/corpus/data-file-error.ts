// One error type for every problem with a file under data/: it names the
// file and the place inside it, so a curator can fix it without a stack trace.
import type { z } from 'zod';

export class DataFileError extends Error {
  readonly file: string;
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'DataFileError';
    this.file = file;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(top level)';
}

/** "data/gazetteer.json: actors[3].kind: Invalid option ..." with up to five problems. */
export function fromZodError(file: string, error: z.ZodError, where = ''): DataFileError {
  const issues = error.issues.slice(0, 5).map((i) => `${where}${formatPath(i.path)}: ${i.message}`);
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
  return new DataFileError(file, issues.join('; ') + more);
}

/** JSON.parse with the file named in the error, and the line and column where V8 reports a position. */
export function parseJsonFile(file: string, text: string, where = ''): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const offset = errorOffset(msg, text);
    let at = '';
    if (offset !== null) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      at = ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
    }
    throw new DataFileError(file, `${where}invalid JSON${at} (${msg})`);
  }
}

/** Where V8's message says parsing failed: "at position N", or the quoted snippet around an unexpected token. */
function errorOffset(msg: string, text: string): number | null {
  const pos = /position (\d+)/.exec(msg);
  if (pos) return Number(pos[1]);
  const tok = /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(msg);
  if (!tok) return null;
  const at = text.indexOf(tok[2]!);
  return at < 0 ? null : at + Math.max(0, tok[2]!.indexOf(tok[1]!));
}
