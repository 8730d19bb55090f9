import type { FastifyInstance } from 'fastify';
import { HandOverRequest, jsonFault, type PushResult } from '../../src/core';
import { audit } from '../audit/audit';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database, Queryable } from '../db/database';
import { isUuid } from '../http/ids';
import { HttpProblem } from '../http/problem';
import { holdForSupervisor } from './hold';
import { payloadHash } from './ledger';
import { lockKeys } from './store-records';

/**
 * Why the server refused this very change, from its ledger: only a change this device pushed
 * and had refused (not held for the supervisor already) can be handed over, exactly as pushed.
 */
const refusalOf = async (tx: Queryable, session: Session, body: HandOverRequest) => {
  const [entry] = await tx.query<{ payload_hash: string; result: PushResult }>(
    'SELECT payload_hash, result FROM sync_ledger WHERE device_id = $1 AND mutation_id = $2',
    [session.deviceId, body.mutationId],
  );
  const { result } = entry ?? {};
  if (!entry || result?.status !== 'rejected' || result.code === 'quarantined') return null;
  if (entry.payload_hash !== payloadHash({ ...body, hlc: undefined })) return null;
  return result.reason ?? result.code ?? 'invalid';
};

/** Into the supervisor's list; a retry of the same hand-over changes nothing. */
const keep = async (tx: Queryable, session: Session, body: HandOverRequest, why: string) => {
  const { user, deviceId } = session;
  const householdId = body.type === 'household' ? body.record.id : body.record.householdId;
  const kept = await holdForSupervisor(tx, {
    teamId: user.teamId ?? '',
    householdId: String(householdId),
    type: body.type,
    record: body.record,
    userId: user.id,
    deviceId,
    handedOver: { reason: why, mutationId: body.mutationId },
  });
  if (!kept) return;
  const recordId = isUuid(body.record.id) ? body.record.id : null;
  await audit(tx, [
    { userId: user.id, deviceId, action: 'refused', recordType: body.type, recordId },
  ]);
};

/**
 * A change the server refused is not a dead end: its author may hand it to the
 * team's supervisor, who sees it with the held-back edits and why it was refused, and who
 * may apply it only through the push's own checks (supervision/routes.ts). Only into a
 * household of the author's team that has not been anonymised.
 */
export const registerHandOverRoute = (app: FastifyInstance, db: Database) => {
  app.post('/api/sync/hand-over', async (request) => {
    const session = await authenticate(db, request);
    const { user } = session;
    if (!user.teamId || (user.role !== 'worker' && user.role !== 'supervisor'))
      throw new HttpProblem(403, 'forbidden');
    const parsed = HandOverRequest.safeParse(request.body);
    if (!parsed.success || jsonFault(parsed.data.record) || jsonFault(parsed.data.base))
      throw new HttpProblem(400, 'invalid_request');
    const body = parsed.data;
    const householdId = body.type === 'household' ? body.record.id : body.record.householdId;
    if (!isUuid(householdId)) throw new HttpProblem(400, 'invalid_request');
    await db.transaction(async (tx) => {
      // As a push into this household would: an anonymisation meanwhile is seen.
      await lockKeys(tx, [householdId]);
      const [household] = await tx.query<{ team_id: string; anonymised: boolean }>(
        `SELECT team_id, EXISTS (SELECT 1 FROM anonymisations a WHERE a.household_id = r.id) AS anonymised
           FROM records r WHERE r.id = $1 AND r.type = 'household'`,
        [householdId],
      );
      // Another team's household, one the server never had, or one anonymised: not kept.
      if (household?.team_id !== user.teamId || household.anonymised)
        throw new HttpProblem(403, 'forbidden');
      const why = await refusalOf(tx, session, body);
      if (!why) throw new HttpProblem(409, 'conflict');
      await keep(tx, session, body, why);
    });
    return { ok: true };
  });
};
