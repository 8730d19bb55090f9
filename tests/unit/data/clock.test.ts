import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, type PullResponse } from '../../../src/core';
import { restoreClock } from '../../../src/data/clock';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { createApiClient } from '../../../src/sync/api-client';
import { pullAll } from '../../../src/sync/pull';
import { aHousehold } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`clock-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const lastHlc = async () => (await db.outbox.orderBy('seq').last())?.hlc ?? '';

/**
 * The clock was rebuilt at every start, so on a device running behind an edit made
 * after a reload was stamped earlier than the one before it, and the newer value lost.
 */
describe('the device clock across restarts', () => {
  it('stamps an edit after a restart later than one before it, though the wall clock is behind', async () => {
    const h = aHousehold();
    // Before the restart: the server's time (9 s) was learned, then an edit was saved.
    const before = createClock('a', () => 1_000);
    before.receive(9_000);
    await saveWithOutbox(db, 'household', h, before);
    const first = await lastHlc();
    await db.outbox.clear(); // sent and acknowledged meanwhile
    const after = createClock('b', () => 1_500);
    await restoreClock(db, after);
    await saveWithOutbox(db, 'household', { ...h, note: 'po restartu' }, after);
    expect((await lastHlc()) > first).toBe(true);
  });

  it('goes on from the server time learned by a pull, with nothing saved since', async () => {
    const page: PullResponse = { cursor: '1', hasMore: false, changes: [], serverTime: 50_000 };
    const api = createApiClient(
      'http://server.invalid',
      async () => new Response(JSON.stringify(page), { status: 200 }),
    );
    await pullAll(db, api, 'token-token-token-token', { clock: createClock('a', () => 10) });
    const restarted = createClock('b', () => 20);
    await restoreClock(db, restarted);
    expect(restarted.tick() > createClock('c', () => 50_000).tick()).toBe(true);
  });

  it('never runs backwards over any sequence of saves and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.boolean()), { maxLength: 12 }),
        async (steps) => {
          await db.outbox.clear();
          await db.meta.clear();
          let clock = createClock('n0', () => 0);
          let previous = '';
          for (const [i, [wall, restart]] of steps.entries()) {
            if (restart) {
              clock = createClock(`n${i}`, () => wall);
              await restoreClock(db, clock);
            }
            await saveWithOutbox(db, 'household', aHousehold(), clock);
            const hlc = await lastHlc();
            // Later by (wall, counter), whatever node made it.
            expect(hlc.slice(0, 20) > previous.slice(0, 20)).toBe(true);
            previous = hlc;
            if (i % 3 === 0) await db.outbox.clear();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
