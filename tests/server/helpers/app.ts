import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type LoginResponse,
  type PushMutation,
  type PushResult,
} from '../../../src/core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../../sync-server/app';
import type { Database } from '../../../sync-server/db/database';
import { seedDemo } from '../../../sync-server/seed/demo';
import type { Backend } from './databases';

export const testApp = (db: Database, staticDir = '/nonexistent', maxFailedPerAddress = 1000) =>
  buildApp(db, {
    staticDir,
    maxFailedPerAddress,
    hsts: false,
    sessionHours: 24,
    maxFailedLogins: 3,
    lockoutMinutes: 15,
    bodyLimitBytes: 64 * 1024,
  });

export const login = async (
  app: FastifyInstance,
  username: string,
  password = 'teren-demo',
  deviceId: string = randomUUID(),
) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, deviceId },
  });
  return { res, body: res.json() as LoginResponse, deviceId };
};

export const pull = (
  app: FastifyInstance,
  token: string,
  cursor = '0',
  limit = 1000,
  /** More of the query string, e.g. a first sync's part. */
  more = '',
) =>
  app.inject({
    method: 'GET',
    url: `/api/sync/pull?cursor=${cursor}&limit=${limit}${more}`,
    headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
  });

/** Pulls every page; returns the records and how many requests it took. */
export const pullEverything = async (
  app: FastifyInstance,
  token: string,
  limit = 1000,
  more = '',
) => {
  const records: { type: string; record: Record<string, unknown> }[] = [];
  let cursor = '0';
  let requests = 0;
  for (;;) {
    const res = await pull(app, token, cursor, limit, more);
    requests++;
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode}`);
    const body = res.json() as { cursor: string; hasMore: boolean; changes: typeof records };
    records.push(...body.changes);
    cursor = body.cursor;
    if (!body.hasMore) return { records, requests, cursor };
  }
};

/** Sends outbox mutations as the app does, for the token's user and device. */
export const pushAs = (app: FastifyInstance, token: string, mutations: PushMutation[]) =>
  app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    payload: { mutations },
  });

/** The per-mutation results of a push. */
export const pushResults = async (app: FastifyInstance, token: string, mutations: PushMutation[]) =>
  ((await pushAs(app, token, mutations)).json() as { results: PushResult[] }).results;

/** A demo user signed in on a device of their own. */
export type SignedIn = { token: string; id: string; teamId: string };

/**
 * For a describe block: a fresh database of this backend with the demo data, the app on it,
 * and these demo users signed in; filled in before the block's tests, closed after them.
 */
export const useSeededApp = (backend: Backend, usernames: readonly string[]) => {
  const world = {
    db: undefined as unknown as Database,
    app: undefined as unknown as FastifyInstance,
    users: new Map<string, SignedIn>(),
    /** The signed-in user (a test naming one it did not sign in is a mistake in the test). */
    as(username: string): SignedIn {
      const found = world.users.get(username);
      if (!found) throw new Error(`${username} is not signed in in this test`);
      return found;
    },
  };
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ db: world.db, drop } = await backend.open());
    await seedDemo(world.db);
    world.app = await testApp(world.db);
    for (const u of usernames) {
      const { body } = await login(world.app, u);
      world.users.set(u, { token: body.token, id: body.user.id, teamId: body.user.teamId ?? '' });
    }
  });
  afterAll(async () => {
    await world.app.close();
    await drop();
  });
  return world;
};
