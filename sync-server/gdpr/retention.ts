import { pragueDate, retentionUntil, type Enrolment, type RetentionCase } from '../../src/core';
import type { Queryable } from '../db/database';
import { fieldsOf } from '../db/record-fields';

type EnrolmentRow = {
  household_id: string;
  label: string;
  district: string;
  programme: string;
  status: Enrolment['status'];
  closed_on: string | null;
};

/** Every enrolment of the households whose enrolments are all closed, not anonymised yet. */
const closedHouseholds = (q: Queryable, ids: string[] | null) => {
  const [h, e, o] = [
    fieldsOf('household', 'h'),
    fieldsOf('enrolment', 'e'),
    fieldsOf('enrolment', 'o'),
  ];
  return q.query<EnrolmentRow>(
    `SELECT h.id AS household_id, ${h('label')} AS label, ${h('district')} AS district,
            ${e('programme')} AS programme, ${e('status')} AS status,
            ${e('closedOn')} AS closed_on
       FROM records h JOIN records e ON e.household_id = h.id AND e.type = 'enrolment' AND NOT e.deleted
      WHERE h.type = 'household' AND NOT h.deleted
        AND ($1::uuid[] IS NULL OR h.id = ANY($1::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM anonymisations a WHERE a.household_id = h.id)
        AND h.id IN (SELECT o.household_id FROM records o WHERE o.type = 'enrolment' AND NOT o.deleted
                      GROUP BY o.household_id HAVING bool_and(${o('status')} = 'closed'))`,
    [ids],
  );
};

/** The household's case if its retention date has passed by `today`. */
const dueCase = (
  householdId: string,
  list: EnrolmentRow[],
  years: number,
  today: string,
): RetentionCase | null => {
  const until = retentionUntil(
    list.map((r) => ({ status: r.status, closedOn: r.closed_on, deleted: false })),
    years,
  );
  if (!until || until > today) return null;
  const first = list[0] as EnrolmentRow;
  return {
    householdId,
    label: first.label,
    district: first.district,
    programmes: [...new Set(list.map((r) => r.programme))].sort(),
    closedOn: list.reduce((max, r) => ((r.closed_on ?? '') > max ? (r.closed_on ?? '') : max), ''),
    retainUntil: until,
  };
};

/**
 * Closed cases whose retention date has passed, not anonymised yet (among `ids`, or all),
 * the longest overdue first.
 */
export const dueCases = async (
  q: Queryable,
  ids: string[] | null,
  years: number,
): Promise<RetentionCase[]> => {
  const byHousehold = new Map<string, EnrolmentRow[]>();
  for (const r of await closedHouseholds(q, ids))
    byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r]);
  const today = pragueDate(new Date());
  return [...byHousehold]
    .map(([householdId, list]) => dueCase(householdId, list, years, today))
    .filter((c): c is RetentionCase => c !== null)
    .sort((a, b) => a.retainUntil.localeCompare(b.retainUntil));
};
