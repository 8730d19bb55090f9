import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from './helpers/databases';
import { login, testApp } from './helpers/app';

describe.each(BACKENDS)('sign-in rate limit per address on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db, '/nonexistent', 5);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('slows down guessing across many usernames from one address', async () => {
    for (const u of ['a1', 'a2', 'a3', 'pracovnik1', 'vedouci']) {
      expect((await login(app, u, 'hádám')).res.statusCode).toBe(401);
    }
    const blocked = await login(app, 'pracovnik2');
    expect(blocked.res.statusCode).toBe(429);
    expect(blocked.res.json()).toMatchObject({ code: 'rate_limited' });
    // No single account reached its own lockout.
    const locked = await db.query('SELECT 1 FROM users WHERE locked_until > now()');
    expect(locked).toEqual([]);
  });
});
