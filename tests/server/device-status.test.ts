import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './helpers/databases';
import { pull, useSeededApp } from './helpers/app';

/** A locked device learns it was revoked, without its sealed session token. */
describe.each(BACKENDS)('the device check on $name', (backend) => {
  const world = useSeededApp(backend, []);
  const signIn = async (username: string) => {
    const deviceId = randomUUID();
    const deviceKey = randomBytes(32).toString('base64url');
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'teren-demo', deviceId, deviceKey },
    });
    expect(res.statusCode).toBe(200);
    return { deviceId, deviceKey, token: (res.json() as { token: string }).token };
  };
  const status = (payload: Record<string, unknown>) =>
    world.app.inject({ method: 'POST', url: '/api/device/status', payload });

  it('answers a device with its key, and only it', async () => {
    const device = await signIn('pracovnik1');
    expect((await status(device)).statusCode).toBe(204);
    const wrongKey = { ...device, deviceKey: randomBytes(32).toString('base64url') };
    expect((await status(wrongKey)).statusCode).toBe(404);
    expect((await status({ ...device, deviceId: randomUUID() })).statusCode).toBe(404);
    expect((await status({ deviceId: device.deviceId })).statusCode).toBe(400);
  });

  it('says revoked, and asks the browser to clear the site, for a revoked device or user', async () => {
    const device = await signIn('pracovnik1');
    await world.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [device.deviceId]);
    const res = await status(device);
    expect([res.statusCode, res.json().code]).toEqual([403, 'revoked']);
    expect(res.headers['clear-site-data']).toBe('"cache", "storage"');
    // Every revoked answer carries it, the sync's too.
    const synced = await pull(world.app, device.token);
    expect(synced.headers['clear-site-data']).toBe('"cache", "storage"');

    const other = await signIn('pracovnik2');
    await world.db.query("UPDATE users SET disabled = true WHERE username = 'pracovnik2'");
    expect((await status(other)).json().code).toBe('revoked');
    // Not every refusal clears a site: a plain 404 does not.
    expect((await status({ ...other, deviceId: randomUUID() })).headers['clear-site-data']).toBe(
      undefined,
    );
  });
});
