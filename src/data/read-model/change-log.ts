import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  Middleware,
} from 'dexie';

/** The table every write to a record table is logged in (schema version 9). */
export const CHANGES_TABLE = 'changes';

/**
 * One write to a record table: the ids it put or deleted, or null when it cleared a range
 * (the table's held rows are then read again). The sequence number orders the log; readers
 * of the read model remember the last one they applied (read-model.ts).
 */
export type ChangeEntry = { seq?: number; table: string; ids: string[] | null };

/**
 * A logged write once its transaction committed, as this connection made it: the rows it
 * put (null when only the ids are known, or the table was cleared) and the ids it deleted.
 */
export type Committed = {
  seq: number;
  table: string;
  rows: readonly object[] | null;
  removed: readonly string[];
};

const rowsOf = (req: DBCoreMutateRequest): Committed['rows'] =>
  (req.type === 'add' || req.type === 'put') && !('updates' in req && req.updates)
    ? req.values
    : req.type === 'delete'
      ? []
      : null;

/** Entries of a transaction still open, told once it commits (never if it aborts). */
const open = new WeakMap<object, Committed[]>();

const onCommit = (trans: object, entry: Committed, committed: (list: Committed[]) => void) => {
  let list = open.get(trans);
  if (!list) {
    open.set(trans, (list = []));
    const done = list;
    (trans as IDBTransaction).addEventListener('complete', () => committed(done));
  }
  list.push(entry);
};

const keysOf = (
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  table: DBCoreTable,
): unknown[] | null => {
  if (req.type === 'deleteRange') return null;
  if (req.type === 'delete') return req.keys;
  if (req.type === 'put' && req.updates) return [...req.updates.keys, ...(req.keys ?? [])];
  if (req.keys) return req.keys;
  const extract = table.schema.primaryKey.extractKey;
  return extract ? req.values.map(extract) : (res.results ?? null);
};

/** A logged table: each write adds its log entry in the same transaction, then is followed. */
const loggedTable = (
  name: string,
  table: DBCoreTable,
  log: DBCoreTable,
  committed: (list: Committed[]) => void,
): DBCoreTable => ({
  ...table,
  mutate: async (req) => {
    const res = await table.mutate(req);
    const keys = keysOf(req, res, table);
    if (keys && keys.length === 0) return res;
    const ids = keys ? keys.map(String) : null;
    const entry: ChangeEntry = { table: name, ids };
    const added = await log.mutate({ type: 'add', trans: req.trans, values: [entry] });
    const seq = Number(added.results?.[0] ?? added.lastResult);
    const removed = req.type === 'delete' ? (ids ?? []) : [];
    onCommit(req.trans, { seq, table: name, rows: rowsOf(req), removed }, committed);
    return res;
  },
});

/**
 * A Dexie middleware that logs, in the same transaction, every write to the `logged` tables,
 * whoever makes it: the one write path the read model follows. A read-write transaction
 * over a logged table is widened to include the log. Once it commits, `committed` is told
 * what this connection wrote, so its read model follows without reading it back.
 */
export const changeLog = (
  logged: ReadonlySet<string>,
  committed: (list: Committed[]) => void,
): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'ChangeLog',
  create: (down) => {
    const hasLog = down.schema.tables.some((t) => t.name === CHANGES_TABLE);
    const log = hasLog ? down.table(CHANGES_TABLE) : null;
    const widened = (stores: string[], mode: string) =>
      log &&
      mode === 'readwrite' &&
      stores.some((s) => logged.has(s)) &&
      !stores.includes(CHANGES_TABLE)
        ? [...stores, CHANGES_TABLE]
        : stores;
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(widened(stores, mode), mode, options),
      table: (name) => {
        const table = down.table(name);
        return log && logged.has(name) ? loggedTable(name, table, log, committed) : table;
      },
    };
  },
});
