import { fieldsOf } from './record-fields';

/**
 * Conditions on stored records that reports and exports share, so that a contact "in the
 * period" or an enrolment "running" means the same in every figure. Periods are whole days
 * in Prague's time; `from` and `to` are the placeholders of their first and last day.
 */

/** Contact `c` happened within the period's days. */
export const contactInPeriod = (c: string, from = '$1', to = '$2') => {
  const at = `(${fieldsOf('contact', c)('at')})::timestamptz`;
  return `${at} >= (${from}::date::timestamp AT TIME ZONE 'Europe/Prague')
   AND ${at} < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Prague')`;
};

/** Contact `c` has not been replaced by a correction (one that amends it). */
export const notAmended = (c: string) =>
  `NOT EXISTS (SELECT 1 FROM records a
                WHERE a.type = 'contact' AND ${fieldsOf('contact', 'a')('amends')} = ${c}.id::text)`;

/** Enrolment `e` was open on some day of the period (`closedFrom`: the day it may have closed). */
export const enrolmentRunning = (e: string, closedFrom = '$1', to = '$2') => {
  const f = fieldsOf('enrolment', e);
  return `(${f('startDate')})::date <= ${to}
   AND (${f('closedOn')} IS NULL OR (${f('closedOn')})::date >= ${closedFrom})`;
};
