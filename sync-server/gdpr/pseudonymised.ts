import { createHmac, randomBytes } from 'node:crypto';
import {
  ageBand,
  pragueDate,
  type Contact,
  type Enrolment,
  type Person,
  type PseudonymisedExport,
} from '../../src/core';
import type { Queryable } from '../db/database';
import { fieldsOf } from '../db/record-fields';
import { contactInPeriod, enrolmentRunning, notAmended } from '../db/record-predicates';

/** The configured key, else the one made for this database at its first export. */
export const pseudonymKey = async (db: Queryable, configured: string | undefined) => {
  if (configured) return configured;
  await db.query(
    "INSERT INTO server_settings (key, value) VALUES ('pseudonym_key', $1) ON CONFLICT (key) DO NOTHING",
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ value: string }>(
    "SELECT value FROM server_settings WHERE key = 'pseudonym_key'",
  );
  return row?.value as string;
};

type Alias = (prefix: string, id: string) => string;
type Period = { from: string; to: string };

const enrolmentsOf = async (db: Queryable, { from, to }: Period, alias: Alias) => {
  const h = fieldsOf('household', 'h');
  const rows = await db.query<{ data: Enrolment; district: string; locality: string }>(
    `SELECT e.data, ${h('district')} AS district, ${h('localityKind')} AS locality
       FROM records e JOIN records h ON h.id = e.household_id
      WHERE e.type = 'enrolment' AND NOT e.deleted AND ${enrolmentRunning('e')}`,
    [from, to],
  );
  return rows.map(({ data: e, district, locality }) => ({
    enrolment: alias('E', e.id),
    household: alias('H', e.householdId),
    programme: e.programme,
    district,
    localityKind: locality,
    worker: alias('W', e.workerId),
    startDate: e.startDate,
    status: e.status,
    closedOn: e.closedOn,
    closeReason: e.closeReason,
  }));
};

const contactsOf = async (db: Queryable, { from, to }: Period, alias: Alias) => {
  const rows = await db.query<{ data: Contact }>(
    `SELECT c.data FROM records c
      WHERE c.type = 'contact' AND NOT c.deleted
        AND ${contactInPeriod('c')} AND ${notAmended('c')}
      ORDER BY ${fieldsOf('contact', 'c')('at')}`,
    [from, to],
  );
  return rows.map(({ data: c }) => ({
    household: alias('H', c.householdId),
    date: pragueDate(c.at),
    kind: c.kind,
    minutes: c.minutes,
    enrolments: c.enrolmentIds.map((id) => alias('E', id)),
    participants: c.participantIds.map((id) => alias('P', id)),
    topics: c.topics,
    interventions: c.interventions,
    worker: alias('W', c.workerId),
  }));
};

const peopleOf = async (db: Queryable, { from, to }: Period, alias: Alias) => {
  const rows = await db.query<{ data: Person }>(
    `SELECT data FROM records WHERE type = 'person' AND NOT deleted
        AND household_id IN (SELECT e.household_id FROM records e
                              WHERE e.type = 'enrolment' AND NOT e.deleted AND ${enrolmentRunning('e')})`,
    [from, to],
  );
  const year = Number(to.slice(0, 4));
  return rows.map(({ data: p }) => ({
    person: alias('P', p.id),
    household: alias('H', p.householdId),
    ageBand: ageBand(p.birthYear, year),
    relation: p.relation,
  }));
};

/**
 * The period's enrolments, contacts and people for evaluators: no names, addresses or
 * text, every id replaced by a keyed hash (the same id, the same pseudonym in every export;
 * without the key it cannot be turned back), ages as bands.
 */
export const pseudonymisedExport = async (
  db: Queryable,
  key: string,
  period: Period,
): Promise<PseudonymisedExport> => {
  const alias: Alias = (prefix, id) =>
    `${prefix}-${createHmac('sha256', key).update(id).digest('base64url').slice(0, 12)}`;
  const enrolments = await enrolmentsOf(db, period, alias);
  const contacts = await contactsOf(db, period, alias);
  const households = new Set(enrolments.map((e) => e.household));
  const people = (await peopleOf(db, period, alias)).filter((p) => households.has(p.household));
  return { generatedAt: new Date().toISOString(), people, enrolments, contacts };
};
