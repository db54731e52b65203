// A connection taken from a pg pool for a while (a transaction, a publish). The pool listens for
// errors only on idle connections: one that the server drops while it is checked out (a restart,
// pg_terminate_backend) would emit an 'error' nobody hears, and Node would stop the process. Here
// the error is heard (the query under way fails with it anyway), and the broken connection is
// thrown away instead of going back to the pool.
import type pg from 'pg';

export async function withCheckedOut<T>(pool: pg.Pool, run: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const heard = () => {
    broken = true;
  };
  client.on('error', heard);
  try {
    return await run(client);
  } finally {
    client.removeListener('error', heard);
    client.release(broken);
  }
}
