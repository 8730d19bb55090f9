import { createHash } from 'node:crypto';
import { mergePlans, Plan, type AnyRecord } from '../../src/core';
import type { Queryable } from '../db/database';
import { fieldsOf } from '../db/record-fields';
import { storeRecords } from './store-records';

/** The same two revisions always produce the same merged id, so a retry cannot duplicate it. */
const mergedId = (a: string, b: string) => {
  const h = createHash('sha256').update([a, b].sort().join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * A plan revision arrived beside another with the same number, made from the same base:
 * two people revised the plan offline. When their edits do not overlap, the server adds the
 * three-way merge as the next revision; when they do, both stay as "2 versions".
 * Runs inside the push transaction. Only revisions of the arrived one's own household take
 * part, whatever its `enrolmentId` and `basedOn` claim.
 */
export const mergeConcurrentPlan = async (
  tx: Queryable,
  teamId: string,
  arrived: Plan,
): Promise<Plan | null> => {
  if (!arrived.basedOn) return null;
  const p = fieldsOf('plan', 'p');
  const rows = await tx.query<{ data: unknown }>(
    `SELECT p.data FROM records p
      WHERE p.type = 'plan' AND NOT p.deleted AND p.household_id = $4::uuid
        AND ${p('enrolmentId')} = $1
        AND ((${p('revision')})::int >= $2 OR p.id = $3::uuid)`,
    [arrived.enrolmentId, arrived.revision, arrived.basedOn, arrived.householdId],
  );
  const plans = rows.map((r) => Plan.parse(r.data));
  const base = plans.find((p) => p.id === arrived.basedOn);
  const rivals = plans.filter((p) => p.revision === arrived.revision && p.id !== arrived.id);
  const newer = plans.some((p) => p.revision > arrived.revision);
  const rival = rivals[0];
  if (!base || !rival || rivals.length !== 1 || newer || rival.basedOn !== arrived.basedOn)
    return null;
  const result = mergePlans(base, rival, arrived);
  if ('conflict' in result) return null;
  const now = new Date().toISOString();
  const merged: Plan = {
    ...arrived,
    ...result.merged,
    id: mergedId(rival.id, arrived.id),
    revision: arrived.revision + 1,
    basedOn: arrived.id,
    authorId: null,
    createdAt: now,
    updatedAt: now,
  };
  await storeRecords(tx, teamId, [{ type: 'plan', record: merged as AnyRecord }]);
  return merged;
};
