import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveWithOutbox } from '../../src/data/outbox';
import { syncOnce } from '../../src/sync/sync-once';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aContact, aHousehold, anEnrolment, aPerson } from '../factories/records';
import { BACKENDS } from '../server/helpers/databases';
import { openVault, SimDevice } from './device';
import { appFor, signIn } from './server';

/**
 * What the sync status says a sync did: the changes the server took, and the records that
 * came from others, not this device's own changes coming back with the pull after the push
 * (once "Staženo 13 záznamů" after sending 7 changes).
 */
describe.each(BACKENDS)('what a sync sent and received, on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let worker: SimDevice;
  let supervisor: SimDevice;
  const sync = (d: SimDevice) =>
    syncOnce(d.db, d.api, d.who.token, {
      onProgress: () => undefined,
      signal: new AbortController().signal,
    });

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await appFor(db);
    await openVault();
    worker = new SimDevice('worker', await signIn(app, 'pracovnik1'), app);
    supervisor = new SimDevice('supervisor', await signIn(app, 'vedouci'), app);
  });
  afterAll(async () => {
    await worker.destroy();
    await supervisor.destroy();
    await app.close();
    await drop();
  });

  it('counts what was sent, and only what others changed as received', async () => {
    await sync(worker);
    await sync(supervisor);
    const h = aHousehold({ teamId: worker.teamId });
    const e = anEnrolment(h.id, { workerId: worker.userId });
    for (const [type, record] of [
      ['household', h],
      ['person', aPerson(h.id)],
      ['enrolment', e],
    ] as const)
      await saveWithOutbox(worker.db, type, record);
    expect(await sync(worker)).toEqual({ sent: 3, received: 0 });

    await sync(supervisor);
    await saveWithOutbox(supervisor.db, 'household', { ...h, label: 'Přejmenovaná' });
    await saveWithOutbox(supervisor.db, 'person', aPerson(h.id));
    expect(await sync(supervisor)).toEqual({ sent: 2, received: 0 });

    await saveWithOutbox(worker.db, 'contact', aContact(h.id, e.id, { workerId: worker.userId }));
    expect(await sync(worker)).toEqual({ sent: 1, received: 2 });
    expect(await sync(supervisor)).toEqual({ sent: 0, received: 1 });
  });
});
