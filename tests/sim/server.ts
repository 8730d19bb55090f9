import type { FastifyInstance } from 'fastify';
import { newId } from '../../src/core';
import { buildApp } from '../../sync-server/app';
import type { Database } from '../../sync-server/db/database';
import { DEMO_PASSWORD } from '../../sync-server/seed/demo';
import type { Identity } from './device';

/** A server instance over `db`, as the simulated devices talk to it (in process). */
export const appFor = (db: Database) =>
  buildApp(db, {
    staticDir: '/nonexistent',
    hsts: false,
    sessionHours: 24,
    maxFailedLogins: 5,
    lockoutMinutes: 1,
    bodyLimitBytes: 2 * 1024 * 1024,
  });

/** Signs a demo user in on a new simulated device. */
export const signIn = async (app: FastifyInstance, username: string): Promise<Identity> => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD, deviceId: newId(), deviceName: 'sim' },
  });
  const body = res.json() as { token: string; user: { id: string; teamId: string } };
  return { username, token: body.token, userId: body.user.id, teamId: body.user.teamId };
};
