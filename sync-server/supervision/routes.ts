import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  APPEND_ONLY_TYPES,
  deepEqual,
  householdIdOf,
  RECORD_SCHEMAS,
  ResolveConflict,
  ResolveQuarantine,
  type AnyRecord,
  type Hlc,
  type Plan,
  type RecordType,
  SyncIssuesQuery,
  type SyncIssues,
} from '../../src/core';
import { audit } from '../audit/audit';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database, Queryable } from '../db/database';
import { HttpProblem } from '../http/problem';
import { mergeConcurrentPlan } from '../sync/plan-merge';
import { checkReferences, storedLookup } from '../sync/push-checks';
import { laterThan } from '../sync/server-clock';
import { findRecord, lockKeys, storeRecords } from '../sync/store-records';

/**
 * Takes the locks a push takes for this record (its id and its household's), so a decision
 * and a push of the same record never merge on each other's stale copy. A record's household
 * never changes, so it can be read before the lock.
 */
const lockRecordAndHousehold = async (tx: Queryable, recordId: string) => {
  const [row] = await tx.query<{ household_id: string }>(
    'SELECT household_id FROM records WHERE id = $1',
    [recordId],
  );
  await lockKeys(tx, row ? [recordId, row.household_id] : [recordId]);
};

const ID = /^\d{1,18}$/;

/**
 * The team supervisor's view of what sync could not settle alone: values that lost a
 * concurrent edit, and offline edits to cases their author had lost. Each is resolved by a
 * person, the decision is logged, and a record changed by it syncs to every device.
 */
