import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../../sync-server/db/database';
import { migrate } from '../../../sync-server/db/migrate';
import { openPglite } from '../../../sync-server/db/pglite';
import { openPostgres } from '../../../sync-server/db/postgres';

export type Backend = {
  name: string;
  open: () => Promise<{
    db: Database;
    drop: () => Promise<void>;
    /**
     * Another server's connection to the same database (its own pool on PostgreSQL). PGlite
     * is one process's embedded database, so its "other server" is the same one.
     */
    another: () => Promise<Database>;
  }>;
};

/** An admin URL for a PostgreSQL server where tests may create throw-away databases. */
const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/**
 * Every server test runs against each backend: always the embedded PGlite, and PostgreSQL
 * when TEST_DATABASE_URL or DATABASE_URL is set (.ci/run starts one). Each test file gets
 * a database of its own.
 */
export const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    open: async () => {
      const db = await openPglite(undefined);
      await migrate(db);
      return { db, drop: () => db.close(), another: () => Promise.resolve(db) };
    },
  },
  ...(postgresAdminUrl
    ? [
        {
          name: 'postgres',
          open: async () => {
            const name = `teren_test_${randomBytes(6).toString('hex')}`;
            const admin = new pg.Client({ connectionString: postgresAdminUrl });
            await admin.connect();
            await admin.query(`CREATE DATABASE ${name}`);
            await admin.end();
            const url = new URL(postgresAdminUrl);
            url.pathname = `/${name}`;
            const db = await openPostgres(url.toString());
            await migrate(db);
            const others: Database[] = [];
            return {
              db,
              another: async () => {
                const other = await openPostgres(url.toString());
                others.push(other);
                return other;
              },
              drop: async () => {
                for (const other of others) await other.close();
                await db.close();
                const a = new pg.Client({ connectionString: postgresAdminUrl });
                await a.connect();
                await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                await a.end();
              },
            };
          },
        },
      ]
    : []),
];
