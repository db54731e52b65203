// A bench's command-line options, read as node:util parseArgs reads them, with a clear answer to one it does not
// know or one missing its value: the message and the bench's usage, exit code 2, and no stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options in `argv`, or an Error whose message says what is wrong with them and how the bench is used. */
export function readBenchOptions<const T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
}

/** This process's options; on a wrong one, the message and usage on standard error, and exit code 2. */
export function benchOptions<const T extends Options>(options: T, usage: string) {
  try {
    return readBenchOptions(process.argv.slice(2), options, usage);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
}
