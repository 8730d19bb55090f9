import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type DatabaseConfig = { databaseUrl?: string | undefined; dataDir?: string | undefined };

/** DATABASE_URL selects PostgreSQL; otherwise the embedded database in DATA_DIR. */
export const openDatabase = ({ databaseUrl, dataDir }: DatabaseConfig): Promise<Database> =>
  databaseUrl ? openPostgres(databaseUrl) : openPglite(dataDir);
