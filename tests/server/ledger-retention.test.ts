import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, type PushMutation } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { DEFAULT_LEDGER_RETENTION_DAYS, pruneLedger } from '../../sync-server/sync/ledger';
import { aHousehold } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pushResults, testApp } from './helpers/app';

/** The exactly-once ledger is pruned after its window (docs/sync-protocol.md), never inside it. */
describe.each(BACKENDS)('ledger retention on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let token = '';
  let teamId = '';
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    const { body } = await login(app, 'vedouci');
    token = body.token;
    teamId = body.user.teamId as string;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const aged = (m: PushMutation, days: number) =>
    db.query(
      `UPDATE sync_ledger SET created_at = now() - make_interval(days => $2::int) WHERE mutation_id = $1`,
      [m.mutationId, days],
    );
  const create = (): PushMutation => ({
    mutationId: newId(),
    type: 'household',
    record: aHousehold({ teamId }),
    base: null,
  });
  const inLedger = async (m: PushMutation) =>
    (await db.query('SELECT 1 FROM sync_ledger WHERE mutation_id = $1', [m.mutationId])).length;

  it('keeps entries inside the window: a retry there still gets its stored result', async () => {
    const recent = create();
    const first = await pushResults(app, token, [recent]);
    await aged(recent, DEFAULT_LEDGER_RETENTION_DAYS - 1);
    const old = create();
    await pushResults(app, token, [old]);
    await aged(old, DEFAULT_LEDGER_RETENTION_DAYS + 1);

    expect(await pruneLedger(db, DEFAULT_LEDGER_RETENTION_DAYS)).toBe(1);
    expect([await inLedger(recent), await inLedger(old)]).toEqual([1, 0]);
    // Inside the window a retry with another payload is still told apart from the original.
    expect(await pushResults(app, token, [recent])).toEqual(first);
    const changed = { ...recent, record: { ...recent.record, label: 'Jiná' } };
    expect((await pushResults(app, token, [changed]))[0]).toMatchObject({
      code: 'payload_mismatch',
    });
    expect(await pruneLedger(db, DEFAULT_LEDGER_RETENTION_DAYS)).toBe(0);
  });
});
