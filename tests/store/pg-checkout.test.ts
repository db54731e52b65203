// A connection the server drops while it is checked out (a restart, pg_terminate_backend) fails the work
// under way and is thrown away; it never becomes an 'error' event nobody hears, which would stop the process.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withCheckedOut } from '../../src/store/pg-checkout.js';
import { admin, PG_URL, postgresAnswers } from '../helpers/test-postgres.js';

const havePostgres = await postgresAnswers();

describe.skipIf(!havePostgres)('a checked-out Postgres connection', () => {
  const pool = new pg.Pool({ connectionString: PG_URL, max: 1 });
  pool.on('error', () => undefined);
  afterAll(() => pool.end());

  it('fails the work under way when the server drops it, and the pool gives a fresh one next', async () => {
    const unheard: unknown[] = [];
    const listen = (e: unknown) => unheard.push(e);
    process.on('uncaughtException', listen);
    try {
      const work = withCheckedOut(pool, async (c) => {
        const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        const sleeping = c.query('SELECT pg_sleep(10)');
        sleeping.catch(() => undefined); // awaited below, after the drop
        await admin((a) => a.query('SELECT pg_terminate_backend($1)', [pid]));
        return sleeping;
      });
      await expect(work).rejects.toThrow(/terminat/);
      await new Promise((r) => setTimeout(r, 100));
      expect(unheard).toEqual([]);
      const again = await withCheckedOut(pool, (c) => c.query<{ one: number }>('SELECT 1 AS one'));
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      process.removeListener('uncaughtException', listen);
    }
  });
});
