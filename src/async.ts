// The store and corpus interfaces are asynchronous, so a server database
// (Postgres) can implement them; the embedded SQLite database answers
// synchronously and is wrapped once, here, instead of every method being
// written twice.

/** A method list made asynchronous: each method returns what it returned, as a promise. */
export type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K] };

/** A synchronous implementation as an asynchronous one: each call's result, already settled (a throw becomes a rejection). */
export function settled<T extends object>(sync: T): Async<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sync)) {
    out[key] = typeof value === 'function' ? async (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(...args) : value;
  }
  return out as Async<T>;
}
