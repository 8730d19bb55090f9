import { z } from 'zod';
import { NewPassword, Username } from '../../src/core';
import type { Database } from '../db/database';
import { hashPassword } from '../auth/passwords';

export const FirstAdmin = z.object({
  username: Username,
  name: z.string().trim().min(1).max(120),
  password: NewPassword,
});
export type FirstAdmin = z.infer<typeof FirstAdmin>;

export type FirstAdminResult =
  { ok: true; id: string } | { ok: false; reason: 'invalid' | 'exists'; detail?: string };

/**
 * An administrator account, for a production database that has none (it is never seeded
 * there): `npm run create-admin` (sync-server/cli/create-admin.ts). The password policy is
 * the one the admin screen enforces (`NewPassword`: at least 12 characters).
 */
export const createAdmin = async (db: Database, input: unknown): Promise<FirstAdminResult> => {
  const parsed = FirstAdmin.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    return { ok: false, reason: 'invalid', detail: field };
  }
  const { username, name, password } = parsed.data;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO users (id, team_id, username, name, role, password_hash)
     VALUES (gen_random_uuid(), NULL, $1, $2, 'admin', $3)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [username, name, await hashPassword(password)],
  );
  return row ? { ok: true, id: row.id } : { ok: false, reason: 'exists' };
};
