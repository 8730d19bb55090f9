import type { AnyRecord, Hlc, PushMutation, PushResult, RecordType } from '../../src/core';
import type { Session } from '../auth/sessions';
import type { Queryable } from '../db/database';
import { compose, type Fragment } from '../db/sql';
import { isUuid } from '../http/ids';
import type { LedgerEntry } from './ledger';
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
 * mutation made ingest slow, and each statement is a round trip). The ledger, the records
 * the batch touches and the worker's access to their households are read in one statement;
 * accepted records are written at the end in one statement with the audit and ledger rows.
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

  /**
   * Reads, in one statement, what this device sent before among these mutations (the
   * ledger), the records they name, and the worker's access to their households.
   */
  async prefetch(
    deviceId: string,
    mutations: readonly PushMutation[],
  ): Promise<Map<string, LedgerEntry>> {
    const ids = new Set<string>();
    const households = new Set<string>();
    for (const { record: r } of mutations) {
      for (const key of ['id', 'householdId', 'planId'] as const) {
        const v = r[key];
        if (isUuid(v)) ids.add(v);
      }
      if (isUuid(r.householdId)) households.add(r.householdId);
      else if (isUuid(r.id)) households.add(r.id);
    }
    const { user } = this.session;
    const worker = user.role === 'worker';
    const { sql, params } = compose(
      (p) => `
      SELECT 'ledger' AS kind, mutation_id::text AS id, payload_hash AS hash, result AS data,
             NULL::uuid AS team_id, NULL::uuid AS household_id, NULL::jsonb AS field_clock,
             NULL::boolean AS mine
        FROM sync_ledger WHERE device_id = ${p(deviceId)} AND mutation_id = ANY(${p(mutations.map((m) => m.mutationId))}::uuid[])
      UNION ALL
      SELECT 'record', id::text, NULL, data, team_id, household_id, field_clock, NULL
        FROM records WHERE id = ANY(${p([...ids])}::uuid[])
      UNION ALL
      SELECT 'access', household_id::text, NULL, NULL, NULL, NULL, NULL,
             bool_or(data ->> 'workerId' = ${p(user.id)} AND data ->> 'status' <> 'closed')
        FROM records
       WHERE type = 'enrolment' AND household_id = ANY(${p(worker ? [...households] : [])}::uuid[])
         AND NOT deleted
       GROUP BY household_id`,
    );
    type Row = StoredRecord & {
      kind: string;
      id: string;
      hash: string | null;
      mine: boolean | null;
    };
    const ledger = new Map<string, LedgerEntry>();
    const enrolled = new Map<string, boolean>();
    for (const id of ids) this.known.set(id, null);
    for (const { kind, id, hash, mine, ...row } of await this.tx.query<Row>(sql, params)) {
      if (kind === 'ledger')
        ledger.set(id, { id, hash: hash ?? '', result: row.data as PushResult });
      else if (kind === 'record') this.known.set(id, row);
      else enrolled.set(id, !!mine);
    }
    for (const h of households) this.access.set(h, this.decideAccess(h, enrolled));
    return ledger;
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
      await this.loadAccess(householdId);
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

  /** Writes what is pending, in one statement with any other writes given. */
  async flush(...also: Fragment[]): Promise<void> {
    if (this.pending.size === 0 && also.length === 0) return;
    await storeRecords(
      this.tx,
      this.session.user.teamId ?? '',
      [...this.pending.values()],
      ...also,
    );
    this.pending.clear();
    this.dirty.clear();
  }

  /**
   * A worker writes to households of their open enrolments, or to one not enrolled yet; a
   * supervisor to any household of the team; nobody to another team's. `enrolled` holds,
   * for the worker's households with enrolments, whether one open enrolment is theirs.
   */
  private decideAccess(householdId: string, enrolled: ReadonlyMap<string, boolean>): boolean {
    const { user } = this.session;
    const household = this.known.get(householdId);
    if (!household || household.team_id !== user.teamId) return false;
    if (user.role === 'supervisor') return true;
    if (user.role !== 'worker') return false;
    return enrolled.get(householdId) ?? true;
  }

  /** The access to one household after the batch changed its household or enrolments. */
  private async loadAccess(householdId: string): Promise<void> {
    await this.find(householdId);
    const rows = await this.tx.query<{ mine: boolean }>(
      `SELECT bool_or(data ->> 'workerId' = $2 AND data ->> 'status' <> 'closed') AS mine
         FROM records WHERE type = 'enrolment' AND household_id = $1 AND NOT deleted
        GROUP BY household_id`,
      [householdId, this.session.user.id],
    );
    const enrolled = new Map(rows.map((r) => [householdId, !!r.mine]));
    this.access.set(householdId, this.decideAccess(householdId, enrolled));
  }
}
