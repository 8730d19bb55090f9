import type { AnyRecord, Hlc, RecordType } from '../../src/core';
import type { Session } from '../auth/sessions';
import type { Queryable } from '../db/database';
import { isUuid } from '../http/ids';
import { findRecord, storeRecords, type StoredRecord } from './store-records';

export type Existing = StoredRecord;

type Write = {
  type: RecordType;
  record: AnyRecord;
  fieldClock: Record<string, Hlc>;
  validated: true;
};

/**
 * What one push batch reads and writes, set-based (issue 8: a statement or three per
 * mutation made ingest slow). The records the batch touches and the workers' access to their
 * households are read in one query each; accepted records are written together at the end.
 * Reads see the batch's own earlier writes; a query that depends on them (a worker's access
 * after an enrolment changed, a plan merge) first writes what is pending.
 */
export class PushBatch {
  private readonly known = new Map<string, Existing | null>();
  private readonly pending = new Map<string, Write>();
  /** Households whose household or enrolment records are among the pending writes. */
  private readonly dirty = new Set<string>();
  private readonly access = new Map<string, boolean>();

  constructor(
    private readonly tx: Queryable,
    private readonly session: Session,
  ) {}

  /** Reads the records and the access of everything the batch names, in two queries. */
  async prefetch(records: readonly Record<string, unknown>[]): Promise<void> {
    const ids = new Set<string>();
    const households = new Set<string>();
    for (const r of records) {
      for (const key of ['id', 'householdId', 'planId'] as const) {
        const v = r[key];
        if (isUuid(v)) ids.add(v);
      }
      if (isUuid(r.householdId)) households.add(r.householdId);
      else if (isUuid(r.id)) households.add(r.id);
    }
    if (ids.size === 0) return;
    const rows = await this.tx.query<Existing & { id: string }>(
      'SELECT id, data, team_id, household_id, field_clock FROM records WHERE id = ANY($1::uuid[])',
      [[...ids]],
    );
    for (const id of ids) this.known.set(id, null);
    for (const { id, ...row } of rows) this.known.set(id, row);
    await this.loadAccess([...households]);
  }

  async find(id: string): Promise<Existing | undefined> {
    if (!this.known.has(id)) {
      this.known.set(id, (await findRecord(this.tx, id)) ?? null);
    }
    return this.known.get(id) ?? undefined;
  }

  /** May this user write to this household? On the server; the device is not trusted. */
  async mayWrite(householdId: string): Promise<boolean> {
    if (!this.access.has(householdId)) {
      if (this.dirty.has(householdId)) await this.flush();
      await this.loadAccess([householdId]);
    }
    return this.access.get(householdId) ?? false;
  }

  /** Accepts a record; it is written with the rest of the batch. */
  store(type: RecordType, record: AnyRecord, fieldClock: Record<string, Hlc>, householdId: string) {
    this.pending.delete(record.id);
    this.pending.set(record.id, { type, record, fieldClock, validated: true });
    this.known.set(record.id, {
      data: record as Record<string, unknown>,
      team_id: this.session.user.teamId ?? '',
      household_id: householdId,
      field_clock: fieldClock,
    });
    if (type === 'household' || type === 'enrolment') {
      this.dirty.add(householdId);
      this.access.delete(householdId);
    }
  }

  /** Writes what is pending, in one statement (and one change-number update). */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    await storeRecords(this.tx, this.session.user.teamId ?? '', [...this.pending.values()]);
    this.pending.clear();
    this.dirty.clear();
  }

  /**
   * A worker writes to households of their open enrolments, or to one not enrolled yet; a
   * supervisor to any household of the team; nobody to another team's.
   */
  private async loadAccess(households: readonly string[]): Promise<void> {
    const { user } = this.session;
    const todo: string[] = [];
    for (const h of households) {
      const household = await this.find(h);
      if (!household || household.team_id !== user.teamId || user.role !== 'worker')
        this.access.set(
          h,
          !!household && household.team_id === user.teamId && user.role === 'supervisor',
        );
      else todo.push(h);
    }
    if (todo.length === 0) return;
    const rows = await this.tx.query<{ household_id: string; mine: boolean }>(
      `SELECT household_id, bool_or(data ->> 'workerId' = $2 AND data ->> 'status' <> 'closed') AS mine
         FROM records WHERE type = 'enrolment' AND household_id = ANY($1::uuid[]) AND NOT deleted
        GROUP BY household_id`,
      [todo, user.id],
    );
    const enrolled = new Map(rows.map((r) => [r.household_id, r.mine]));
    for (const h of todo) this.access.set(h, enrolled.has(h) ? !!enrolled.get(h) : true);
  }
}
