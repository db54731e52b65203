// Log lines with a level, written to stderr. Secrets handed in (the token) are
// replaced wherever they would appear, so no error message can leak one.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, extra?: Record<string, unknown>): void;
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function makeLogger(level: LogLevel, write: (line: string) => void, secrets: (string | undefined)[] = []): Logger {
  const hide = secrets.filter((s): s is string => Boolean(s && s.length >= 8));
  const redact = (text: string) => hide.reduce((t, s) => t.split(s).join('[redacted]'), text);
  const at = (l: LogLevel) => (msg: string, extra?: Record<string, unknown>) => {
    if (ORDER[l] < ORDER[level]) return;
    const tail = extra && Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : '';
    write(redact(`${new Date().toISOString()} ${l.toUpperCase()} ${msg}${tail}`));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
