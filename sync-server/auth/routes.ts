import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_DEVICE_POLICY,
  DeviceStatusRequest,
  LoginRequest,
  type LoginResponse,
  type Role,
  type TeamMember,
} from '../../src/core';
import type { Database, Queryable } from '../db/database';
import { HttpProblem } from '../http/problem';
import { audit } from '../audit/audit';
import { authenticate } from './authenticate';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';
import { createSession, hashToken } from './sessions';

export type AuthOptions = {
  sessionHours: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** Failed sign-ins allowed from one address in 10 minutes before it must wait. */
  maxFailedPerAddress?: number;
  offlineDays?: number;
  inactivityMinutes?: number;
  retentionYears?: number;
};

const ADDRESS_WINDOW = "interval '10 minutes'";

type UserRow = {
  id: string;
  name: string;
  username: string;
  role: Role;
  team_id: string | null;
  team_name: string | null;
  password_hash: string;
  disabled: boolean;
  locked: boolean;
};

/** How an unknown name is kept: hashed, since what people mistype may be a name of theirs. */
const nameKey = (username: string) =>
  createHash('sha256').update(username.toLowerCase()).digest('hex');

const unknownNameLocked = async (db: Database, key: string) =>
  (
    await db.query<{ locked: boolean }>(
      'SELECT locked_until > now() AS locked FROM unknown_name_failures WHERE name_key = $1',
      [key],
    )
  )[0]?.locked === true;

/** Counts a failure under an unknown name as an account's is counted (see the failure below). */
const countUnknownNameFailure = async (db: Database, key: string, opts: AuthOptions) => {
  await db.query(
    `INSERT INTO unknown_name_failures AS f (name_key, failures, locked_until)
     VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) END)
     ON CONFLICT (name_key) DO UPDATE SET
       failures = f.failures + 1, last_failed_at = now(),
       locked_until = CASE WHEN f.failures + 1 >= $2 THEN now() + make_interval(mins => $3) END`,
    [key, opts.maxFailedLogins, opts.lockoutMinutes],
  );
  await db.query(
    `DELETE FROM unknown_name_failures WHERE last_failed_at < now() - interval '30 days'`,
  );
};

const teamOf = async (db: Database, teamId: string | null): Promise<TeamMember[]> =>
  teamId
    ? db.query<TeamMember>(
        'SELECT id, name, role FROM users WHERE team_id = $1 AND NOT disabled ORDER BY name',
        [teamId],
      )
    : [];

const findUser = async (db: Database, username: string) =>
  (
    await db.query<UserRow>(
      `SELECT u.id, u.name, u.username, u.role, u.team_id, t.name AS team_name, u.password_hash,
              u.disabled, COALESCE(u.locked_until > now(), false) AS locked
         FROM users u LEFT JOIN teams t ON t.id = u.team_id
        WHERE u.username = $1`,
      [username.toLowerCase()],
    )
  )[0];

