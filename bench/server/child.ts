/**
 * The sync server under test, in a process of its own so the load generator does not share
 * its event loop: opens a fresh database (PGlite in a temporary folder, or a throw-away
 * PostgreSQL database), applies the migrations, seeds the generated organisation, measures
 * the raw INSERT baseline in that database, then serves the real app (buildApp) over HTTP.
 * Started by bench/run.ts through child_process.fork; talks over IPC (protocol.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { encodeHlc, type PushMutation } from '../../src/core';
import { buildApp } from '../../sync-server/app';
import { hashPassword } from '../../sync-server/auth/passwords';
import { createSession } from '../../sync-server/auth/sessions';
import type { Database, Queryable } from '../../sync-server/db/database';
import { migrate } from '../../sync-server/db/migrate';
import { openPglite } from '../../sync-server/db/pglite';
import { openPostgres } from '../../sync-server/db/postgres';
import {
  generateOrg,
  newContact,
  orgOptions,
  workloadRandom,
  type GenRecord,
  type OpenCase,
} from '../lib/generate';
import { now } from '../lib/stats';
import type {
  ChildInit,
  ChildMessage,
  ChildReady,
  Device,
  RawFigures,
  RawRequest,
} from './protocol';

const send = (m: ChildMessage) => process.send?.(m);
const PASSWORD = 'bench-password';

type Opened = { db: Database; drop: () => Promise<void> };

const openBackend = async (init: ChildInit): Promise<Opened> => {
  if (init.backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'teren-bench-db-'));
    const db = await openPglite(dir);
    return {
      db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = init.adminUrl as string;
  const name = `teren_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  return {
    db,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
};

const householdOf = (r: GenRecord): string =>
  r.type === 'household' ? r.record.id : (r.record.householdId as string);

/** The plain batched INSERT the app's own storeRecords also ends in, without the push logic. */
const insertRows = async (
  q: Queryable,
  teamId: string,
  rows: readonly GenRecord[],
  firstSeq: number,
) => {
  await q.query(
    `INSERT INTO records (id, type, household_id, team_id, data, seq, deleted)
     SELECT u.id, u.type, u.household_id, $1, u.data::jsonb, u.seq, u.deleted
       FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::bigint[], $7::boolean[])
         AS u(id, type, household_id, data, seq, deleted)`,
    [
      teamId,
      rows.map((r) => r.record.id),
      rows.map((r) => r.type),
      rows.map(householdOf),
      rows.map((r) => JSON.stringify(r.record)),
      rows.map((_, i) => firstSeq + i),
      rows.map((r) => r.record.deleted === true),
    ],
  );
};

/** Time spent per SQL statement while serving, to explain where a push's time goes. */
const profile = new Map<string, { calls: number; ms: number }>();
const statementKey = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 60);
const timedQueryable = (q: Queryable): Queryable => ({
  async query(sql, params) {
    const started = now();
    try {
      return await q.query(sql, params);
    } finally {
      const key = statementKey(sql);
      const p = profile.get(key) ?? { calls: 0, ms: 0 };
      p.calls++;
      p.ms += now() - started;
      profile.set(key, p);
    }
  },
});
const profiled = (db: Database): Database => ({
  kind: db.kind,
  oneTransactionAtATime: db.oneTransactionAtATime,
  ...timedQueryable(db),
  transaction: (fn) => db.transaction((tx) => fn(timedQueryable(tx))),
  exec: (sql) => db.exec(sql),
  close: () => db.close(),
});

const reserveSeq = async (db: Database, n: number): Promise<number> => {
  const [row] = await db.query<{ value: number }>(
    'UPDATE change_counter SET value = value + $1 WHERE id = 1 RETURNING value',
    [n],
  );
  return Number(row?.value) - n + 1;
};

