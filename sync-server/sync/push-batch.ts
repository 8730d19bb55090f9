import type { AnyRecord, Hlc, PushMutation, PushResult, RecordType } from '../../src/core';
import type { Session } from '../auth/sessions';
import type { Queryable } from '../db/database';
import { compose, type Fragment } from '../db/sql';
import { isUuid } from '../http/ids';
import type { LedgerEntry } from './ledger';
import { heldAmong, heldHouseholdsSql } from '../access/households';
import { districtCodes, programmeCodes } from '../rules/catalog';
import { REFERENCE_FIELDS, teamMemberIds } from './push-checks';
import { findRecord, lockKeys, storeRecords, type StoredRecord } from './store-records';

export type Existing = StoredRecord;

type Write = {
  type: RecordType;
  record: AnyRecord;
  fieldClock: Record<string, Hlc>;
  validated: true;
};

/**
 * What one push batch reads and writes, set-based (a statement or three per
 * mutation made ingest slow, and each statement is a round trip). The ledger, the records
 * the batch touches and the worker's access to their households are read in one statement;
 * accepted records are written at the end in one statement with the audit and ledger rows.
 * Everything the batch writes is locked first, so a concurrent push of the same records
 * waits instead of merging on a stale copy. Reads see the batch's own earlier writes; a
 * query that depends on them (a worker's access after an enrolment changed, a plan merge)
 * first writes what is pending.
 */
export class PushBatch {
  private readonly known = new Map<string, Existing | null>();
  private readonly pending = new Map<string, Write>();
  /** Households whose household or enrolment records are among the pending writes. */
  private readonly dirty = new Set<string>();
  private readonly access = new Map<string, boolean>();
  private members: Promise<ReadonlySet<string>> | undefined;
  private districtList: Promise<ReadonlySet<string>> | undefined;
  private programmeList: Promise<ReadonlySet<string>> | undefined;

  constructor(
    private readonly tx: Queryable,
    private readonly session: Session,
    /** False where transactions run one at a time anyway (PGlite): a statement saved. */
    private readonly locking = true,
  ) {}

  /**
   * Locks what the batch writes (see lockKeys), then reads in one statement what this device
   * sent before among these mutations (the ledger), the records they name or refer to, and
   * which of their households this user may write to.
   */
  async prefetch(
    deviceId: string,
    mutations: readonly PushMutation[],
  ): Promise<Map<string, LedgerEntry>> {
    const { ids, households } = namedIds(mutations);
    const locks = [`device:${deviceId}`];
    for (const { record: r } of mutations) {
      if (isUuid(r.id)) locks.push(r.id);
      if (isUuid(r.householdId)) locks.push(r.householdId);
    }
    if (this.locking) await lockKeys(this.tx, locks);
    const held = heldHouseholdsSql(this.session.user, [...households]);
    const { sql, params } = compose(
      (p) => `
      SELECT 'ledger' AS kind, mutation_id::text AS id, payload_hash AS hash, result AS data,
             NULL::text AS type, NULL::uuid AS team_id, NULL::uuid AS household_id,
             NULL::jsonb AS field_clock
        FROM sync_ledger WHERE device_id = ${p(deviceId)} AND mutation_id = ANY(${p(mutations.map((m) => m.mutationId))}::uuid[])
      UNION ALL
      SELECT 'record', id::text, NULL, data, type, team_id, household_id, field_clock
        FROM records WHERE id = ANY(${p([...ids])}::uuid[])
      ${held ? `UNION ALL SELECT 'access', a.id::text, NULL, NULL, NULL, NULL, NULL, NULL FROM (${held(p)}) a` : ''}`,
    );
    type Row = StoredRecord & { kind: string; id: string; hash: string | null };
    const ledger = new Map<string, LedgerEntry>();
    for (const id of ids) this.known.set(id, null);
    for (const h of households) this.access.set(h, false);
    for (const { kind, id, hash, ...row } of await this.tx.query<Row>(sql, params)) {
      if (kind === 'ledger')
        ledger.set(id, { id, hash: hash ?? '', result: row.data as PushResult });
      else if (kind === 'record') this.known.set(id, row);
      else this.access.set(id, true);
    }
    return ledger;
  }

  /** The districts the city lists, read once per batch. */
  async districts(): Promise<ReadonlySet<string>> {
    this.districtList ??= districtCodes(this.tx);
    return this.districtList;
  }

  /** The programmes the city lists, read once per batch. */
  async programmes(): Promise<ReadonlySet<string>> {
    this.programmeList ??= programmeCodes(this.tx);
    return this.programmeList;
  }

  /** The ids of the users of this team (a supervisor logs contacts in a worker's name). */
  private readonly anonymisedHouseholds = new Map<string, boolean>();

  async teamMembers(): Promise<ReadonlySet<string>> {
    this.members ??= teamMemberIds(this.tx, this.session.user.teamId ?? '');
    return this.members;
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

  /** Was this household anonymised? Then nothing more is written to it (read-only for good). */
  async anonymised(householdId: string): Promise<boolean> {
    let known = this.anonymisedHouseholds.get(householdId);
    if (known === undefined) {
      const [row] = await this.tx.query<{ yes: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM anonymisations WHERE household_id = $1) AS yes',
        [householdId],
      );
      known = row?.yes ?? false;
      this.anonymisedHouseholds.set(householdId, known);
    }
    return known;
  }

  /** Accepts a record; it is written with the rest of the batch. */
  store(type: RecordType, record: AnyRecord, fieldClock: Record<string, Hlc>, householdId: string) {
    this.pending.delete(record.id);
    this.pending.set(record.id, { type, record, fieldClock, validated: true });
    this.known.set(record.id, {
      type,
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

  /** The access to one household after the batch changed its household or enrolments. */
  private async loadAccess(householdId: string): Promise<void> {
    const held = await heldAmong(this.tx, this.session.user, [householdId]);
    this.access.set(householdId, held.has(householdId));
  }
}

/** Every id the batch's records name: their own, their households' and those they refer to. */
const namedIds = (mutations: readonly PushMutation[]) => {
  const ids = new Set<string>();
  const households = new Set<string>();
  for (const { record: r } of mutations) {
    for (const key of REFERENCE_FIELDS) {
      const v = r[key];
      for (const id of Array.isArray(v) ? v : [v]) if (isUuid(id)) ids.add(id);
    }
    if (isUuid(r.householdId)) households.add(r.householdId);
    else if (isUuid(r.id)) households.add(r.id);
  }
  return { ids, households };
};
