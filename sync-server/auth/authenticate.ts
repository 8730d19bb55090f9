import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import { findSession, type Session } from './sessions';

/** Every API route but login calls this first; the client is never trusted. */
export const authenticate = async (db: Database, request: FastifyRequest): Promise<Session> => {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  if (!match?.[1]) throw new HttpProblem(401, 'unauthorized');
  const found = await findSession(db, match[1]);
  if (found.ok) return found.session;
  // A disabled user or revoked device is told so with its own code, the only answer on which
  // the app wipes its local data (any other 403, say from a proxy, must never do that).
  if (found.reason === 'blocked') throw new HttpProblem(403, 'revoked');
  throw new HttpProblem(401, found.reason === 'expired' ? 'session_expired' : 'unauthorized');
};
