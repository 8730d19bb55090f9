import { z } from 'zod';
import { NewPassword, Username, type Role } from '../../src/core';
import type { Database, Queryable } from '../db/database';
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
  const id = await insertUser(db, { ...parsed.data, role: 'admin', teamId: null });
  return id ? { ok: true, id } : { ok: false, reason: 'exists' };
};

/** A new account; null when its username is taken (checked by the insert itself). */
export const insertUser = async (
  db: Queryable,
  u: { username: string; name: string; role: Role; teamId: string | null; password: string },
): Promise<string | null> => {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO users (id, team_id, username, name, role, password_hash)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [u.teamId, u.username, u.name, u.role, await hashPassword(u.password)],
  );
  return row?.id ?? null;
};