const main = async (init: ChildInit) => {
  const { db, drop } = await openBackend(init);
  await migrate(db);

  // 1. The organisation, seeded by plain batched INSERTs (setup, timed for the record).
  const genStarted = now();
  const org = generateOrg(orgOptions(init.scale));
  const generateMs = now() - genStarted;
  const passwordHash = await hashPassword(PASSWORD);
  const userNames = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const [t, team] of org.teams.entries()) {
      await tx.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [team.id, team.name]);
      const users = [
        { id: team.supervisorId, username: `bench-vedouci-${t + 1}`, role: 'supervisor' },
        ...team.workerIds.map((id, w) => ({
          id,
          username: `bench-pracovnik-${t + 1}-${w + 1}`,
          role: 'worker',
        })),
      ];
      for (const u of users) {
        userNames.set(u.id, u.username);
        await tx.query(
          'INSERT INTO users (id, team_id, username, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
          [u.id, team.id, u.username, `Testovací účet ${u.username}`, u.role, passwordHash],
        );
      }
    }
  });
  const total = [...org.records.values()].reduce((a, r) => a + r.length, 0);
  let seq = await reserveSeq(db, total);
  const seedStarted = now();
  for (const team of org.teams) {
    const rows = org.records.get(team.id) ?? [];
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      await db.transaction((tx) => insertRows(tx, team.id, chunk, seq));
      seq += chunk.length;
    }
  }
  const seedMs = now() - seedStarted;
  await db.query('ANALYZE');

  // 2. Devices and sessions, made directly (a sign-in costs a deliberately slow scrypt).
  const device = async (userId: string): Promise<Device> => {
    const deviceId = randomUUID();
    return db.transaction(async (tx) => {
      await tx.query('INSERT INTO devices (id, user_id, name) VALUES ($1, $2, $3)', [
        deviceId,
        userId,
        'bench',
      ]);
      const { token } = await createSession(tx, userId, deviceId, 24);
      return { token, userId, deviceId };
    });
  };

  const rnd = workloadRandom(4242);
  const casesOf = new Map<string, OpenCase[]>();
  for (const c of org.openCases) casesOf.set(c.workerId, [...(casesOf.get(c.workerId) ?? []), c]);
  const workers = org.teams.flatMap((t) => t.workerIds).filter((w) => casesOf.has(w));
  let clock = Date.now() - 3 * 86_400_000;
  const mutation = (workerId: string): PushMutation => {
    const cases = casesOf.get(workerId) ?? [];
    const c = rnd.pick(cases);
    clock += 1000;
    return {
      mutationId: randomUUID(),
      type: 'contact',
      record: newContact(rnd, c, Date.now() - rnd.int(1, 72 * 60) * 60_000),
      base: null,
      hlc: encodeHlc(clock, 0, `bench${workerId.slice(0, 8)}`),
    };
  };
  const batches = (workerId: string, pushes: number, size: number) =>
    Array.from({ length: pushes }, () => Array.from({ length: size }, () => mutation(workerId)));

  const s = init.scale;
  const [w0, w1] = workers as [string, string];
  const batched = {
    device: await device(w0),
    pushes: batches(w0, Math.max(5, Math.round(50 * s)), 200),
  };
  const single = {
    device: await device(w1),
    pushes: batches(w1, Math.max(50, Math.round(500 * s)), 1),
  };
  const concurrent: ChildReady['workloads']['concurrent'] = [];
  const rounds = Math.max(4, Math.round(12 * s));
  for (let i = 0; i < 200; i++) {
    const w = workers[i % workers.length] as string;
    concurrent.push({ device: await device(w), pushes: batches(w, rounds, 5) });
  }

  // 3. Raw baseline: the same rows (fresh ids) by plain INSERT into `records`, batched 200
  //    per statement and one row per statement, each statement its own transaction like a
  //    push. Run on request, between rounds of pushes (RawRequest); removed afterwards so
  //    the database holds what the pushes leave.
  const raw = async (pushes: PushMutation[][]): Promise<RawFigures> => {
    const teamOf = new Map(org.openCases.map((c) => [c.householdId, c.teamId]));
    const statements = pushes.map((p) =>
      p.map((m): GenRecord => ({
        type: 'contact',
        record: { ...m.record, id: randomUUID() } as GenRecord['record'],
      })),
    );
    const rows = statements.reduce((a, p) => a + p.length, 0);
    let first = await reserveSeq(db, rows);
    const started = now();
    for (const chunk of statements) {
      const team = teamOf.get(householdOf(chunk[0] as GenRecord)) as string;
      await db.transaction((tx) => insertRows(tx, team, chunk, first));
      first += chunk.length;
    }
    const ms = now() - started;
    await db.query('DELETE FROM records WHERE id = ANY($1::uuid[])', [
      statements.flat().map((r) => r.record.id),
    ]);
    return { rows, statements: statements.length, ms };
  };

  // 4. Device benchmark accounts: the supervisor of team 1 holds the team (~100k records at
  //    full scale); a worker of that team with a caseload of a few thousand records.
  const team = org.teams[0] as (typeof org.teams)[number];
  const teamRecords = org.records.get(team.id) ?? [];
  const scopeSize = (workerId: string) => {
    const hh = new Set((casesOf.get(workerId) ?? []).map((c) => c.householdId));
    return teamRecords.filter((r) => hh.has(householdOf(r))).length;
  };
  const candidates = team.workerIds
    .filter((w) => w !== w0 && w !== w1)
    .map((w) => ({ w, n: scopeSize(w) }))
    .sort((a, b) => Math.abs(a.n - 3500) - Math.abs(b.n - 3500));
  const chosen = candidates[0] ?? { w: team.workerIds[2] as string, n: 0 };
  const uiUser = org.teams[1]?.workerIds[3] ?? (team.workerIds[3] as string);

  const [counter] = await db.query<{ value: number }>('SELECT value FROM change_counter');
  const app: FastifyInstance = await buildApp(profiled(db), {
    staticDir: init.staticDir,
    hsts: false,
    sessionHours: 24,
    maxFailedLogins: 5,
    lockoutMinutes: 15,
    bodyLimitBytes: 2 * 1024 * 1024,
  });
  if (init.benchDir && existsSync(init.benchDir)) {
    await app.register(fastifyStatic, {
      root: init.benchDir,
      prefix: '/__bench/',
      decorateReply: false,
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;

  const ready: ChildReady = {
    type: 'ready',
    port,
    kind: db.kind,
    seed: { records: total, ms: seedMs, generateMs, counts: org.counts },
    cursor: String(counter?.value ?? 0),
    workloads: { batched, single, concurrent },
    device: {
      supervisor: await device(team.supervisorId),
      supervisorRecords: teamRecords.length,
      worker: await device(chosen.w),
      workerRecords: chosen.n,
      workerCases: casesOf.get(chosen.w) ?? [],
      remote: await device(team.supervisorId),
      uiLogin: { username: userNames.get(uiUser) ?? '', password: PASSWORD },
    },
  };
  send(ready);

  process.on('message', (m: { type?: string } | RawRequest) => {
    if (m?.type === 'raw') {
      const { workload, from, to } = m as RawRequest;
      const pushes = (workload === 'batched' ? batched : single).pushes.slice(from, to);
      raw(pushes).then(
        (figures) => send({ type: 'raw', figures }),
        (e: unknown) => send({ type: 'error', message: String(e) }),
      );
      return;
    }
    if (m?.type === 'profile') {
      send({
        type: 'profile',
        statements: [...profile.entries()].map(([sql, p]) => ({ sql, ...p })),
      });
      profile.clear();
      return;
    }
    if (m?.type !== 'close') return;
    void (async () => {
      await app.close();
      await drop();
      send({ type: 'closed' });
      process.exit(0);
    })();
  });
};

process.once('message', (m: ChildInit) => {
  main(m).catch((e: unknown) => {
    send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exit(1);
  });
});
