import { RECORD_TABLES, type TerenDb } from './db';
import { readMeta, writeMeta } from './meta';
import { householdNoticeKeys } from './sync-notices';

/** Households whose every record this device holds: the scope it last caught up with. */
const SCOPE_KEY = 'sync.scope';

/** Households with a change still waiting in the outbox (sent or refused): kept. */
const householdsWithPendingChanges = async (db: TerenDb): Promise<Set<string>> => {
  const ids = new Set<string>();
  await db.outbox.each((e) => {
    const r = e.record as { id?: string; householdId?: string };
    const id = e.householdId ?? (e.recordType === 'household' ? r.id : r.householdId);
    if (id) ids.add(id);
  });
  return ids;
};

/**
 * Every household the device holds anything of: a household row, records of one whose row
 * it could not read (kept in `unread`), or unread records themselves.
 */
const heldHouseholds = async (db: TerenDb): Promise<string[]> => {
  const ids = new Set((await db.households.toCollection().primaryKeys()) as string[]);
  for (const name of Object.values(RECORD_TABLES)) {
    if (name === 'households') continue;
    for (const id of await db.table(name).orderBy('householdId').uniqueKeys()) ids.add(String(id));
  }
  for (const id of await db.unread.orderBy('householdId').uniqueKeys()) ids.add(String(id));
  return [...ids];
};

/**
 * Brings the device in line with the scope the server computed: households the user no
 * longer may hold are removed with all their records (docs/security.md item 3), unless a change
 * of theirs is still waiting to be sent. Returns the households that entered the scope
 * since the device last caught up: their older records are behind its cursor, so holding
 * the household row (which a later change may have brought) does not mean holding them all.
 */
export const reconcileScope = async (
  db: TerenDb,
  scope: readonly string[],
): Promise<{ removed: string[]; missing: string[] }> => {
  const allowed = new Set(scope);
  const tables = Object.values(RECORD_TABLES).map((name) => db.table(name));
  const others = [db.outbox, db.drafts, db.meta, db.snapshots, db.unread];
  return db.transaction('rw', [...tables, ...others], async () => {
    const pending = await householdsWithPendingChanges(db);
    const local = await heldHouseholds(db);
    const removed = local.filter((id) => !allowed.has(id) && !pending.has(id));
    if (removed.length) {
      await db.households.bulkDelete(removed);
      // Every record table: a table added later (plan reviews were) is never forgotten here.
      for (const name of Object.values(RECORD_TABLES)) {
        if (name !== 'households')
          await db.table(name).where('householdId').anyOf(removed).delete();
      }
      await db.unread.where('householdId').anyOf(removed).delete();
      // The read model's copies hold facts of those households (dates, ids): written anew.
      await db.snapshots.clear();
      // Drafts may hold typed client data of those households too, and so may notices.
      await db.drafts.filter((d) => removed.some((id) => d.key.includes(id))).delete();
      const notices = householdNoticeKeys(removed);
      await db.meta.filter((m) => notices.some((k) => m.key.startsWith(k))).delete();
    }
    // Before the first reconciliation, the device holds what its full first pull brought.
    const known = new Set((await readMeta<string[]>(db, SCOPE_KEY)) ?? local);
    return { removed, missing: scope.filter((id) => !known.has(id)) };
  });
};

/** The households the device last caught up with (none before its first full pull). */
export const loadedScope = (db: TerenDb): Promise<string[] | undefined> =>
  readMeta<string[]>(db, SCOPE_KEY);

/** Records that the device now holds every record of these households. */
export const markScopeLoaded = (db: TerenDb, scope: readonly string[]) =>
  writeMeta(db, SCOPE_KEY, scope);
