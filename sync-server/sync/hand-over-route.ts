import type { FastifyInstance } from 'fastify';
import { HandOverRequest, jsonFault, MAX_UNKNOWN_FIELDS_BYTES } from '../../src/core';
import { audit } from '../audit/audit';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/database';
import { isUuid } from '../http/ids';
import { HttpProblem } from '../http/problem';

/** A handed-over record is kept as sent; this bounds what one may weigh. */
const MAX_HAND_OVER_BYTES = 64 * 1024 + MAX_UNKNOWN_FIELDS_BYTES;

/**
 * A change the server refused is not a dead end (issue 17): its author may hand it to the
 * team's supervisor, who sees it with the held-back edits and why it was refused. Only into
 * a household of the author's own team; a retry of the same hand-over changes nothing.
 */
export const registerHandOverRoute = (app: FastifyInstance, db: Database) => {
  app.post('/api/sync/hand-over', async (request) => {
    const session = await authenticate(db, request);
    const { user } = session;
    if (!user.teamId || (user.role !== 'worker' && user.role !== 'supervisor'))
      throw new HttpProblem(403, 'forbidden');
    const body = HandOverRequest.safeParse(request.body);
    if (!body.success || jsonFault(body.data.record)) throw new HttpProblem(400, 'invalid_request');
    const { mutationId, type, record, reason } = body.data;
    if (JSON.stringify(record).length > MAX_HAND_OVER_BYTES)
      throw new HttpProblem(413, 'too_large');
    const householdId = type === 'household' ? record.id : record.householdId;
    if (!isUuid(householdId)) throw new HttpProblem(400, 'invalid_request');
    const [household] = await db.query<{ team_id: string }>(
      `SELECT team_id FROM records WHERE id = $1 AND type = 'household'`,
      [householdId],
    );
    // A household of another team, or one the server never had: nobody here to hand it to.
    if (household?.team_id !== user.teamId) throw new HttpProblem(403, 'forbidden');
    await db.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO sync_quarantine
           (team_id, household_id, record_type, record, user_id, device_id, reason, mutation_id)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
         ON CONFLICT (device_id, mutation_id) WHERE mutation_id IS NOT NULL DO NOTHING
         RETURNING 1`,
        [
          user.teamId,
          householdId,
          type,
          JSON.stringify(record),
          user.id,
          session.deviceId,
          reason,
          mutationId,
        ],
      );
      if (rows.length)
        await audit(tx, [
          {
            userId: user.id,
            deviceId: session.deviceId,
            action: 'refused',
            recordType: type,
            recordId: isUuid(record.id) ? record.id : null,
          },
        ]);
    });
    return { ok: true };
  });
};
