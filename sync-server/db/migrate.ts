import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

/**
 * The migrations: beside this file's folder in the source (`sync-server/db/` ->
 * `sync-server/migrations/`), or from the built server (`dist-server/main.js`).
 */
const MIGRATIONS_DIR = [
  new URL('../migrations/', import.meta.url),
  new URL('../sync-server/migrations/', import.meta.url),
]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(join(dir, '001_initial.sql'))) as string;

/**
 * Applies every migrations/NNN_*.sql not yet recorded, in name order, all in one
 * transaction: a start that fails leaves the database as it was. Several server instances
 * may start at once against one PostgreSQL: an advisory lock makes them take turns.
 */
export const migrate = async (db: Database): Promise<string[]> => {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7254001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
};

/**
 * Splits a migration into statements on ";" outside comments, quotes and dollar-quoted
 * bodies (so a trigger function's body stays whole).
 */
export const splitStatements = (sql: string): string[] => {
  const out: string[] = [];
  let current = '';
  let i = 0;
  let dollar: string | null = null;
  let quote = false;
  while (i < sql.length) {
    const rest = sql.slice(i);
    if (dollar) {
      if (rest.startsWith(dollar)) {
        current += dollar;
        i += dollar.length;
        dollar = null;
      } else current += sql[i++];
      continue;
    }
    if (quote) {
      current += sql[i];
      if (sql[i++] === "'") quote = false;
      continue;
    }
    if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      i += end === -1 ? rest.length : end;
      continue;
    }
    const tag = /^\$[A-Za-z_]*\$/.exec(rest);
    if (tag) {
      dollar = tag[0];
      current += dollar;
      i += dollar.length;
      continue;
    }
    if (sql[i] === "'") quote = true;
    if (sql[i] === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += sql[i++];
  }
  if (current.trim()) out.push(current.trim());
  return out;
};
