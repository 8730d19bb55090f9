import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AnonymiseRequest,
  DEFAULT_RETENTION_YEARS,
  ReportPeriod,
  type AnonymiseResult,
  type PseudonymisedExport,
  type RetentionList,
  type SubjectExport,
} from '../../src/core';
import { mayExportCase } from '../access/households';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { isUuid } from '../http/ids';
import { HttpProblem } from '../http/problem';
import { anonymiseDue } from './anonymise';
import { auditGdpr } from './gdpr-audit';
import { pseudonymisedExport, pseudonymKey } from './pseudonymised';
import { dueCases } from './retention';
import { subjectExport } from './subject-export';

/**
 * GDPR helpers (docs/security.md item 15): closed cases past their retention date, their
 * anonymisation once a manager approves it, one household's data for a subject-access
 * request, and a pseudonymised export for evaluators. Every use is audited.
 */
export const registerGdprRoutes = (
  app: FastifyInstance,
  db: Database,
  opts: { retentionYears?: number; pseudonymKey?: string | undefined },
) => {
  const years = opts.retentionYears ?? DEFAULT_RETENTION_YEARS;
  const manager = async (request: FastifyRequest): Promise<Session> => {
    const session = await authenticate(db, request);
    if (session.user.role !== 'manager') throw new HttpProblem(403, 'forbidden');
    return session;
  };

  app.get('/api/gdpr/retention', async (request): Promise<RetentionList> => {
    const session = await manager(request);
    const cases = await dueCases(db, null, years);
    await auditGdpr(db, session, 'export', 'retention');
    return { retentionYears: years, cases };
  });

  app.post('/api/gdpr/anonymise', async (request): Promise<AnonymiseResult> => {
    const session = await manager(request);
    const body = AnonymiseRequest.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    return anonymiseDue(db, session, [...new Set(body.data.householdIds)], years);
  });

  app.get('/api/gdpr/subject/:id', async (request): Promise<SubjectExport> => {
    const session = await authenticate(db, request);
    const { id } = request.params as { id?: string };
    if (!isUuid(id)) throw new HttpProblem(404, 'not_found');
    if (!(await mayExportCase(db, session.user, id))) throw new HttpProblem(403, 'forbidden');
    const found = await subjectExport(db, id);
    if (!found) throw new HttpProblem(404, 'not_found');
    await auditGdpr(db, session, 'export', 'household', id);
    return found;
  });

  app.get('/api/exports/pseudonymised', async (request): Promise<PseudonymisedExport> => {
    const session = await manager(request);
    const parsed = ReportPeriod.safeParse(request.query);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    const key = await pseudonymKey(db, opts.pseudonymKey);
    const found = await pseudonymisedExport(db, key, parsed.data);
    await auditGdpr(db, session, 'export', 'pseudonymised');
    return found;
  });
};
