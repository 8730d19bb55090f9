import { RECORD_TABLES, type TerenDb } from './db';

/** Households with a change still waiting in the outbox (sent or refused): kept. */
const householdsWithPendingChanges = async (db: TerenDb): Promise<Set<string>> => {
  const ids = new Set<string>();
  await db.outbox.each((e) => {
    const r = e.record as { id?: string; householdId?: string };
    const id = e.recordType === 'household' ? r.id : r.householdId;
    if (id) ids.add(id);
  });
  return ids;
};

/**
 * Brings the device in line with the scope the server computed: households the user no
 * longer may hold are removed with all their records (security.md item 3), unless a change
 * of theirs is still waiting to be sent. Returns the households the device lacks.
 */
export const reconcileScope = async (
  db: TerenDb,
  scope: readonly string[],
): Promise<{ removed: string[]; missing: string[] }> => {
  const allowed = new Set(scope);
  const tables = Object.values(RECORD_TABLES).map((name) => db.table(name));
  return db.transaction('rw', [...tables, db.outbox, db.drafts], async () => {
    const pending = await householdsWithPendingChanges(db);
    const local = (await db.households.toCollection().primaryKeys()) as string[];
    const removed = local.filter((id) => !allowed.has(id) && !pending.has(id));
    if (removed.length) {
      await db.households.bulkDelete(removed);
      for (const name of ['people', 'enrolments', 'contacts', 'plans'] as const) {
        await db.table(name).where('householdId').anyOf(removed).delete();
      }
      // Drafts may hold typed client data of those households too.
      await db.drafts.filter((d) => removed.some((id) => d.key.includes(id))).delete();
    }
    const have = new Set(local);
    return { removed, missing: scope.filter((id) => !have.has(id)) };
  });
};
