import type { FastifyInstance } from 'fastify';
import {
  APPEND_ONLY_TYPES,
  clampHlc,
  decodeHlc,
  deepEqual,
  encodeHlc,
  type Hlc,
  householdIdOf,
  PushRequest,
  RECORD_SCHEMAS,
  type AnyRecord,
  type Plan,
  type PushMutation,
  type PushResult,
  type RecordType,
  type RejectCode,
  type RejectReason,
} from '../../src/core';
import { auditInsert, type AuditEvent } from '../audit/audit';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database, Queryable } from '../db/database';
import { isUuid } from '../http/ids';
import { HttpProblem } from '../http/problem';
import { mergeRecord, type FieldConflict } from './merge';
import { holdForSupervisor } from './hold';
import { mergeConcurrentPlan } from './plan-merge';
import { ledgerInsert, payloadHash, type LedgerEntry } from './ledger';
import { type Existing, PushBatch } from './push-batch';
import { type Checked, checkReferences, checkShape } from './push-checks';

/** A device clock may run ahead of the server's by this much before it is pulled back. */
const CLOCK_TOLERANCE_MS = 60_000;

type Ctx = { tx: Queryable; session: Session; batch: PushBatch };
type Refusal = { code: RejectCode; reason: RejectReason };
const refuse = (code: RejectCode, reason: RejectReason): Refusal => ({ code, reason });

/** The household left this user's scope after they edited it offline: kept for a supervisor. */
const quarantine = async (
  { tx, session, batch }: Ctx,
  type: RecordType,
  record: AnyRecord,
  householdId: string,
): Promise<Refusal> => {
  const { user } = session;
  const household = await batch.find(householdId);
  if (!household || household.team_id !== user.teamId) return refuse('forbidden', 'other_team');
  await holdForSupervisor(tx, {
    teamId: user.teamId,
    householdId,
    type,
    record,
    userId: user.id,
    deviceId: session.deviceId,
  });
  return refuse('quarantined', 'case_moved');
};

/** Who may write this record where: ownership never moves, a worker never reassigns a case. */
const checkAccess = async (
  ctx: Ctx,
  m: PushMutation,
  record: AnyRecord & Record<string, unknown>,
  existing: Existing | undefined,
): Promise<Refusal | null> => {
  const { user } = ctx.session;
  const householdId = householdIdOf(m.type, record);
  if (m.type === 'enrolment' && user.role === 'worker') {
    // Assigning a case is a supervisor's decision.
    const before = existing?.data.workerId;
    if (existing ? before !== record.workerId : record.workerId !== user.id)
      return refuse('forbidden', 'not_allowed');
  }
  if (m.type === 'planReview' && !existing) {
    // A comment is signed by its author; only a supervisor signs a plan off.
    if (record.authorId !== user.id) return refuse('forbidden', 'not_allowed');
    if (record.signedOff && user.role !== 'supervisor') return refuse('forbidden', 'not_allowed');
  }
  if (existing) {
    // Ownership fields never move: a record stays in its household, a household in its team.
    if (existing.household_id !== householdId || existing.type !== m.type)
      return refuse('forbidden', 'ownership_change');
    if (m.type === 'household' && existing.data.teamId !== record.teamId)
      return refuse('forbidden', 'ownership_change');
  } else if (m.type === 'household') {
    return record.teamId === user.teamId ? null : refuse('forbidden', 'other_team');
  }
  // Said only to the household's own team: to others it is any household they may not write.
  const home = await ctx.batch.find(householdId);
  if (home?.team_id === user.teamId && (await ctx.batch.anonymised(householdId)))
    return refuse('forbidden', 'anonymised');
  if (!(await ctx.batch.mayWrite(householdId))) return quarantine(ctx, m.type, record, householdId);
  return null;
};

/** The user of the device that a field clock names, if it is a device this server knows. */
const clockAuthor = async (tx: Queryable, clock: Hlc | undefined): Promise<string | null> => {
  const node = clock ? decodeHlc(clock).node : null;
  if (!node || !isUuid(node)) return null;
  const [row] = await tx.query<{ user_id: string }>('SELECT user_id FROM devices WHERE id = $1', [
    node,
  ]);
  return row?.user_id ?? null;
};

