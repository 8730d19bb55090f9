import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual, newId, PROTOCOL_HEADER, PROTOCOL_VERSION, RECORD_TYPES } from '../../src/core';
import { RECORD_TABLES } from '../../src/data/db';
import { saveAllWithOutbox, saveWithOutbox } from '../../src/data/outbox';
import { buildApp } from '../../sync-server/app';
import { migrate } from '../../sync-server/db/migrate';
import { openPglite } from '../../sync-server/db/pglite';
import { DEMO_PASSWORD, seedDemo } from '../../sync-server/seed/demo';
import { aContact, aHousehold, anEnrolment, aPerson } from '../factories/records';
import { SimDevice } from './device';
import type { Fault } from './network';

/**
 * A seeded, property-based simulation of several devices syncing with the real server on a
 * real (embedded PostgreSQL) database, with injected faults. Replay a failure with
 * SIM_SEED=<seed printed below>; SIM_RUNS sets how many histories are tried.
 */
const FAULTS: Fault[] = [
  'none',
  'none',
  'drop_request',
  'drop_response',
  'duplicate',
  'replay_later',
];
const USERS = ['pracovnik1', 'pracovnik2', 'vedouci'] as const;

type Op =
  | { kind: 'register'; device: number }
  | { kind: 'contact'; device: number; pick: number; failed: boolean }
  | {
      kind: 'edit';
      device: number;
      pick: number;
      field: 'note' | 'street' | 'phone';
      value: number;
    }
  | { kind: 'reassign'; pick: number; to: number }
  | { kind: 'sync'; device: number; fault: Fault }
  | { kind: 'restart'; device: number }
  | { kind: 'upgrade'; device: number }
  | { kind: 'flush'; device: number }
  | { kind: 'skew'; device: number; days: number };

