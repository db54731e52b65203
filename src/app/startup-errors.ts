// What went wrong at start, in one line a person can act on, instead of
// "Unexpected error" and a stack trace. Anything not recognised here is still
// reported with its stack: that is a bug to fix, not a setting.
import { describeProblem } from '../briefing/problems.js';
import { DataFileError } from '../corpus/data-file-error.js';
import { LoginTimeoutError } from '../discord/login-timeout-error.js';
import { StoreError } from '../store/store-error.js';
import { FolderTakenError } from './replica-corpus.js';

const causeCode = (e: unknown): string | undefined => {
  let at: unknown = e;
  for (let depth = 0; at && depth < 5; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') return String(code);
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
};

export function describeStartupError(e: unknown, where: { apiUrl: string; dataDir: string }): string | null {
  if (e instanceof StoreError) return describeProblem(e.problem);
  if (e instanceof LoginTimeoutError) return e.message;
  if (e instanceof FolderTakenError) return e.message;
  if (e instanceof DataFileError) return `${e.message} (DATA_DIR is ${where.dataDir})`;
  const code = causeCode(e);
  const host = URL.canParse(where.apiUrl) ? new URL(where.apiUrl).host : where.apiUrl;
  switch (code) {
    case 'TokenInvalid':
    case '401':
      return 'Discord rejected DISCORD_TOKEN (401): reset the token in the Developer Portal (your app > Bot) and set it again.';
    case 'ECONNREFUSED':
      return (
        `Cannot reach Discord's API at ${where.apiUrl}: the connection was refused. Check DISCORD_API_URL, or that the REST proxy ` +
        `runs.`
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach Discord's API: the host ${host} could not be resolved (DNS). Check DISCORD_API_URL and this machine's network.`;
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `Cannot reach Discord's API at ${where.apiUrl} (${code}). Check DISCORD_API_URL and this machine's network.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return (
        `Cannot write under ${where.dataDir} (${code}): ${e instanceof Error ? e.message : String(e)}. The bot needs to write ` +
        `DATA_DIR/build.`
      );
    default:
      return null;
  }
}