/**
 * Logs every losing value of a merge (sync_conflicts), so nothing is overwritten silently:
 * with who wrote it and who wrote the value that stays.
 */
const logConflicts = async (
  { tx, session }: Ctx,
  m: PushMutation,
  existing: Existing,
  conflicts: readonly FieldConflict[],
) => {
  for (const c of conflicts) {
    // The pusher's value won unless it arrived too late (then the stored one is `kept`).
    const pusherWon = c.kept === undefined;
    const other = await clockAuthor(tx, pusherWon ? c.replaced : c.kept);
    await tx.query(
      `INSERT INTO sync_conflicts (record_id, record_type, team_id, field, losing_value, winning_value,
                                   user_id, device_id, losing_device_id, losing_user_id, winning_user_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)`,
      [
        existing.data.id,
        m.type,
        existing.team_id,
        c.field,
        JSON.stringify(c.losing ?? null),
        JSON.stringify(c.winning ?? null),
        session.user.id,
        session.deviceId,
        losingDevice(c, session.deviceId),
        pusherWon ? other : session.user.id,
        pusherWon ? session.user.id : other,
      ],
    );
  }
};

/**
 * When the change was made: the device's clock, never far ahead of the server's. Its node is
 * the pushing device, so a field's clock says whose value it holds: a device whose value a
 * colleague's concurrent edit replaces later is told (sync_conflicts.losing_device_id).
 */
const changeClock = (m: PushMutation, deviceId: string): Hlc => {
  const serverNow = Date.now();
  // An old app without a clock gets the moment of arrival.
  if (!m.hlc) return encodeHlc(serverNow, 0, deviceId);
  const { wall, counter } = decodeHlc(clampHlc(m.hlc, serverNow, CLOCK_TOLERANCE_MS).hlc);
  return encodeHlc(wall, counter, deviceId);
};

/** The device whose accepted value this conflict replaced, if another than the pusher's. */
const losingDevice = (c: FieldConflict, pusher: string): string | null => {
  const node = c.replaced ? decodeHlc(c.replaced).node : null;
  return node && node !== pusher && isUuid(node) ? node : null;
};

/** Merges an edit into the stored record field by field and stores it (with the batch). */
const mergeAndStore = async (
  ctx: Ctx,
  m: PushMutation,
  record: AnyRecord & Record<string, unknown>,
  existing: Existing | undefined,
): Promise<PushResult> => {
  const incoming = changeClock(m, ctx.session.deviceId);
  let toStore: Record<string, unknown> = record;
  let fieldClock = Object.fromEntries(Object.keys(record).map((k) => [k, incoming]));
  let conflicts: string[] = [];
  let lost: string[] = [];
  if (existing) {
    const merge = mergeRecord(existing.data, record, m.base, {
      fields: existing.field_clock ?? {},
      incoming,
    });
    const valid = RECORD_SCHEMAS[m.type].safeParse(merge.merged);
    if (!valid.success) return rejected(m, refuse('invalid', 'schema'));
    toStore = valid.data as Record<string, unknown>;
    fieldClock = merge.fields;
    await logConflicts(ctx, m, existing, merge.conflicts);
    conflicts = merge.conflicts.map((c) => c.field);
    lost = merge.conflicts.filter((c) => deepEqual(c.losing, record[c.field])).map((c) => c.field);
  }
  const householdId = householdIdOf(m.type, record);
  ctx.batch.store(m.type, toStore as AnyRecord, fieldClock, householdId);
  if (m.type === 'plan' && !existing) {
    // The merge reads the stored revisions: this one must be among them.
    await ctx.batch.flush();
    await mergeConcurrentPlan(ctx.tx, ctx.session.user.teamId ?? '', record as Plan);
  }
  return {
    mutationId: m.mutationId,
    status: 'applied',
    ...(conflicts.length ? { conflicts } : {}),
    ...(lost.length ? { lost } : {}),
  };
};

const rejected = (m: PushMutation, { code, reason }: Refusal): PushResult => ({
  mutationId: m.mutationId,
  status: 'rejected',
  code,
  reason,
});

