// Whether the state database answers. A database that stops answering (a
// Postgres restart, a network blip, a locked or unreadable SQLite file) is one
// event, not one error per call: the watched store logs one line when it stops
// and one when it is back, turns each failing call into a StoreUnavailableError
// that callers can recognise (and stay quiet about), and tells listeners when
// it answers again, so work that could not be recorded meanwhile (a digest
// fire) is caught up then.
import type { Logger } from '../logger.js';
import { StoreError } from './store-error.js';

export class StoreUnavailableError extends StoreError {}

/** Node's and pg's codes for a server that cannot be reached or went away, and SQLite's for a file it cannot use now. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up)
  '53300', // too many connections
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
]);

const CONNECTION_LOST = new RegExp(
  [
    'connection terminated',
    'connection (?:was )?closed',
    'timeout exceeded when trying to connect',
    'client has encountered a connection error',
    'is not currently accepting connections',
    'the database system is (?:starting up|shutting down|in recovery mode)',
  ].join('|'),
  'i',
);

/** Whether an error means "the database does not answer now" rather than "this request is wrong". */
export function isUnavailable(e: unknown): boolean {
  if (e instanceof StoreUnavailableError) return true;
  if (!(e instanceof Error)) return false;
  const code = String((e as { code?: unknown }).code ?? '');
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('SQLITE_IOERR')) return true;
  if (CONNECTION_LOST.test(e.message)) return true;
  const errors = (e as { errors?: unknown }).errors; // AggregateError: every address refused
  return Array.isArray(errors) && errors.length > 0 && errors.every(isUnavailable);
}

export interface StoreHealth {
  /** False from the first call that found the database gone until one succeeds again. */
  available(): boolean;
  /** Called each time the database answers again after an outage. */
  onRecover(listener: () => void): void;
}

const reason = (e: unknown) => (e instanceof Error ? e.message || String((e as { code?: string }).code ?? e.name) : String(e));

/** The store with every method watched: see the top of this file. `close` is passed through as it is. */
export function watchStore<S extends object>(store: S, log: Logger, what = 'the database'): S & StoreHealth {
  let downSince: number | null = null;
  const listeners: (() => void)[] = [];
  const recovered = () => {
    if (downSince === null) return;
    log.info(`${what} answers again after ${Math.round((Date.now() - downSince) / 1000)} s`);
    downSince = null;
    for (const l of listeners) {
      try {
        l();
      } catch (e) {
        log.error(`after ${what} came back: ${reason(e)}`);
      }
    }
  };
  const failed = (e: unknown): never => {
    if (!isUnavailable(e)) throw e;
    if (downSince === null) {
      downSince = Date.now();
      log.error(`${what} stopped answering (${reason(e)}); work due meanwhile is caught up when it answers again`);
    }
    throw e instanceof StoreUnavailableError ? e : new StoreUnavailableError(`${what} does not answer: ${reason(e)}`);
  };
  const health: StoreHealth = { available: () => downSince === null, onRecover: (l) => void listeners.push(l) };
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'available' || key === 'onRecover') return health[key];
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      return async (...args: unknown[]) => {
        let out: unknown;
        try {
          out = await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (e) {
          return failed(e);
        }
        recovered();
        return out;
      };
    },
  }) as S & StoreHealth;
}
