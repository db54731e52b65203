// Logging through pino: JSON lines for a process manager or a log shipper,
// and the same records as readable lines on a terminal. Secrets handed in
// (the token) are replaced wherever they would appear, in the message or any
// field, so no error message can leak one. child() gives an interaction or a
// digest fire a logger that stamps its id on every line.
import { type Logger as PinoLogger, pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, extra?: Record<string, unknown>): void;
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
  /** A logger whose every line also carries these fields. */
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** JSON lines (for machines) instead of readable lines (for people at a terminal). */
  json?: boolean;
}

/** A pino record as a person reads it: "2026-11-25T12:00:00.000Z INFO message {fields}". */
function readable(line: string): string {
  const { time, level, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
  const tail = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  return `${String(time)} ${String(level).toUpperCase()} ${String(msg ?? '')}${tail}`;
}

function wrap(p: PinoLogger): Logger {
  return {
    debug: (msg, extra) => p.debug(extra ?? {}, msg),
    info: (msg, extra) => p.info(extra ?? {}, msg),
    warn: (msg, extra) => p.warn(extra ?? {}, msg),
    error: (msg, extra) => p.error(extra ?? {}, msg),
    child: (bindings) => wrap(p.child(bindings)),
  };
}

export function makeLogger(
  level: LogLevel,
  write: (line: string) => void,
  secrets: (string | undefined)[] = [],
  opts: LoggerOptions = {},
): Logger {
  const hide = secrets.filter((s): s is string => Boolean(s && s.length >= 8));
  const redact = (text: string) => hide.reduce((t, s) => t.split(s).join('[redacted]'), text);
  const destination = {
    write(line: string) {
      const clean = redact(line.trimEnd());
      write(opts.json ? clean : readable(clean));
    },
  };
  const base = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Fields named like a secret are censored before they are even serialised.
      redact: { paths: ['token', 'DISCORD_TOKEN', '*.token', '*.DISCORD_TOKEN', 'headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
  return wrap(base);
}
