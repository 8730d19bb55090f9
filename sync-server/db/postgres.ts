import pg from 'pg';
import type { Database, Queryable, Row } from './database';

// bigint (int8) comes back as string by default; our counters fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// Dates stay strings (YYYY-MM-DD) so they never shift by time zone.
pg.types.setTypeParser(1082, (v) => v);

export const openPostgres = async (connectionString: string): Promise<Database> => {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the database (a restart, a failover, an administrator) is
  // discarded by the pool; without this listener the whole server would crash on it. The
  // next query opens a new connection; a request cut mid-way fails and the device retries.
  pool.on('error', (err) => {
    console.warn('database connection lost:', (err as { code?: string }).code ?? err.name);
  });
  // Fail at start, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const query = async <T extends Row>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> => (await client.query<T>(sql, params as unknown[])).rows;
  return {
    kind: 'postgres',
    oneTransactionAtATime: false,
    query: (sql, params) => query(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (sql, params) => query(client, sql, params) };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
};
