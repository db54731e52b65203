// The PostgreSQL server tests may use: TEST_DATABASE_URL, or the local one on
// 127.0.0.1:5432 (database test). Where none answers, the tests that need it
// are skipped with one line saying so, and the suite passes on any machine.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let answer: Promise<boolean> | undefined;

/** Whether the server answers (asked once per test worker). */
export function postgresAnswers(): Promise<boolean> {
  answer ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      console.log(`Postgres tests skipped: no server answers at ${PG_URL} (set TEST_DATABASE_URL to run them).`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return answer;
}

/** Runs `run` on a connection of its own to the test server's database. */
export async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  client.on('error', () => undefined); // a session another test terminates must not stop the run
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const made = { databases: new Set<string>(), schemas: new Set<string>() };

/**
 * Drops every database and schema made so far. Each test file that makes any registers this with
 * afterAll at its top level (a hook registered inside a test body would not run).
 */
export async function dropMadeForTests(): Promise<void> {
  if (!made.databases.size && !made.schemas.size) return;
  await admin(async (c) => {
    for (const d of made.databases) await c.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
    for (const s of made.schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  });
  made.databases.clear();
  made.schemas.clear();
}

/** A database of its own (dropped by dropMadeForTests); its URL. */
export async function freshDatabase(): Promise<string> {
  const name = `briefing_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  made.databases.add(name);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A schema name of its own (created by the store that uses it, dropped by dropMadeForTests). */
export function freshSchema(): string {
  const name = `briefing_test_${randomBytes(6).toString('hex')}`;
  made.schemas.add(name);
  return name;
}
