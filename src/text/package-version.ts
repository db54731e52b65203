// The version in package.json, for `briefing --version` and the User-Agent the fetcher sends.
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      // the other layout (src/ under the test runner, dist/src once built)
    }
  }
  return 'unknown';
}
