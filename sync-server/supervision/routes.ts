import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ResolveConflict,
  ResolveQuarantine,
  SyncIssuesQuery,
  type SyncIssues,
} from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import type { Supervisor } from './decisions';
import { listIssues } from './issues';
import { resolveConflict } from './resolve-conflict';
import { resolveQuarantine } from './resolve-quarantine';

const ID = /^\d{1,18}$/;

const idParam = (request: FastifyRequest) => {
  const { id } = request.params as { id?: string };
  if (!id || !ID.test(id)) throw new HttpProblem(404, 'not_found');
  return id;
};

/**
 * The team supervisor's view of what sync could not settle alone: values that lost a
 * concurrent edit, and offline edits to cases their author had lost. Each is resolved by a
 * person, the decision is logged, and a record changed by it syncs to every device.
 */
export const registerSupervisionRoutes = (app: FastifyInstance, db: Database) => {
  const supervisor = async (request: FastifyRequest): Promise<Supervisor> => {
    const session = await authenticate(db, request);
    const { role, teamId } = session.user;
    if (role !== 'supervisor' || !teamId) throw new HttpProblem(403, 'forbidden');
    return { ...session, teamId };
  };

  app.get('/api/supervision/issues', async (request): Promise<SyncIssues> => {
    const session = await supervisor(request);
    const query = SyncIssuesQuery.safeParse(request.query);
    if (!query.success) throw new HttpProblem(400, 'invalid_request');
    return listIssues(db, session.teamId, query.data);
  });

  app.post('/api/supervision/conflicts/:id/resolve', async (request) => {
    const session = await supervisor(request);
    const id = idParam(request);
    const body = ResolveConflict.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    return resolveConflict(db, session, id, body.data.action);
  });

  app.post('/api/supervision/quarantine/:id/resolve', async (request) => {
    const session = await supervisor(request);
    const id = idParam(request);
    const body = ResolveQuarantine.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    return resolveQuarantine(db, session, id, body.data.action);
  });
};
