import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonFault, MIN_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src/core';
import { registerAdminRoutes } from './admin/routes';
import { registerAuditRoutes } from './audit/routes';
import { registerAuthRoutes } from './auth/routes';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { HttpProblem, sendProblem } from './http/problem';
import { registerSecurityHeaders } from './http/security-headers';
import { registerGdprRoutes } from './gdpr/routes';
import { registerSupervisionRoutes } from './supervision/routes';
import { registerReportRoutes } from './reports/indicators';
import { registerCatalogRoute } from './rules/catalog';
import { registerRuleRoutes } from './rules/routes';
import { registerPullRoute } from './sync/pull-route';
import { registerHandOverRoute } from './sync/hand-over-route';
import { registerPushRoute } from './sync/push-route';

export type AppOptions = Pick<
  ServerConfig,
  'staticDir' | 'hsts' | 'sessionHours' | 'maxFailedLogins' | 'lockoutMinutes' | 'bodyLimitBytes'
> &
  Partial<
    Pick<
      ServerConfig,
      | 'maxFailedPerAddress'
      | 'trustProxy'
      | 'offlineDays'
      | 'inactivityMinutes'
      | 'retentionYears'
      | 'pseudonymKey'
    >
  > & { logger?: boolean };

// Request logs carry method, route and status only: never bodies, queries or tokens.
const requestLogger = {
  serializers: {
    req: (req: { method: string; routeOptions?: { url?: string } }) => ({
      method: req.method,
      url: req.routeOptions?.url ?? 'unmatched',
    }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
};

const registerErrorHandler = (app: FastifyInstance) =>
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, error.status, error.code);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      // Read the rest of the body and drop it: a socket closed with unread data is reset, and
      // the client, still sending, would see a cut connection instead of this answer.
      request.raw.resume();
      return sendProblem(reply.header('connection', 'close'), 413, 'too_large');
    }
    if (status >= 400 && status < 500) return sendProblem(reply, 400, 'invalid_request');
    // Details go to the server log (without the request body), the caller learns nothing.
    const err = error instanceof Error ? { message: error.message, stack: error.stack } : {};
    request.log.error({ err }, 'request failed');
    return sendProblem(reply, 500, 'internal');
  });

const registerInputChecks = (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/sync/')) return;
    const version = Number(request.headers[PROTOCOL_HEADER]);
    if (!Number.isInteger(version) || version < MIN_PROTOCOL_VERSION) {
      throw new HttpProblem(426, 'update_required');
    }
    if (version > PROTOCOL_VERSION) throw new HttpProblem(400, 'protocol_unsupported');
  });

  // Text PostgreSQL cannot store (a NUL, a lone surrogate) or nesting a reader cannot walk is
  // a bad request, not a database error. A push checks each mutation on its own
  // instead, so one bad record never fails its batch.
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url === '/api/sync/push') return;
    if (jsonFault(request.query) ?? jsonFault(request.params) ?? jsonFault(request.body, 64))
      throw new HttpProblem(400, 'invalid_request');
  });
};

const registerApiRoutes = (app: FastifyInstance, db: Database, opts: AppOptions) => {
  app.get('/api/health', async () => ({ ok: true, database: db.kind }));
  registerAuthRoutes(app, db, opts);
  registerPullRoute(app, db);
  registerPushRoute(app, db);
  registerHandOverRoute(app, db);
  registerRuleRoutes(app, db);
  registerCatalogRoute(app, db);
  registerAuditRoutes(app, db);
  registerAdminRoutes(app, db);
  registerReportRoutes(app, db);
  registerSupervisionRoutes(app, db);
  registerGdprRoutes(app, db, opts);
};

/** The built app, if there is one; whether it was found. */
const registerStaticApp = async (app: FastifyInstance, staticDir: string) => {
  if (!existsSync(join(staticDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: staticDir,
    index: ['index.html'],
    cacheControl: false,
    // The service worker and the page must be revalidated so updates are found;
    // hashed assets never change and may be cached for good.
    setHeaders: (res, path) => {
      if (/[/\\]assets[/\\]/.test(path)) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'no-cache');
      }
    },
  });
  return true;
};

const registerNotFound = (app: FastifyInstance, hasApp: boolean) =>
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    // Deep links such as /households/123 are routes of the single-page app.
    if (hasApp && wantsPage)
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    return sendProblem(reply, 404, 'not_found');
  });

export const buildApp = async (db: Database, opts: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    bodyLimit: opts.bodyLimitBytes,
    logger: opts.logger ? requestLogger : false,
    trustProxy: opts.trustProxy ?? false,
  });
  registerSecurityHeaders(app, { hsts: opts.hsts });
  registerErrorHandler(app);
  registerInputChecks(app);
  registerApiRoutes(app, db, opts);
  registerNotFound(app, await registerStaticApp(app, opts.staticDir));
  return app;
};
