import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aHousehold } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, testApp } from './helpers/app';

describe.each(BACKENDS)('audit log on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let token = '';
  let userId = '';
  let deviceId = '';
  let teamId = '';
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    const res = await login(app, 'vedouci');
    token = res.body.token;
    userId = res.body.user.id;
    teamId = res.body.user.teamId as string;
    deviceId = res.deviceId;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });
  const headers = () => ({
    authorization: `Bearer ${token}`,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  });

  it('logs logins, and failed ones, by user and device', async () => {
    await login(app, 'vedouci', 'wrong');
    const rows = await db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE user_id = $1 ORDER BY id',
      [userId],
    );
    expect(rows.map((r) => r.action)).toEqual(['login', 'login_failed']);
  });

  it('logs every change pushed, with who, which device and which record, never the content', async () => {
    const h = aHousehold({ teamId, note: 'citlivá poznámka' });
    await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: headers(),
      payload: { mutations: [{ mutationId: newId(), type: 'household', record: h, base: null }] },
    });
    const rows = await db.query<Record<string, unknown>>(
      "SELECT * FROM audit_log WHERE action = 'change'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: userId,
      device_id: deviceId,
      record_type: 'household',
      record_id: h.id,
    });
    expect(JSON.stringify(rows)).not.toContain('citlivá');
  });

  it('takes views made offline from the device once, however often they are uploaded', async () => {
    const event = {
      id: newId(),
      action: 'view',
      recordType: 'household',
      recordId: newId(),
      at: '2026-11-20T08:00:00.000Z',
    };
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/audit',
        headers: headers(),
        payload: { events: [event] },
      });
      expect(res.json()).toEqual({ received: [event.id] });
    }
    const rows = await db.query<{ occurred_at: Date | string; user_id: string }>(
      'SELECT occurred_at, user_id FROM audit_log WHERE record_id = $1',
      [event.recordId],
    );
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]?.occurred_at as string).toISOString()).toBe(event.at);
    expect(rows[0]?.user_id).toBe(userId);
  });

  it('cannot be changed or deleted, even by the server', async () => {
    await expect(db.query("UPDATE audit_log SET action = 'view'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
