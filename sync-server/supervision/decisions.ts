import { audit } from '../audit/audit';
import type { Session } from '../auth/sessions';
import type { Queryable } from '../db/database';
import { lockKeys } from '../sync/store-records';

/** A supervisor of a team, as the supervision routes know them. */
export type Supervisor = Session & { teamId: string };

/**
 * Takes the locks a push takes for this record (its id and its household's), so a decision
 * and a push of the same record never merge on each other's stale copy. A record's household
 * never changes, so it can be read before the lock.
 */
export const lockRecordAndHousehold = async (tx: Queryable, recordId: string) => {
  const [row] = await tx.query<{ household_id: string }>(
    'SELECT household_id FROM records WHERE id = $1',
    [recordId],
  );
  await lockKeys(tx, row ? [recordId, row.household_id] : [recordId]);
};

/** Every decision is logged: who resolved what. */
export const logResolve = (
  tx: Queryable,
  s: Session,
  recordType: string,
  recordId: string | null,
) =>
  audit(tx, [{ userId: s.user.id, deviceId: s.deviceId, action: 'resolve', recordType, recordId }]);
