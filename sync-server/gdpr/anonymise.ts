import {
  anonymiseRecord,
  type AnonymiseResult,
  type AnyRecord,
  type Hlc,
  type RecordType,
} from '../../src/core';
import type { Session } from '../auth/sessions';
import type { Database, Queryable } from '../db/database';
import { laterThan } from '../sync/server-clock';
import { lockKeys, storeRecords } from '../sync/store-records';
import { auditGdpr } from './gdpr-audit';
import { dueCases } from './retention';

type StoredRow = {
  type: RecordType;
  data: AnyRecord;
  team_id: string;
  field_clock: Record<string, Hlc>;
};

/**
 * Rewrites every record of the household without its personal data, each field's clock
 * moved on so that devices take the anonymised values over what they hold.
 */
const anonymiseRecords = async (tx: Queryable, householdId: string): Promise<boolean> => {
  const records = await tx.query<StoredRow>(
    'SELECT type, data, team_id, field_clock FROM records WHERE household_id = $1',
    [householdId],
  );
  const teamId = records[0]?.team_id;
  if (!teamId) return false;
  await storeRecords(
    tx,
    teamId,
    records.map((r) => {
      const data = anonymiseRecord(r.type, r.data);
      const fieldClock = { ...r.field_clock };
      for (const k of Object.keys(data)) fieldClock[k] = laterThan(fieldClock[k]);
      return { type: r.type, record: data, fieldClock };
    }),
  );
  return true;
};

/** Logged losing values and held-back edits may hold the same personal data. */
const forgetLoggedValues = async (tx: Queryable, householdId: string) => {
  await tx.query(
    `UPDATE sync_conflicts SET losing_value = NULL, winning_value = NULL
      WHERE record_id IN (SELECT id FROM records WHERE household_id = $1)`,
    [householdId],
  );
  await tx.query(
    `UPDATE sync_quarantine SET record = '{}'::jsonb, resolved_at = COALESCE(resolved_at, now()),
            resolution = COALESCE(resolution, 'anonymised') WHERE household_id = $1`,
    [householdId],
  );
};

/**
 * Anonymises the asked households whose retention date has passed, in one transaction, as
 * approved by the manager of `session`; the others are skipped.
 */
export const anonymiseDue = (
  db: Database,
  session: Session,
  asked: string[],
  years: number,
): Promise<AnonymiseResult> =>
  db.transaction(async (tx) => {
    // Every push into these households waits meanwhile (it locks its household too).
    await lockKeys(tx, asked);
    // Checked again inside the transaction: a case reopened meanwhile is left alone.
    const due = new Set((await dueCases(tx, asked, years)).map((c) => c.householdId));
    const anonymised: string[] = [];
    for (const householdId of asked.filter((id) => due.has(id))) {
      if (!(await anonymiseRecords(tx, householdId))) continue;
      await forgetLoggedValues(tx, householdId);
      await tx.query('INSERT INTO anonymisations (household_id, approved_by) VALUES ($1, $2)', [
        householdId,
        session.user.id,
      ]);
      await auditGdpr(tx, session, 'anonymise', 'household', householdId);
      anonymised.push(householdId);
    }
    return { anonymised, skipped: asked.filter((id) => !anonymised.includes(id)) };
  });
