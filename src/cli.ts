#!/usr/bin/env node
// Entry point of the `briefing` command.
import { runCli } from './cli/run-cli.js';

try {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    isTty: Boolean(process.stdout.isTTY),
  });
} catch (e) {
  process.stderr.write(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
