import { RECORD_SCHEMAS, type AnyRecord, type RecordType } from '../../src/core';
import type { Database, Queryable } from '../db/database';
import { HttpProblem } from '../http/problem';
import { laterThan } from '../sync/server-clock';
import { findRecord, storeRecords } from '../sync/store-records';
import { lockRecordAndHousehold, logResolve, type Supervisor } from './decisions';

type ConflictRow = {
  record_id: string;
  record_type: RecordType;
  field: string;
  losing_value: unknown;
};

/** Puts the value that lost back, its field's clock moved on so every device takes it. */
const restoreLosingValue = async (tx: Queryable, teamId: string, row: ConflictRow) => {
  const stored = await findRecord(tx, row.record_id);
  if (!stored || stored.team_id !== teamId) throw new HttpProblem(404, 'not_found');
  const restored = RECORD_SCHEMAS[row.record_type].safeParse({
    ...stored.data,
    [row.field]: row.losing_value,
    updatedAt: new Date().toISOString(),
  });
  if (!restored.success) throw new HttpProblem(409, 'conflict');
  await storeRecords(tx, teamId, [
    {
      type: row.record_type,
      record: restored.data as AnyRecord,
      fieldClock: { ...stored.field_clock, [row.field]: laterThan(stored.field_clock[row.field]) },
    },
  ]);
};

/** The supervisor's decision on a value that lost a concurrent edit: keep it lost, or restore it. */
export const resolveConflict = (
  db: Database,
  session: Supervisor,
  id: string,
  action: 'keep' | 'restore',
) =>
  db.transaction(async (tx) => {
    // The record's locks come before any row lock, in the order a push and an
    // anonymisation take them, so none of them waits on another in a cycle.
    const [seen] = await tx.query<{ record_id: string }>(
      'SELECT record_id FROM sync_conflicts WHERE id = $1 AND team_id = $2',
      [id, session.teamId],
    );
    if (!seen) throw new HttpProblem(404, 'not_found');
    await lockRecordAndHousehold(tx, seen.record_id);
    const [row] = await tx.query<ConflictRow>(
      `SELECT record_id, record_type, field, losing_value FROM sync_conflicts
        WHERE id = $1 AND team_id = $2 AND resolved_at IS NULL FOR UPDATE`,
      [id, session.teamId],
    );
    if (!row) throw new HttpProblem(404, 'not_found');
    if (action === 'restore') await restoreLosingValue(tx, session.teamId, row);
    await tx.query(
      `UPDATE sync_conflicts SET resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1`,
      [id, session.user.id, action],
    );
    await logResolve(tx, session, row.record_type, row.record_id);
    return { ok: true };
  });