export const registerSupervisionRoutes = (app: FastifyInstance, db: Database) => {
  const supervisor = async (request: FastifyRequest): Promise<Session & { teamId: string }> => {
    const session = await authenticate(db, request);
    const { role, teamId } = session.user;
    if (role !== 'supervisor' || !teamId) throw new HttpProblem(403, 'forbidden');
    return { ...session, teamId };
  };
  const idParam = (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    if (!id || !ID.test(id)) throw new HttpProblem(404, 'not_found');
    return id;
  };
  const logResolve = (tx: Queryable, s: Session, recordType: string, recordId: string | null) =>
    audit(tx, [
      { userId: s.user.id, deviceId: s.deviceId, action: 'resolve', recordType, recordId },
    ]);

  app.get('/api/supervision/issues', async (request): Promise<SyncIssues> => {
    const session = await supervisor(request);
    const query = SyncIssuesQuery.safeParse(request.query);
    if (!query.success) throw new HttpProblem(400, 'invalid_request');
    const { limit, conflictsAfter = '0', quarantineAfter = '0' } = query.data;
    const conflicts = await db.query<SyncIssues['conflicts'][number]>(
      `SELECT c.id::text AS id, c.record_id AS "recordId", c.record_type AS "recordType",
              r.household_id AS "householdId", c.field, c.losing_value AS losing,
              r.data -> c.field AS current, c.user_id AS "userId",
              to_json(c.created_at) #>> '{}' AS "createdAt"
         FROM sync_conflicts c JOIN records r ON r.id = c.record_id
        WHERE c.team_id = $1 AND c.resolved_at IS NULL AND c.id > $2::bigint
        ORDER BY c.id LIMIT $3`,
      [session.teamId, conflictsAfter, limit],
    );
    const quarantine = await db.query<SyncIssues['quarantine'][number]>(
      `SELECT q.id::text AS id, q.record_type AS "recordType", q.household_id AS "householdId",
              q.record, q.user_id AS "userId", to_json(q.created_at) #>> '{}' AS "createdAt",
              q.reason
         FROM sync_quarantine q
        WHERE q.team_id = $1 AND q.resolved_at IS NULL AND q.id > $2::bigint
        ORDER BY q.id LIMIT $3`,
      [session.teamId, quarantineAfter, limit],
    );
    const [totals] = await db.query<{ conflicts: number; quarantine: number }>(
      `SELECT (SELECT count(*)::int FROM sync_conflicts c JOIN records r ON r.id = c.record_id
                WHERE c.team_id = $1 AND c.resolved_at IS NULL) AS conflicts,
              (SELECT count(*)::int FROM sync_quarantine
                WHERE team_id = $1 AND resolved_at IS NULL) AS quarantine`,
      [session.teamId],
    );
    return {
      conflicts: conflicts.map((c) => ({
        ...c,
        losing: c.losing ?? null,
        current: c.current ?? null,
      })),
      quarantine,
      totals: totals ?? { conflicts: 0, quarantine: 0 },
    };
  });

  app.post('/api/supervision/conflicts/:id/resolve', async (request) => {
    const session = await supervisor(request);
    const id = idParam(request);
    const body = ResolveConflict.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    return db.transaction(async (tx) => {
      // The record's locks come before any row lock, in the order a push and an
      // anonymisation take them, so none of them waits on another in a cycle.
      const [seen] = await tx.query<{ record_id: string }>(
        'SELECT record_id FROM sync_conflicts WHERE id = $1 AND team_id = $2',
        [id, session.teamId],
      );
      if (!seen) throw new HttpProblem(404, 'not_found');
      await lockRecordAndHousehold(tx, seen.record_id);
      const [row] = await tx.query<{
        record_id: string;
        record_type: RecordType;
        field: string;
        losing_value: unknown;
      }>(
        `SELECT record_id, record_type, field, losing_value FROM sync_conflicts
          WHERE id = $1 AND team_id = $2 AND resolved_at IS NULL FOR UPDATE`,
        [id, session.teamId],
      );
      if (!row) throw new HttpProblem(404, 'not_found');
      if (body.data.action === 'restore') {
        const stored = await findRecord(tx, row.record_id);
        if (!stored || stored.team_id !== session.teamId) throw new HttpProblem(404, 'not_found');
        const restored = RECORD_SCHEMAS[row.record_type].safeParse({
          ...stored.data,
          [row.field]: row.losing_value,
          updatedAt: new Date().toISOString(),
        });
        if (!restored.success) throw new HttpProblem(409, 'conflict');
        await storeRecords(tx, session.teamId, [
          {
            type: row.record_type,
            record: restored.data as AnyRecord,
            fieldClock: {
              ...stored.field_clock,
              [row.field]: laterThan(stored.field_clock[row.field]),
            },
          },
        ]);
      }
      await tx.query(
        `UPDATE sync_conflicts SET resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1`,
        [id, session.user.id, body.data.action],
      );
      await logResolve(tx, session, row.record_type, row.record_id);
      return { ok: true };
    });
  });

  app.post('/api/supervision/quarantine/:id/resolve', async (request) => {
    const session = await supervisor(request);
    const id = idParam(request);
    const body = ResolveQuarantine.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    return db.transaction(async (tx) => {
      // Locks first, as in the conflict route above.
      const [seen] = await tx.query<{ household_id: string; record_id: string | null }>(
        `SELECT household_id, record ->> 'id' AS record_id FROM sync_quarantine
          WHERE id = $1 AND team_id = $2`,
        [id, session.teamId],
      );
      if (!seen) throw new HttpProblem(404, 'not_found');
      await lockKeys(tx, [seen.household_id, ...(seen.record_id ? [seen.record_id] : [])]);
      const [row] = await tx.query<{ record_type: RecordType; record: Record<string, unknown> }>(
        `SELECT record_type, record FROM sync_quarantine
          WHERE id = $1 AND team_id = $2 AND resolved_at IS NULL FOR UPDATE`,
        [id, session.teamId],
      );
      if (!row) throw new HttpProblem(404, 'not_found');
      const type = row.record_type;
      const parsed = RECORD_SCHEMAS[type].safeParse(row.record);
      if (!parsed.success) throw new HttpProblem(409, 'conflict');
      const record = parsed.data as AnyRecord & Record<string, unknown>;
      if (body.data.action === 'apply') {
        const householdId = householdIdOf(type, record);
        const stored = await findRecord(tx, record.id);
        const household = await findRecord(tx, householdId);
        // The case may have moved to another team since: not this supervisor's to change.
        // Applying runs the push's checks too: a held or handed-over record is what a device
        // sent, and nothing in it is trusted (one moved a colleague's record).
        if ((stored && stored.team_id !== session.teamId) || household?.team_id !== session.teamId)
          throw new HttpProblem(409, 'conflict');
        if (stored && (stored.type !== type || stored.household_id !== householdId))
          throw new HttpProblem(409, 'conflict');
        if (type === 'household' && record.teamId !== session.teamId)
          throw new HttpProblem(409, 'conflict');
        if (
          await checkReferences(
            storedLookup(tx, session.teamId),
            session.user,
            type,
            record,
            householdId,
          )
        )
          throw new HttpProblem(409, 'conflict');
        if (stored && APPEND_ONLY_TYPES.has(type)) {
          if (!deepEqual(stored.data, record)) throw new HttpProblem(409, 'conflict');
        } else {
          const now = new Date().toISOString();
          const merged = RECORD_SCHEMAS[type].safeParse(
            stored ? { ...stored.data, ...record, updatedAt: now } : record,
          );
          if (!merged.success) throw new HttpProblem(409, 'conflict');
          const clock: Record<string, Hlc> = { ...(stored?.field_clock ?? {}) };
          for (const k of Object.keys(record)) clock[k] = laterThan(clock[k]);
          await storeRecords(tx, session.teamId, [
            { type, record: merged.data as AnyRecord, fieldClock: clock },
          ]);
          if (type === 'plan' && !stored)
            await mergeConcurrentPlan(tx, session.teamId, merged.data as Plan);
        }
      }
      await tx.query(
        `UPDATE sync_quarantine SET resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1`,
        [id, session.user.id, body.data.action],
      );
      await logResolve(tx, session, type, record.id);
      return { ok: true };
    });
  });
};
