import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type LoginResponse,
  type PushMutation,
  type PushResult,
} from '../../../src/core';
import { buildApp } from '../../../sync-server/app';
import type { Database } from '../../../sync-server/db/database';

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
