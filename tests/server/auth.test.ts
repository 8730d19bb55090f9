import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { hashPassword, verifyPassword } from '../../sync-server/auth/passwords';
import { BACKENDS } from './helpers/databases';
import { login, pull, testApp } from './helpers/app';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('správné heslo');
    const b = await hashPassword('správné heslo');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('správné heslo', a)).toBe(true);
    expect(await verifyPassword('spravne heslo', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe.each(BACKENDS)('accounts and sessions on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('logs in with the right password and returns the user and team', async () => {
    const { res, body } = await login(app, 'pracovnik1');
    expect(res.statusCode).toBe(200);
    expect(body.user).toMatchObject({ username: 'pracovnik1', role: 'worker' });
    expect(body.team.map((m) => m.role).sort()).toEqual(['supervisor', 'worker', 'worker']);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The operator's limits for offline use and idle locking travel with the session.
    expect(body.policy).toEqual({ offlineDays: 14, inactivityMinutes: 15, retentionYears: 10 });
  });

  it('refuses a wrong password or unknown user with the same answer', async () => {
    const wrong = await login(app, 'pracovnik2', 'nope');
    const unknown = await login(app, 'nikdo', 'nope');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json()).toEqual(unknown.res.json());
    expect(wrong.res.headers['content-type']).toContain('application/problem+json');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login(app, 'manazer', 'bad')).res.statusCode).toBe(401);
    const locked = await login(app, 'manazer');
    expect(locked.res.statusCode).toBe(429);
    expect(locked.res.json()).toMatchObject({ code: 'locked_out' });
  });

  it('answers an unknown name as a real one, after repeated failures too (no enumeration)', async () => {
    const answers = async (username: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const { res } = await login(app, username, 'bad');
        seen.push([res.statusCode, res.json()]);
      }
      return seen;
    };
    const real = await answers('spravce');
    expect(real.at(-1)).toEqual([429, expect.objectContaining({ code: 'locked_out' })]);
    expect(await answers('neexistujici.ucet')).toEqual(real);
    // What was typed is not kept as typed.
    const kept = JSON.stringify(await db.query('SELECT * FROM unknown_name_failures'));
    expect(kept).not.toContain('neexistujici');
  });

  it('kills the old token when the same device logs in again', async () => {
    const first = await login(app, 'vedouci');
    const second = await login(app, 'vedouci', 'teren-demo', first.deviceId);
    expect((await pull(app, first.body.token)).statusCode).toBe(401);
    expect((await pull(app, second.body.token)).statusCode).toBe(200);
  });

  it('refuses a device bound to another user', async () => {
    const mine = await login(app, 'pracovnik1');
    const other = await login(app, 'pracovnik2', 'teren-demo', mine.deviceId);
    // Not a revocation: the device's own user still works on it, nothing is to be wiped.
    expect([other.res.statusCode, other.res.json()]).toMatchObject([403, { code: 'forbidden' }]);
  });

  it('refuses every token of a revoked device or a disabled user', async () => {
    const device = await login(app, 'pracovnik1');
    await db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [device.deviceId]);
    const res = await pull(app, device.body.token);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'revoked' });
    const again = (await login(app, 'pracovnik1', 'teren-demo', device.deviceId)).res;
    expect([again.statusCode, again.json()]).toMatchObject([403, { code: 'revoked' }]);

    const user = await login(app, 'pracovnik2');
    await db.query("UPDATE users SET disabled = true WHERE username = 'pracovnik2'");
    expect((await pull(app, user.body.token)).statusCode).toBe(403);
    expect((await login(app, 'pracovnik2')).res.statusCode).toBe(401);
    await db.query(
      "UPDATE users SET disabled = false, failed_logins = 0 WHERE username = 'pracovnik2'",
    );
  });

  it('tells the app an expired session apart from a bad token', async () => {
    const { body } = await login(app, 'pracovnik2');
    await db.query("UPDATE sessions SET expires_at = now() - interval '1 minute'");
    expect((await pull(app, body.token)).json()).toMatchObject({ code: 'session_expired' });
    expect((await pull(app, 'x'.repeat(43))).json()).toMatchObject({ code: 'unauthorized' });
  });

  it('logs out: the token dies and the browser is told to clear its data', async () => {
    const { body } = await login(app, 'vedouci');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['clear-site-data']).toBe('"cache", "storage"');
    expect((await pull(app, body.token)).statusCode).toBe(401);
  });

  it('stores only a hash of each token', async () => {
    const { body } = await login(app, 'vedouci');
    const rows = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.some((r) => r.token_hash === body.token)).toBe(false);
  });
});
