import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepEqual, newId, PROTOCOL_HEADER, PROTOCOL_VERSION, RECORD_TYPES } from '../../src/core';
import { RECORD_TABLES } from '../../src/data/db';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from '../server/helpers/databases';
import { applyOp, type World } from './actions';
import { openVault, SimDevice, type Identity } from './device';
import { appFor, signIn } from './server';
import { IntentLog } from './oracle';
import { opArb, USERS, type Op } from './ops';

/**
 * A seeded, property-based simulation of several devices syncing with the real server, on
 * each database backend and through two server instances, with injected faults, encryption
 * at rest on, and restarts that lose what a real app loses (its memory). Replay a failure
 * with SIM_SEED=<seed printed below>, explore with SIM_SEED=random; SIM_RUNS sets how many
 * histories each backend tries.
 */
const RUNS = Number(process.env.SIM_RUNS ?? 150);
const DEFAULT_SEED = 17;

describe.each(BACKENDS)('sync simulator on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let apps: FastifyInstance[] = [];
  let identities: Identity[] = [];
  let reopenVault: () => void = () => undefined;

  beforeAll(async () => {
    const opened = await backend.open();
    ({ db, drop } = opened);
    await seedDemo(db);
    apps = [await appFor(db), await appFor(await opened.another())];
    identities = [];
    for (const u of USERS) identities.push(await signIn(apps[0] as FastifyInstance, u));
    reopenVault = await openVault();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await drop();
  });

  const runHistory = async (ops: Op[]) => {
    // Every history starts from an empty case register; users and their sessions stay.
    await db.exec(
      'TRUNCATE records, sync_ledger, sync_conflicts, sync_quarantine, audit_log, anonymisations',
    );
    reopenVault();
    const devices = identities.map(
      (who, i) => new SimDevice(`d${i}`, who, apps[i % apps.length] as FastifyInstance),
    );
    const world: World = {
      devices,
      workerIds: [identities[0]?.userId as string, identities[1]?.userId as string],
      intent: new IntentLog(),
      edits: 0,
    };
    const mutationIds = new Set<string>();
    try {
      for (const op of ops) {
        await applyOp(world, op);
        for (const d of devices)
          for (const e of await d.db.outbox.toArray()) mutationIds.add(e.mutationId);
      }
      // Quiet period: stale replays arrive, then everyone syncs without faults until settled.
      for (const d of devices) await d.net.flushDelayed();
      for (let round = 0; round < 3; round++) for (const d of devices) await d.sync();
      await checkSettled(devices, mutationIds);
      await world.intent.check(db);
      await world.intent.checkAppended(db);
      await checkConverged(devices);
    } finally {
      for (const d of devices) await d.destroy();
    }
  };

  /** Every outbox is empty (applied, or kept aside for a supervisor), each change once. */
  const checkSettled = async (devices: SimDevice[], mutationIds: Set<string>) => {
    for (const d of devices) expect(await d.db.outbox.toArray(), `${d.name} outbox`).toEqual([]);
    const [ledger] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_ledger');
    expect(Number(ledger?.n), 'one ledger entry per mutation').toBe(mutationIds.size);
  };

  /** Each device holds exactly the server's records of exactly its scope. */
  const checkConverged = async (devices: SimDevice[]) => {
    for (const d of devices) {
      const headers = {
        authorization: `Bearer ${d.who.token}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      };
      const app = apps[0] as FastifyInstance;
      const pull = await app.inject({ url: '/api/sync/pull?cursor=999999999&limit=1', headers });
      const scope = (pull.json() as { scope: string[] }).scope;
      const local = (await d.db.households.toCollection().primaryKeys()) as string[];
      expect([...local].sort(), `${d.name} households = scope`).toEqual([...scope].sort());
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/households',
        headers,
        payload: { ids: [...local, newId()] },
      });
      const server = (res.json() as { changes: { type: string; record: { id: string } }[] })
        .changes;
      for (const type of RECORD_TYPES) {
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        const mine = (await d.records<{ id: string }>(RECORD_TABLES[type])).sort(byId);
        const theirs = server
          .filter((c) => c.type === type)
          .map((c) => c.record)
          .sort(byId);
        expect(mine.length, `${d.name} ${type} count`).toBe(theirs.length);
        mine.forEach((r, i) =>
          expect(deepEqual(r, theirs[i]), `${d.name} ${type} ${r.id}`).toBe(true),
        );
      }
    }
  };

  it('keeps every acknowledged intent, converges and respects scope under faults', async () => {
    // A fixed seed by default, so CI runs the same histories every time; SIM_SEED=random
    // explores new ones (and prints the seed that replays a failure).
    const given = process.env.SIM_SEED ?? String(DEFAULT_SEED);
    const seed = given === 'random' ? Date.now() % 2 ** 31 : Number(given);
    console.info(
      `sync simulator on ${backend.name}: seed ${seed}, ${RUNS} runs (replay with SIM_SEED=${seed})`,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 15, maxLength: 45 }), runHistory),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
