// The command line a user's options stand for ("/timeline actor:Iran from:2020"),
// shown in footers and carried by paging buttons. It parses back with the
// same parser the console and `briefing ask` use.
import type { OptionValue } from '../../command.js';

export function commandLine(name: string, options: Readonly<Record<string, OptionValue | undefined>>): string {
  const parts = Object.entries(options)
    .filter(([k, v]) => v !== undefined && k !== 'private')
    // Newlines would end the line; user text is cleaned by the core anyway.
    .map(([k, v]) => `${k}:${String(v).replace(/\s+/g, ' ').trim()}`);
  return [`/${name}`, ...parts].join(' ');
}
