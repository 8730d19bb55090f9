import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../sync-server/admin/first-admin';
import { hashPassword } from '../../sync-server/auth/passwords';
import { migrate } from '../../sync-server/db/migrate';
import { openPglite } from '../../sync-server/db/pglite';
import { DEMO_USERS } from '../../sync-server/seed/demo';
import { productionRefusals } from '../../sync-server/startup-checks';
import { BACKENDS } from './helpers/databases';
import { login, testApp, useSeededApp } from './helpers/app';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

/** A production database starts empty and safe, and gets its first admin. */
describe.each(BACKENDS)('a safe first start on $name', (backend) => {
  const world = useSeededApp(backend, []);

  it('refuses production while a demo account opens with the published password', async () => {
    const production = { production: true, seedDemo: false };
    expect(await productionRefusals(world.db, { production: false, seedDemo: true })).toEqual([]);
    const refusals = await productionRefusals(world.db, production);
    expect(refusals).toHaveLength(DEMO_USERS.length);
    expect(refusals[0]).toContain('published demo password');
    expect(await productionRefusals(world.db, { production: true, seedDemo: true })).toHaveLength(
      DEMO_USERS.length + 1,
    );
    await world.db.query("UPDATE users SET disabled = true WHERE username = 'manazer'");
    await world.db.query('UPDATE users SET password_hash = $1 WHERE username <> $2', [
      await hashPassword('jiné dlouhé heslo'),
      'spravce',
    ]);
    expect(await productionRefusals(world.db, production)).toEqual([
      expect.stringContaining('"spravce"'),
    ]);
  });

  it('creates an administrator who can sign in, with the password policy', async () => {
    const admin = { username: 'J.Novakova', name: 'Jana Nováková', password: 'správné heslo 12' };
    expect(await createAdmin(world.db, { ...admin, password: 'krátké' })).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'password',
    });
    expect(await createAdmin(world.db, admin)).toMatchObject({ ok: true });
    expect(await createAdmin(world.db, admin)).toEqual({ ok: false, reason: 'exists' });
    const app = await testApp(world.db);
    const { res, body } = await login(app, 'j.novakova', admin.password);
    expect(res.statusCode).toBe(200);
    expect(body.user.role).toBe('admin');
    await app.close();
  });
});

describe('the commands an operator runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teren-first-start-'));
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', PORT: '0' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('create-admin reads the password from a file, never from the command line', async () => {
    const file = join(dir, 'heslo.txt');
    writeFileSync(file, 'první heslo správce\n');
    const args = ['sync-server/cli/create-admin.ts', '--username', 'sprava', '--name', 'Správa'];
    const { stdout } = await run(TSX, [...args, '--password-file', file], { env });
    expect(stdout).toContain('Administrator "sprava" created.');
    // Without a file and without a terminal it says how, and creates nothing.
    const other = ['sync-server/cli/create-admin.ts', '--username', 'jiny', '--name', 'X'];
    const noTty = await run(TSX, other, { env }).catch((e: { code: number; stderr: string }) => e);
    expect(noTty).toMatchObject({ code: 1, stderr: expect.stringContaining('--password-file') });
    const db = await openPglite(env.DATA_DIR);
    await migrate(db);
    const users = await db.query<{ username: string; role: string }>(
      'SELECT username, role FROM users',
    );
    await db.close();
    expect(users).toEqual([{ username: 'sprava', role: 'admin' }]);
  }, 60_000);

  it('the production server refuses demo data', async () => {
    const started = await run(TSX, ['sync-server/main.ts'], {
      env: { ...env, NODE_ENV: 'production', SEED_DEMO: '1' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(started).toMatchObject({ code: 1, stderr: expect.stringContaining('SEED_DEMO=1') });
  }, 60_000);
});
