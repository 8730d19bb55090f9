/**
 * The one interface the server uses for SQL. Both backends speak PostgreSQL's dialect:
 * PGlite (PostgreSQL compiled to WASM) on a data folder, or a real PostgreSQL server.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Transactions run one at a time (PGlite: one connection behind a lock), so nothing a
   * transaction reads can change under it and locking is needless.
   */
  readonly oneTransactionAtATime: boolean;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
