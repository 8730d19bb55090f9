import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CreateTeam,
  CreateUser,
  UpdateUser,
  type AdminDevice,
  type AdminTeam,
  type AdminUser,
} from '../../src/core';
import { audit } from '../audit/audit';
import { authenticate } from '../auth/authenticate';
import { hashPassword } from '../auth/passwords';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { isUuid } from '../http/ids';
import { HttpProblem } from '../http/problem';
import { insertUser } from './first-admin';

const requireAdmin = async (db: Database, request: FastifyRequest): Promise<Session> => {
  const session = await authenticate(db, request);
  if (session.user.role !== 'admin') throw new HttpProblem(403, 'forbidden');
  return session;
};

const logAdmin = (db: Database, s: Session, recordType: string, recordId: string) =>
  audit(db, [{ userId: s.user.id, deviceId: s.deviceId, action: 'admin', recordType, recordId }]);

const idParam = (request: FastifyRequest) => {
  const { id } = request.params as { id?: string };
  if (!isUuid(id)) throw new HttpProblem(404, 'not_found');
  return id;
};

/**
 * Users, teams and devices, for admins only (checked on every route). A disabled user's or
 * a revoked device's tokens are refused at once with "forbidden", and the device wipes
 * itself at its next contact.
 */
export const registerAdminRoutes = (app: FastifyInstance, db: Database) => {
  registerUserRoutes(app, db);
  registerTeamRoutes(app, db);
  registerDeviceRoutes(app, db);
};

const listUsers = (db: Database) =>
  db.query<AdminUser>(
    `SELECT u.id, u.username, u.name, u.role, u.team_id AS "teamId", u.disabled,
            COALESCE(u.locked_until > now(), false) AS locked,
            (SELECT count(*)::int FROM devices d WHERE d.user_id = u.id AND d.revoked_at IS NULL) AS devices
       FROM users u ORDER BY u.name`,
  );

/** Whether the user was there. A new password, role or team: every session starts again. */
const updateUser = (db: Database, id: string, u: UpdateUser, hash: string | null) =>
  db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE users SET
          name = COALESCE($2, name), role = COALESCE($3, role),
          team_id = CASE WHEN $4::boolean THEN $5::uuid ELSE team_id END,
          disabled = COALESCE($6, disabled), password_hash = COALESCE($7, password_hash),
          failed_logins = CASE WHEN $7::text IS NULL THEN failed_logins ELSE 0 END,
          locked_until = CASE WHEN $7::text IS NULL THEN locked_until END
        WHERE id = $1 RETURNING id`,
      [
        id,
        u.name ?? null,
        u.role ?? null,
        u.teamId !== undefined,
        u.teamId ?? null,
        u.disabled ?? null,
        hash,
      ],
    );
    // A disabled user keeps their sessions: their devices must hear "forbidden" at the next
    // contact, and wipe themselves.
    if (rows.length && (hash || u.role || u.teamId !== undefined)) {
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    }
    return rows.length > 0;
  });

const registerUserRoutes = (app: FastifyInstance, db: Database) => {
  app.get('/api/admin/users', async (request): Promise<{ users: AdminUser[] }> => {
    await requireAdmin(db, request);
    return { users: await listUsers(db) };
  });

  app.post('/api/admin/users', async (request, reply) => {
    const session = await requireAdmin(db, request);
    const body = CreateUser.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    const id = await insertUser(db, body.data);
    if (!id) throw new HttpProblem(409, 'invalid_request');
    await logAdmin(db, session, 'user', id);
    return reply.code(201).send({ id });
  });

  app.patch('/api/admin/users/:id', async (request) => {
    const session = await requireAdmin(db, request);
    const id = idParam(request);
    const body = UpdateUser.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    const u = body.data;
    // An admin cannot lock themselves out of administration.
    if (id === session.user.id && (u.disabled || (u.role && u.role !== 'admin')))
      throw new HttpProblem(400, 'invalid_request');
    const hash = u.password ? await hashPassword(u.password) : null;
    if (!(await updateUser(db, id, u, hash))) throw new HttpProblem(404, 'not_found');
    await logAdmin(db, session, 'user', id);
    return { ok: true };
  });
};

const registerTeamRoutes = (app: FastifyInstance, db: Database) => {
  app.get('/api/admin/teams', async (request): Promise<{ teams: AdminTeam[] }> => {
    await requireAdmin(db, request);
    const teams = await db.query<AdminTeam>(
      `SELECT t.id, t.name, (SELECT count(*)::int FROM users u WHERE u.team_id = t.id) AS members
         FROM teams t ORDER BY t.name`,
    );
    return { teams };
  });

  app.post('/api/admin/teams', async (request, reply) => {
    const session = await requireAdmin(db, request);
    const body = CreateTeam.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    const [row] = await db.query<{ id: string }>(
      'INSERT INTO teams (id, name) VALUES (gen_random_uuid(), $1) RETURNING id',
      [body.data.name],
    );
    await logAdmin(db, session, 'team', row?.id as string);
    return reply.code(201).send({ id: row?.id });
  });
};

const registerDeviceRoutes = (app: FastifyInstance, db: Database) => {
  app.get('/api/admin/devices', async (request): Promise<{ devices: AdminDevice[] }> => {
    await requireAdmin(db, request);
    const devices = await db.query<AdminDevice>(
      `SELECT d.id, d.user_id AS "userId", u.name AS "userName", d.name,
              to_char(d.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastSeenAt",
              d.revoked_at IS NOT NULL AS revoked,
              EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = d.id AND s.expires_at > now())
                AS "signedIn"
         FROM devices d JOIN users u ON u.id = d.user_id ORDER BY d.last_seen_at DESC`,
    );
    return { devices };
  });

  app.post('/api/admin/devices/:id/revoke', async (request) => {
    const session = await requireAdmin(db, request);
    const id = idParam(request);
    if (id === session.deviceId) throw new HttpProblem(400, 'invalid_request');
    const rows = await db.query(
      'UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id',
      [id],
    );
    if (rows.length === 0) throw new HttpProblem(404, 'not_found');
    await logAdmin(db, session, 'device', id);
    return { ok: true };
  });
};
