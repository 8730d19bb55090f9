import {
  APPEND_ONLY_TYPES,
  deepEqual,
  householdIdOf,
  RECORD_SCHEMAS,
  type AnyRecord,
  type Hlc,
  type Plan,
  type RecordType,
} from '../../src/core';
import type { Database, Queryable } from '../db/database';
import { HttpProblem } from '../http/problem';
import { mergeConcurrentPlan } from '../sync/plan-merge';
import { checkReferences, storedLookup } from '../sync/push-checks';
import { laterThan } from '../sync/server-clock';
import { findRecord, lockKeys, storeRecords, type StoredRecord } from '../sync/store-records';
import { logResolve, type Supervisor } from './decisions';

type HeldEdit = { type: RecordType; record: AnyRecord & Record<string, unknown> };

const conflict = () => new HttpProblem(409, 'conflict');

/**
 * Whether the held edit may be applied by this supervisor now; the stored record, if any.
 * Applying runs the push's checks too: a held or handed-over record is what a device sent,
 * and nothing in it is trusted (one moved a colleague's record).
 */
const checkApplicable = async (
  tx: Queryable,
  session: Supervisor,
  { type, record }: HeldEdit,
): Promise<StoredRecord | undefined> => {
  const householdId = householdIdOf(type, record);
  const stored = await findRecord(tx, record.id);
  const household = await findRecord(tx, householdId);
  // The case may have moved to another team since: not this supervisor's to change.
  if ((stored && stored.team_id !== session.teamId) || household?.team_id !== session.teamId)
    throw conflict();
  if (stored && (stored.type !== type || stored.household_id !== householdId)) throw conflict();
  if (type === 'household' && record.teamId !== session.teamId) throw conflict();
  const lookup = storedLookup(tx, session.teamId);
  if (await checkReferences(lookup, session.user, type, record, householdId)) throw conflict();
  return stored;
};

/** Applies the held edit over what is stored, its fields' clocks moved on. */
const applyHeldEdit = async (
  tx: Queryable,
  teamId: string,
  { type, record }: HeldEdit,
  stored: StoredRecord | undefined,
) => {
  if (stored && APPEND_ONLY_TYPES.has(type)) {
    if (!deepEqual(stored.data, record)) throw conflict();
    return;
  }
  const now = new Date().toISOString();
  const merged = RECORD_SCHEMAS[type].safeParse(
    stored ? { ...stored.data, ...record, updatedAt: now } : record,
  );
  if (!merged.success) throw conflict();
  const clock: Record<string, Hlc> = { ...(stored?.field_clock ?? {}) };
  for (const k of Object.keys(record)) clock[k] = laterThan(clock[k]);
  await storeRecords(tx, teamId, [{ type, record: merged.data as AnyRecord, fieldClock: clock }]);
  if (type === 'plan' && !stored) await mergeConcurrentPlan(tx, teamId, merged.data as Plan);
};

/** The held edit, locked for this decision; 404 when resolved already or not this team's. */
const lockHeldEdit = async (tx: Queryable, teamId: string, id: string): Promise<HeldEdit> => {
  // Locks first, as a push takes them.
  const [seen] = await tx.query<{ household_id: string; record_id: string | null }>(
    `SELECT household_id, record ->> 'id' AS record_id FROM sync_quarantine
      WHERE id = $1 AND team_id = $2`,
    [id, teamId],
  );
  if (!seen) throw new HttpProblem(404, 'not_found');
  await lockKeys(tx, [seen.household_id, ...(seen.record_id ? [seen.record_id] : [])]);
  const [row] = await tx.query<{ record_type: RecordType; record: Record<string, unknown> }>(
    `SELECT record_type, record FROM sync_quarantine
      WHERE id = $1 AND team_id = $2 AND resolved_at IS NULL FOR UPDATE`,
    [id, teamId],
  );
  if (!row) throw new HttpProblem(404, 'not_found');
  const parsed = RECORD_SCHEMAS[row.record_type].safeParse(row.record);
  if (!parsed.success) throw conflict();
  return { type: row.record_type, record: parsed.data as HeldEdit['record'] };
};

/** The supervisor's decision on an edit held back: drop it (it stays logged), or apply it. */
export const resolveQuarantine = (
  db: Database,
  session: Supervisor,
  id: string,
  action: 'discard' | 'apply',
) =>
  db.transaction(async (tx) => {
    const edit = await lockHeldEdit(tx, session.teamId, id);
    if (action === 'apply')
      await applyHeldEdit(tx, session.teamId, edit, await checkApplicable(tx, session, edit));
    await tx.query(
      `UPDATE sync_quarantine SET resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1`,
      [id, session.user.id, action],
    );
    await logResolve(tx, session, edit.type, edit.record.id);
    return { ok: true };
  });
