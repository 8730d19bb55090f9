import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../sync-server/db/database';
import { BACKENDS } from './helpers/databases';
import { testApp } from './helpers/app';

const pglite = BACKENDS[0];

describe('HTTP hygiene', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await (pglite as (typeof BACKENDS)[number]).open());
    const staticDir = mkdtempSync(join(tmpdir(), 'teren-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Terén</title>');
    writeFileSync(join(staticDir, 'sw.js'), '// sw');
    app = await testApp(db, staticDir);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('sends strict security headers on pages and the API', async () => {
    for (const url of ['/', '/api/health']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('never lets the API be cached, and revalidates the page and service worker', async () => {
    expect((await app.inject({ url: '/api/health' })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: '/sw.js' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
  });

  it('serves the app for deep links but a problem for unknown API paths', async () => {
    const page = await app.inject({ url: '/households/123', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Terén</title>');
    const api = await app.inject({ url: '/api/nothing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('refuses malformed and oversized bodies with problem+json and writes nothing', async () => {
    const before = await db.query('SELECT count(*)::int AS n FROM devices');
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.json()).toMatchObject({ code: 'invalid_request' });

    const wrongTypes = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 5, password: [], deviceId: 'x' },
    });
    expect(wrongTypes.statusCode).toBe(400);

    const huge = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a'.repeat(100_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'too_large' });
    expect(await db.query('SELECT count(*)::int AS n FROM devices')).toEqual(before);
  });

  it('reveals nothing about internal errors', async () => {
    // A database failure whose message carries personal data must not reach the caller.
    const broken: Database = {
      ...db,
      query: async () => {
        throw new Error('secret detail: client Novák');
      },
    };
    const brokenApp = await testApp(broken);
    const res = await brokenApp.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${'a'.repeat(43)}` },
    });
    await brokenApp.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Novák');
    expect(res.json()).toMatchObject({ code: 'internal' });
  });
});