/** One mutation: its shape, who may write it, what it refers to, then the merge. */
const applyOne = async (ctx: Ctx, m: PushMutation, shape: Checked): Promise<PushResult> => {
  if (!shape.ok) return rejected(m, refuse('invalid', shape.reason));
  const { record } = shape;
  const existing = await ctx.batch.find(record.id);
  const denied = await checkAccess(ctx, m, record, existing);
  if (denied) return rejected(m, denied);
  if (existing && APPEND_ONLY_TYPES.has(m.type)) {
    // Contacts and plan revisions are never rewritten; the same content again is a no-op.
    return deepEqual(existing.data, record)
      ? { mutationId: m.mutationId, status: 'applied' }
      : rejected(m, refuse('immutable', 'immutable'));
  }
  const householdId = householdIdOf(m.type, record);
  const foreign = await checkReferences(ctx.batch, ctx.session.user, m.type, record, householdId);
  // A record naming what does not exist for it is invalid; one its writer may not make, forbidden.
  const invalid = foreign === 'foreign_reference' || foreign === 'unknown_code';
  if (foreign) return rejected(m, refuse(invalid ? 'invalid' : 'forbidden', foreign));
  return mergeAndStore(ctx, m, record, existing);
};

/** The audit row of one answered mutation. */
const auditEvent = (session: Session, m: PushMutation, result: PushResult): AuditEvent => ({
  userId: session.user.id,
  deviceId: session.deviceId,
  action: result.status === 'applied' ? 'change' : 'refused',
  recordType: m.type,
  recordId: isUuid(m.record.id) ? m.record.id : null,
});

/**
 * Every mutation of a batch in order, inside the caller's transaction. One this device sent
 * before gets its stored result again (the same payload) or `payload_mismatch`; a new one
 * is applied and recorded. The records, their audit rows and the ledger rows are written in
 * one statement at the end.
 */
const applyBatch = async (
  tx: Queryable,
  session: Session,
  mutations: readonly PushMutation[],
  locking: boolean,
): Promise<PushResult[]> => {
  const batch = new PushBatch(tx, session, locking);
  const ledger = await batch.prefetch(session.deviceId, mutations);
  const out: PushResult[] = [];
  const events: AuditEvent[] = [];
  const recorded: LedgerEntry[] = [];
  for (const m of mutations) {
    const shape = checkShape(m);
    const hash = payloadHash(m, shape.ok || shape.reason !== 'too_deep');
    const seen = ledger.get(m.mutationId);
    if (seen) {
      out.push(
        seen.hash === hash
          ? seen.result
          : rejected(m, refuse('payload_mismatch', 'payload_mismatch')),
      );
      continue;
    }
    const result = await applyOne({ tx, session, batch }, m, shape);
    events.push(auditEvent(session, m, result));
    const entry = { id: m.mutationId, hash, result };
    ledger.set(m.mutationId, entry);
    recorded.push(entry);
    out.push(result);
  }
  if (recorded.length)
    await batch.flush(auditInsert(events), ledgerInsert(session.deviceId, recorded));
  else await batch.flush();
  return out;
};

/**
 * Applies a batch of outbox mutations in one transaction and answers only after it commits.
 * Each mutation is applied exactly once per device: a retried one gets its stored result.
 * A bad mutation is rejected on its own and never blocks the rest of the batch.
 */
export const registerPushRoute = (app: FastifyInstance, db: Database) => {
  app.post('/api/sync/push', async (request) => {
    const session = await authenticate(db, request);
    // Managers and admins hold no caseload: nothing they could push has a place.
    const { teamId, role } = session.user;
    if (!teamId || (role !== 'worker' && role !== 'supervisor'))
      throw new HttpProblem(403, 'forbidden');
    const parsed = PushRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    // Locks are taken where transactions run side by side (not on PGlite: one at a time).
    const locking = !db.oneTransactionAtATime;
    const results = await db.transaction((tx) =>
      applyBatch(tx, session, parsed.data.mutations, locking),
    );
    return { results };
  });
};