/** Too many failures from one address in the window: that address waits, whatever the name. */
const refuseBusyAddress = async (db: Database, address: string, opts: AuthOptions) => {
  const [recent] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM login_attempts WHERE address = $1 AND attempted_at > now() - ${ADDRESS_WINDOW}`,
    [address],
  );
  if (Number(recent?.n) >= (opts.maxFailedPerAddress ?? 30))
    throw new HttpProblem(429, 'rate_limited');
};

const countAddressFailure = async (db: Database, address: string) => {
  await db.query('INSERT INTO login_attempts (address) VALUES ($1)', [address]);
  await db.query(`DELETE FROM login_attempts WHERE attempted_at < now() - interval '1 day'`);
};

/** Answered as a real account would be: the same work, the same lockout. */
const refuseUnknownName = async (
  db: Database,
  login: LoginRequest,
  address: string,
  opts: AuthOptions,
): Promise<never> => {
  const key = nameKey(login.username);
  if (await unknownNameLocked(db, key)) throw new HttpProblem(429, 'locked_out');
  await verifyPassword(login.password, await DUMMY_HASH_PROMISE);
  await countAddressFailure(db, address);
  await countUnknownNameFailure(db, key, opts);
  throw new HttpProblem(401, 'unauthorized');
};

const refuseWrongPassword = async (
  db: Database,
  user: UserRow,
  address: string,
  opts: AuthOptions,
): Promise<never> => {
  await countAddressFailure(db, address);
  await audit(db, [{ userId: user.id, deviceId: null, action: 'login_failed' }]);
  await db.query(
    `UPDATE users SET failed_logins = failed_logins + 1,
            locked_until = CASE WHEN failed_logins + 1 >= $2
                                THEN now() + make_interval(mins => $3) END
      WHERE id = $1`,
    [user.id, opts.maxFailedLogins, opts.lockoutMinutes],
  );
  throw new HttpProblem(401, 'unauthorized');
};

/** A device id is bound to the first user who signed in on it; a revoked one stays revoked. */
const bindDevice = async (tx: Queryable, userId: string, login: LoginRequest) => {
  const checkKey = login.deviceKey ? hashToken(login.deviceKey) : null;
  const [device] = await tx.query<{ user_id: string; revoked: boolean }>(
    'SELECT user_id, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1',
    [login.deviceId],
  );
  if (device?.revoked) throw new HttpProblem(403, 'revoked');
  if (device && device.user_id !== userId) throw new HttpProblem(403, 'forbidden');
  if (device) {
    await tx.query(
      `UPDATE devices SET last_seen_at = now(), name = $2,
              check_key_hash = COALESCE($3, check_key_hash) WHERE id = $1`,
      [login.deviceId, login.deviceName, checkKey],
    );
  } else {
    await tx.query(
      'INSERT INTO devices (id, user_id, name, check_key_hash) VALUES ($1, $2, $3, $4)',
      [login.deviceId, userId, login.deviceName, checkKey],
    );
  }
};

const openSession = (db: Database, user: UserRow, login: LoginRequest, opts: AuthOptions) =>
  db.transaction(async (tx) => {
    await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
      user.id,
    ]);
    await bindDevice(tx, user.id, login);
    await audit(tx, [{ userId: user.id, deviceId: login.deviceId, action: 'login' }]);
    return createSession(tx, user.id, login.deviceId, opts.sessionHours);
  });

const devicePolicy = (opts: AuthOptions) => ({
  offlineDays: opts.offlineDays ?? DEFAULT_DEVICE_POLICY.offlineDays,
  inactivityMinutes: opts.inactivityMinutes ?? DEFAULT_DEVICE_POLICY.inactivityMinutes,
  retentionYears: opts.retentionYears ?? DEFAULT_DEVICE_POLICY.retentionYears,
});

const signIn = async (
  db: Database,
  login: LoginRequest,
  address: string,
  opts: AuthOptions,
): Promise<LoginResponse> => {
  await refuseBusyAddress(db, address, opts);
  const user = await findUser(db, login.username);
  if (!user) return refuseUnknownName(db, login, address, opts);
  if (user.locked) throw new HttpProblem(429, 'locked_out');
  const ok = await verifyPassword(login.password, user.password_hash);
  if (!ok || user.disabled) return refuseWrongPassword(db, user, address, opts);
  const session = await openSession(db, user, login, opts);
  const { id, name, username, role } = user;
  return {
    ...session,
    user: { id, name, username, role, teamId: user.team_id, teamName: user.team_name },
    team: await teamOf(db, user.team_id),
    policy: devicePolicy(opts),
  };
};

export const registerAuthRoutes = (app: FastifyInstance, db: Database, opts: AuthOptions) => {
  app.post('/api/auth/login', async (request, reply) => {
    const body = LoginRequest.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    return reply.send(await signIn(db, body.data, request.ip, opts));
  });
  registerDeviceStatus(app, db);
  registerSessionRoutes(app, db);
};

// A locked device cannot open its session token; its check key asks only this.
const registerDeviceStatus = (app: FastifyInstance, db: Database) =>
  app.post('/api/device/status', async (request, reply) => {
    const body = DeviceStatusRequest.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    const [device] = await db.query<{ blocked: boolean }>(
      `SELECT (d.revoked_at IS NOT NULL OR u.disabled) AS blocked
         FROM devices d JOIN users u ON u.id = d.user_id
        WHERE d.id = $1 AND d.check_key_hash = $2`,
      [body.data.deviceId, hashToken(body.data.deviceKey)],
    );
    // An unknown device or a wrong key learns nothing.
    if (!device) throw new HttpProblem(404, 'not_found');
    if (device.blocked) throw new HttpProblem(403, 'revoked');
    return reply.code(204).send();
  });

const registerSessionRoutes = (app: FastifyInstance, db: Database) => {
  app.get('/api/auth/me', async (request) => {
    const { user } = await authenticate(db, request);
    return { user, team: await teamOf(db, user.teamId) };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const session = await authenticate(db, request);
    const token = (request.headers.authorization ?? '').slice('Bearer '.length);
    await audit(db, [{ userId: session.user.id, deviceId: session.deviceId, action: 'logout' }]);
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    // Tell the browser to drop everything of ours it holds (docs/security.md item 8).
    return reply.header('Clear-Site-Data', '"cache", "storage"').code(204).send();
  });
};
