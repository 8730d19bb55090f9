import type { FastifyInstance } from 'fastify';
import {
  APPEND_ONLY_TYPES,
  clampHlc,
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
  type RejectCode,
} from '../../src/core';
import { auditInsert, type AuditEvent } from '../audit/audit';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database, Queryable } from '../db/database';
import { isUuid } from '../http/ids';
import { HttpProblem } from '../http/problem';
import { mergeRecord } from './merge';
import { mergeConcurrentPlan } from './plan-merge';
import { ledgerInsert, payloadHash, type LedgerEntry } from './ledger';
import { PushBatch } from './push-batch';

/** A device clock may run ahead of the server's by this much before it is pulled back. */
const CLOCK_TOLERANCE_MS = 60_000;

const applyOne = async (
  tx: Queryable,
  session: Session,
  m: PushMutation,
  batch: PushBatch,
): Promise<PushResult> => {
  const reject = (code: RejectCode): PushResult => ({
    mutationId: m.mutationId,
    status: 'rejected',
    code,
  });
  const parsed = RECORD_SCHEMAS[m.type].safeParse(m.record);
  if (!parsed.success) return reject('invalid');
  const record = parsed.data as AnyRecord & Record<string, unknown>;
  const { user } = session;
  if (!user.teamId || (user.role !== 'worker' && user.role !== 'supervisor'))
    return reject('forbidden');
  const existing = await batch.find(record.id);
  const householdId = householdIdOf(m.type, record);

  if (m.type === 'enrolment' && user.role === 'worker') {
    // Assigning a case is a supervisor's decision.
    const assigned = (record as { workerId: string }).workerId;
    const before = existing?.data.workerId;
    if (existing ? before !== assigned : assigned !== user.id) return reject('forbidden');
  }
  if (m.type === 'planReview' && !existing) {
    // A comment is signed by its author; only a supervisor signs a plan off.
    const review = record as { authorId: string; signedOff: boolean };
    if (review.authorId !== user.id) return reject('forbidden');
    if (review.signedOff && user.role !== 'supervisor') return reject('forbidden');
    const plan = await batch.find((record as { planId: string }).planId);
    if (!plan || plan.household_id !== householdId) return reject('invalid');
  }
  // The household left this user's scope after they edited it offline: keep the edit for a
  // supervisor instead of applying it or dropping it.
  const quarantine = async (): Promise<PushResult> => {
    const household = await batch.find(householdId);
    if (!household || household.team_id !== user.teamId) return reject('forbidden');
    await tx.query(
      `INSERT INTO sync_quarantine (team_id, household_id, record_type, record, user_id, device_id)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6)`,
      [user.teamId, householdId, m.type, JSON.stringify(record), user.id, session.deviceId],
    );
    return reject('quarantined');
  };
  if (existing) {
    // Ownership fields never move: a record stays in its household, a household in its team.
    if (existing.household_id !== householdId || existing.data.id !== record.id)
      return reject('forbidden');
    if (!(await batch.mayWrite(householdId))) return quarantine();
  } else if (m.type === 'household') {
    if ((record as { teamId?: string }).teamId !== user.teamId) return reject('forbidden');
  } else if (!(await batch.mayWrite(householdId))) {
    return quarantine();
  }
  if (
    existing &&
    m.type === 'household' &&
    existing.data.teamId !== (record as { teamId?: string }).teamId
  ) {
    return reject('forbidden');
  }

  let toStore: Record<string, unknown> = record;
  let conflicts: PushResult['conflicts'];
  if (existing && APPEND_ONLY_TYPES.has(m.type)) {
    // Contacts and plan revisions are never rewritten; the same content again is a no-op.
    return deepEqual(existing.data, record)
      ? { mutationId: m.mutationId, status: 'applied' }
      : reject('immutable');
  }
  // When the change was made: the device's hybrid clock, never far ahead of the server's;
  // an old app without one gets the moment of arrival.
  const serverNow = Date.now();
  const incoming = m.hlc
    ? clampHlc(m.hlc, serverNow, CLOCK_TOLERANCE_MS).hlc
    : encodeHlc(serverNow, 0, 'server');
  let fieldClock: Record<string, Hlc> = Object.fromEntries(
    Object.keys(record).map((k) => [k, incoming]),
  );
  if (existing) {
    const merge = mergeRecord(existing.data, record, m.base, {
      fields: existing.field_clock ?? {},
      incoming,
    });
    fieldClock = merge.fields;
    const valid = RECORD_SCHEMAS[m.type].safeParse(merge.merged);
    if (!valid.success) return reject('invalid');
    toStore = valid.data as Record<string, unknown>;
    for (const c of merge.conflicts) {
      await tx.query(
        `INSERT INTO sync_conflicts (record_id, record_type, team_id, field, losing_value, winning_value, user_id, device_id)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)`,
        [
          record.id,
          m.type,
          existing.team_id,
          c.field,
          JSON.stringify(c.losing ?? null),
          JSON.stringify(c.winning ?? null),
          user.id,
          session.deviceId,
        ],
      );
    }
    if (merge.conflicts.length) conflicts = merge.conflicts.map((c) => c.field);
  }
  batch.store(m.type, toStore as AnyRecord, fieldClock, householdId);
  if (m.type === 'plan' && !existing) {
    // The merge reads the stored revisions: this one must be among them.
    await batch.flush();
    await mergeConcurrentPlan(tx, user.teamId, record as Plan);
  }
  return conflicts
    ? { mutationId: m.mutationId, status: 'applied', conflicts }
    : { mutationId: m.mutationId, status: 'applied' };
};

/**
 * Applies a batch of outbox mutations in one transaction and answers only after it commits.
 * Each mutation is applied exactly once per device: a retried one gets its stored result.
 * A bad mutation is rejected on its own and never blocks the rest of the batch.
 */
export const registerPushRoute = (app: FastifyInstance, db: Database) => {
  app.post('/api/sync/push', async (request) => {
    const session = await authenticate(db, request);
    const parsed = PushRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    const { mutations } = parsed.data;
    const results = await db.transaction(async (tx) => {
      const batch = new PushBatch(tx, session);
      // What this device sent before, the records named and the access: one statement.
      const ledger = await batch.prefetch(session.deviceId, mutations);
      const out: PushResult[] = [];
      const events: AuditEvent[] = [];
      const recorded: LedgerEntry[] = [];
      for (const m of mutations) {
        const hash = payloadHash(m);
        const seen = ledger.get(m.mutationId);
        if (seen) {
          out.push(
            seen.hash === hash
              ? seen.result
              : { mutationId: m.mutationId, status: 'rejected', code: 'payload_mismatch' },
          );
          continue;
        }
        const result = await applyOne(tx, session, m, batch);
        events.push({
          userId: session.user.id,
          deviceId: session.deviceId,
          action: result.status === 'applied' ? 'change' : 'refused',
          recordType: m.type,
          recordId: isUuid(m.record.id) ? m.record.id : null,
        });
        const entry = { id: m.mutationId, hash, result };
        ledger.set(m.mutationId, entry);
        recorded.push(entry);
        out.push(result);
      }
      // The records, their audit rows and the ledger rows: one statement.
      if (recorded.length)
        await batch.flush(auditInsert(events), ledgerInsert(session.deviceId, recorded));
      else await batch.flush();
      return out;
    });
    return { results };
  });
};
