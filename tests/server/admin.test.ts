import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AdminDevice, AdminTeam, AdminUser } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from './helpers/databases';
import { login, pull, testApp } from './helpers/app';

describe.each(BACKENDS)('administration on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let adminToken = '';
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    adminToken = (await login(app, 'spravce')).body.token;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });
  const as = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  it('is closed to everyone but admins, on every endpoint', async () => {
    const { body } = await login(app, 'vedouci');
    const id = body.user.id;
    const calls: ['GET' | 'POST' | 'PATCH', string, object?][] = [
      ['GET', '/api/admin/users'],
      [
        'POST',
        '/api/admin/users',
        { username: 'x', name: 'x', role: 'admin', teamId: null, password: 'x'.repeat(12) },
      ],
      ['PATCH', `/api/admin/users/${id}`, { role: 'admin' }],
      ['GET', '/api/admin/teams'],
      ['POST', '/api/admin/teams', { name: 'x' }],
      ['GET', '/api/admin/devices'],
      ['POST', `/api/admin/devices/${id}/revoke`],
    ];
    for (const [method, url, payload] of calls) {
      expect((await as(body.token, method, url, payload)).statusCode, url).toBe(403);
      expect((await app.inject({ method, url })).statusCode, url).toBe(401);
    }
    const [me] = await db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [id]);
    expect(me?.role).toBe('supervisor');
  });

  it('creates a team and a worker who can then sign in', async () => {
    const team = await as(adminToken, 'POST', '/api/admin/teams', { name: 'Tým Poruba' });
    expect(team.statusCode).toBe(201);
    const teamId = (team.json() as { id: string }).id;
    const user = await as(adminToken, 'POST', '/api/admin/users', {
      username: 'Nova.Pracovnice',
      name: 'Nová Pracovnice',
      role: 'worker',
      teamId,
      password: 'dlouhé heslo 2026',
    });
    expect(user.statusCode).toBe(201);
    const signedIn = await login(app, 'nova.pracovnice', 'dlouhé heslo 2026');
    expect(signedIn.body.user).toMatchObject({ role: 'worker', teamName: 'Tým Poruba' });
    const teams = (await as(adminToken, 'GET', '/api/admin/teams')).json() as {
      teams: AdminTeam[];
    };
    expect(teams.teams.find((t) => t.id === teamId)?.members).toBe(1);
    // A short password is refused; a taken username is a conflict.
    expect(
      (
        await as(adminToken, 'POST', '/api/admin/users', {
          username: 'kratke',
          name: 'K',
          role: 'worker',
          teamId,
          password: 'kratke',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await as(adminToken, 'POST', '/api/admin/users', {
          username: 'nova.pracovnice',
          name: 'K',
          role: 'worker',
          teamId,
          password: 'x'.repeat(12),
        })
      ).statusCode,
    ).toBe(409);
  });

  it('disables a user: their devices are refused with the revocation code', async () => {
    const worker = await login(app, 'pracovnik2');
    const users = (await as(adminToken, 'GET', '/api/admin/users')).json() as {
      users: AdminUser[];
    };
    const target = users.users.find((u) => u.username === 'pracovnik2') as AdminUser;
    expect(
      (await as(adminToken, 'PATCH', `/api/admin/users/${target.id}`, { disabled: true }))
        .statusCode,
    ).toBe(200);
    const res = await pull(app, worker.body.token);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'revoked' });
  });

  it('revokes a device: its token is refused with the revocation code, it cannot sign in again', async () => {
    const worker = await login(app, 'pracovnik1');
    const devices = (await as(adminToken, 'GET', '/api/admin/devices')).json() as {
      devices: AdminDevice[];
    };
    expect(devices.devices.find((d) => d.id === worker.deviceId)).toMatchObject({ revoked: false });
    expect(
      (await as(adminToken, 'POST', `/api/admin/devices/${worker.deviceId}/revoke`)).statusCode,
    ).toBe(200);
    expect((await pull(app, worker.body.token)).statusCode).toBe(403);
    expect((await login(app, 'pracovnik1', 'teren-demo', worker.deviceId)).res.statusCode).toBe(
      403,
    );
    const audit = await db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE record_id = $1',
      [worker.deviceId],
    );
    expect(audit.map((a) => a.action)).toEqual(['admin']);
  });

  it('tells a device signed in now from one signed out', async () => {
    const worker = await login(app, 'vedouci');
    const state = async () =>
      (
        (await as(adminToken, 'GET', '/api/admin/devices')).json() as { devices: AdminDevice[] }
      ).devices.find((d) => d.id === worker.deviceId)?.signedIn;
    expect(await state()).toBe(true);
    expect((await as(worker.body.token, 'POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect(await state()).toBe(false);
  });

  it('does not let an admin disable or demote themselves', async () => {
    const me = (await login(app, 'spravce')).body;
    expect(
      (await as(me.token, 'PATCH', `/api/admin/users/${me.user.id}`, { disabled: true }))
        .statusCode,
    ).toBe(400);
    expect(
      (await as(me.token, 'PATCH', `/api/admin/users/${me.user.id}`, { role: 'worker' }))
        .statusCode,
    ).toBe(400);
  });
});
