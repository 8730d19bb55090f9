import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';

/** The embedded database: a real PostgreSQL data folder on disk (or in memory for tests). */
export const openPglite = async (dataDir: string | undefined): Promise<Database> => {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
  });
  return {
    kind: 'pglite',
    oneTransactionAtATime: true,
    ...asQueryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(asQueryable(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
};