const device = fc.integer({ min: 0, max: USERS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('register' as const), device }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('contact' as const),
      device,
      pick: fc.nat(),
      failed: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      device,
      pick: fc.nat(),
      field: fc.constantFrom('note' as const, 'street' as const, 'phone' as const),
      value: fc.integer({ min: 100, max: 999 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reassign' as const),
      pick: fc.nat(),
      to: fc.integer({ min: 0, max: 1 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      device,
      fault: fc.constantFrom(...FAULTS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('upgrade' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flush' as const), device }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('skew' as const),
      device,
      days: fc.integer({ min: -5, max: 5 }),
    }),
  },
);

const sorted = <T extends { id: string }>(items: T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));

const runHistory = async (ops: Op[]) => {
  const db = await openPglite(undefined);
  await migrate(db);
  await seedDemo(db);
  const app = await buildApp(db, {
    staticDir: '/nonexistent',
    hsts: false,
    sessionHours: 24,
    maxFailedLogins: 5,
    lockoutMinutes: 1,
    bodyLimitBytes: 2 * 1024 * 1024,
  });
  const devices = USERS.map((u, i) => new SimDevice(`d${i}`, u, app));
  const createdContacts = new Set<string>();
  const mutationIds = new Set<string>();
  const noteMutations = async (d: SimDevice) => {
    for (const e of await d.db.outbox.toArray()) mutationIds.add(e.mutationId);
  };
  try {
    for (const d of devices) {
      await d.login(DEMO_PASSWORD);
      await d.sync();
    }
    const workerIds = [devices[0]?.userId as string, devices[1]?.userId as string];

    for (const op of ops) {
      if (op.kind === 'reassign') {
        const sup = devices[2] as SimDevice;
        const enrolments = sorted(
          (await sup.db.enrolments.toArray()).filter((e) => e.status === 'active'),
        );
        const e = enrolments[op.pick % Math.max(1, enrolments.length)];
        if (!e) continue;
        await saveWithOutbox(
          sup.db,
          'enrolment',
          { ...e, workerId: workerIds[op.to] as string, updatedAt: sup.now().toISOString() },
          sup.clock,
        );
        await noteMutations(sup);
        continue;
      }
      const d = devices[op.device] as SimDevice;
      const stamp = d.now().toISOString();
      switch (op.kind) {
        case 'register': {
          const times = { createdAt: stamp, updatedAt: stamp };
          const h = aHousehold({ teamId: d.teamId, label: `Sim ${d.name}`, ...times });
          const p = aPerson(h.id, { firstName: 'Simulovaný', lastName: 'Klient', ...times });
          const e = anEnrolment(h.id, {
            programme: 'field_work',
            startDate: stamp.slice(0, 10),
            workerId: op.device === 2 ? (workerIds[0] as string) : d.userId,
            consent: { given: true, date: stamp.slice(0, 10), legalBasis: 'consent' },
            ...times,
          });
          await saveAllWithOutbox(
            d.db,
            [
              { type: 'household', record: h },
              { type: 'person', record: p },
              { type: 'enrolment', record: e },
            ],
            d.clock,
          );
          break;
        }
        case 'contact': {
          const enrolments = sorted(
            (await d.db.enrolments.toArray()).filter((e) => e.status === 'active'),
          );
          const e = enrolments[op.pick % Math.max(1, enrolments.length)];
          if (!e) break;
          const c = aContact(e.householdId, e.id, {
            workerId: d.userId,
            at: stamp,
            kind: op.failed ? 'failed_attempt' : 'home_visit',
            createdAt: stamp,
            updatedAt: stamp,
          });
          await saveWithOutbox(d.db, 'contact', c, d.clock);
          createdContacts.add(c.id);
          break;
        }
        case 'edit': {
          const households = sorted(await d.db.households.toArray());
          const h = households[op.pick % Math.max(1, households.length)];
          if (!h) break;
          const value =
            op.field === 'phone' ? `+420 777 000 ${op.value}` : `${op.field} ${op.value}`;
          await saveWithOutbox(
            d.db,
            'household',
            { ...h, [op.field]: value, updatedAt: stamp },
            d.clock,
          );
          break;
        }
        case 'sync':
          await d.sync(op.fault);
          break;
        case 'restart':
          await d.restart();
          break;
        case 'upgrade':
          await d.upgradeApp();
          break;
        case 'flush':
          await d.net.flushDelayed();
          break;
        case 'skew':
          d.skewDays = op.days;
          break;
      }
      await noteMutations(d);
    }

    // Quiet period: stale replays arrive, then everyone syncs without faults until settled.
    for (const d of devices) await d.net.flushDelayed();
    for (let round = 0; round < 3; round++) for (const d of devices) await d.sync();

    // Every change left every outbox: applied, or kept aside on the server for a supervisor.
    for (const d of devices) expect(await d.db.outbox.toArray(), `${d.name} outbox`).toEqual([]);

    // Exactly once: one ledger entry per mutation ever queued, however often it was sent.
    const [ledger] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_ledger');
    expect(Number(ledger?.n)).toBe(mutationIds.size);

    // Conservation: every contact logged on any device is on the server or in quarantine.
    const serverContacts = new Set(
      (await db.query<{ id: string }>("SELECT id FROM records WHERE type = 'contact'")).map(
        (r) => r.id,
      ),
    );
    const quarantined = new Set(
      (
        await db.query<{ id: string }>(
          "SELECT record ->> 'id' AS id FROM sync_quarantine WHERE record_type = 'contact'",
        )
      ).map((r) => r.id),
    );
    for (const id of createdContacts)
      expect(serverContacts.has(id) || quarantined.has(id), `contact ${id}`).toBe(true);

    // Convergence and scope: each device holds exactly the server's records in its scope.
    for (const d of devices) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/households',
        headers: {
          authorization: `Bearer ${d.token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
        payload: {
          ids: [...((await d.db.households.toCollection().primaryKeys()) as string[]), newId()],
        },
      });
      const serverView = (res.json() as { changes: { type: string; record: { id: string } }[] })
        .changes;
      const pull = await app.inject({
        url: '/api/sync/pull?cursor=999999999&limit=1',
        headers: {
          authorization: `Bearer ${d.token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
      });
      const scope = new Set((pull.json() as { scope: string[] }).scope);
      const local = new Set((await d.db.households.toCollection().primaryKeys()) as string[]);
      expect([...local].sort(), `${d.name} households = scope`).toEqual([...scope].sort());
      for (const type of RECORD_TYPES) {
        const mine = sorted((await d.db.table(RECORD_TABLES[type]).toArray()) as { id: string }[]);
        const theirs = sorted(serverView.filter((c) => c.type === type).map((c) => c.record));
        expect(mine.length, `${d.name} ${type} count`).toBe(theirs.length);
        mine.forEach((r, i) =>
          expect(deepEqual(r, theirs[i]), `${d.name} ${type} ${r.id}`).toBe(true),
        );
      }
    }
  } finally {
    for (const d of devices) await d.destroy();
    await app.close();
    await db.close();
  }
};

describe('sync simulator', () => {
  it('converges, conserves, applies exactly once and respects scope under faults', async () => {
    const seed = Number(process.env.SIM_SEED ?? Date.now() % 2 ** 31);
    const numRuns = Number(process.env.SIM_RUNS ?? 8);
    console.info(`sync simulator: seed ${seed}, ${numRuns} runs (replay with SIM_SEED=${seed})`);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 15, maxLength: 45 }), runHistory),
      { seed, numRuns, endOnFailure: true },
    );
  }, 600_000);
});
