import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '../../src/core';
import type { Queryable } from '../db/database';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type Session = { user: SessionUser; deviceId: string };

/** Each login kills the user's earlier sessions on that device and issues a fresh token. */
export const createSession = async (
  tx: Queryable,
  userId: string,
  deviceId: string,
  lifetimeHours: number,
): Promise<{ token: string; expiresAt: string }> => {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + lifetimeHours * 3600_000).toISOString();
  await tx.query('DELETE FROM sessions WHERE user_id = $1 AND device_id = $2', [userId, deviceId]);
  await tx.query(
    'INSERT INTO sessions (token_hash, user_id, device_id, expires_at) VALUES ($1, $2, $3, $4)',
    [hashToken(token), userId, deviceId, expiresAt],
  );
  return { token, expiresAt };
};

type SessionRow = {
  user_id: string;
  device_id: string;
  name: string;
  username: string;
  role: Role;
  team_id: string | null;
  team_name: string | null;
  expired: boolean;
  blocked: boolean;
};

export type SessionLookup =
  { ok: true; session: Session } | { ok: false; reason: 'unknown' | 'expired' | 'blocked' };

export const findSession = async (db: Queryable, token: string): Promise<SessionLookup> => {
  const [row] = await db.query<SessionRow>(
    `SELECT s.user_id, s.device_id, u.name, u.username, u.role, u.team_id, t.name AS team_name,
            s.expires_at <= now() AS expired,
            (u.disabled OR d.revoked_at IS NOT NULL) AS blocked
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       JOIN devices d ON d.id = s.device_id
       LEFT JOIN teams t ON t.id = u.team_id
      WHERE s.token_hash = $1`,
    [hashToken(token)],
  );
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.blocked) return { ok: false, reason: 'blocked' };
  if (row.expired) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    session: {
      deviceId: row.device_id,
      user: {
        id: row.user_id,
        name: row.name,
        username: row.username,
        role: row.role,
        teamId: row.team_id,
        teamName: row.team_name,
      },
    },
  };
};
