import type { FastifyInstance } from 'fastify';
import { AuditUpload } from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import { audit } from './audit';

export const registerAuditRoutes = (app: FastifyInstance, db: Database) => {
  // Who and which device come from the session, never from the body.
  app.post('/api/sync/audit', async (request) => {
    const session = await authenticate(db, request);
    const parsed = AuditUpload.safeParse(request.body);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    await audit(
      db,
      parsed.data.events.map((e) => ({
        userId: session.user.id,
        deviceId: session.deviceId,
        action: e.action,
        recordType: e.recordType,
        recordId: e.recordId,
        occurredAt: e.at,
        eventId: e.id,
      })),
    );
    return { received: parsed.data.events.map((e) => e.id) };
  });
};
