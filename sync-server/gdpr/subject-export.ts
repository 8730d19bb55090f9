import type { AnyRecord, RecordType, SubjectExport } from '../../src/core';
import type { Queryable } from '../db/database';

/**
 * One household's records and who accessed them, for a subject-access request; null when
 * there is no such household.
 */
export const subjectExport = async (
  db: Queryable,
  householdId: string,
): Promise<SubjectExport | null> => {
  const rows = await db.query<{ id: string; type: RecordType; data: AnyRecord }>(
    'SELECT id, type, data FROM records WHERE household_id = $1 AND NOT deleted ORDER BY seq',
    [householdId],
  );
  const household = rows.find((r) => r.type === 'household');
  if (!household) return null;
  const of = (type: RecordType) => rows.filter((r) => r.type === type).map((r) => r.data);
  const accessLog = await db.query<{ at: string; action: string; recordType: string | null }>(
    `SELECT to_json(occurred_at) #>> '{}' AS at, action, record_type AS "recordType"
       FROM audit_log WHERE record_id = ANY($1::uuid[]) ORDER BY occurred_at`,
    [rows.map((r) => r.id)],
  );
  return {
    exportedAt: new Date().toISOString(),
    household: household.data,
    people: of('person'),
    enrolments: of('enrolment'),
    contacts: of('contact'),
    plans: of('plan'),
    planReviews: of('planReview'),
    accessLog,
  };
};
