import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  encodeHlc,
  newId,
  type Household,
  type PushMutation,
  type PushResult,
} from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aHousehold, anEnrolment } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pushAs, testApp } from './helpers/app';

/** Household fields a device may edit, with a valid value for round r and device d. */
const FIELDS: Record<string, (r: number, d: number) => string> = {
  label: (r, d) => `Domácnost ${r}-${d}`,
  street: (r, d) => `Ulice ${r}/${d}`,
  city: (r, d) => `Město ${r}-${d}`,
  localityName: (r, d) => `Lokalita ${r}-${d}`,
  phone: (r, d) => `+420 6${String(r).padStart(2, '0')} 000 ${String(d).padStart(3, '0')}`,
  note: (r, d) => `Poznámka ${r}-${d} ✓ ř`,
};
const NAMES = Object.keys(FIELDS);
const ROUNDS = 12;
const DEVICES = 6;

type Device = { app: FastifyInstance; token: string; node: string };

/**
 * Truly parallel pushes: every device pulled the same household and edits it at
 * once, half of them through each of two server instances (each with its own connection
 * pool on PostgreSQL). Nothing acknowledged may be lost: every field ends at the value with
 * the latest clock, and every other value sent for it is in the conflict log.
 */
describe.each(BACKENDS)('concurrent pushes on $name, two instances', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let apps: FastifyInstance[] = [];
  const devices: Device[] = [];
  let teamId = '';
  let workerId = '';

  beforeAll(async () => {
    const opened = await backend.open();
    ({ db, drop } = opened);
    await seedDemo(db);
    apps = [await testApp(db), await testApp(await opened.another())];
    for (let d = 0; d < DEVICES; d++) {
      const app = apps[d % 2] as FastifyInstance;
      // Supervisors and the case's worker, on devices of their own.
      const { body } = await login(app, d % 3 === 2 ? 'pracovnik1' : 'vedouci');
      devices.push({ app, token: body.token, node: `dev${d}` });
      teamId = body.user.teamId as string;
      if (d % 3 === 2) workerId = body.user.id;
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await drop();
  });

  const stored = async (id: string) =>
    (await db.query<{ data: Household }>('SELECT data FROM records WHERE id = $1', [id]))[0]
      ?.data as Household;
  const losers = async (id: string, field: string) =>
    (
      await db.query<{ v: unknown }>(
        'SELECT losing_value AS v FROM sync_conflicts WHERE record_id = $1 AND field = $2',
        [id, field],
      )
    ).map((r) => r.v);
  const edit = (base: Household, record: Household, hlc: string): PushMutation => ({
    mutationId: newId(),
    type: 'household',
    record: record as unknown as Record<string, unknown>,
    base: base as unknown as Record<string, unknown>,
    hlc,
  });
  const pushAll = (sends: [Device, PushMutation][]) =>
    Promise.all(sends.map(([dev, m]) => pushAs(dev.app, dev.token, [m])));
  const statusOf = async (res: Awaited<ReturnType<typeof pushAs>>) => {
    expect(res.statusCode).toBe(200);
    return ((res.json() as { results: PushResult[] }).results[0] as PushResult).status;
  };

  const newHousehold = async () => {
    const h = aHousehold({ teamId });
    const e = anEnrolment(h.id, { workerId });
    const [dev] = devices as [Device];
    const res = await pushAs(dev.app, dev.token, [
      { mutationId: newId(), type: 'household', record: h, base: null },
      { mutationId: newId(), type: 'enrolment', record: e, base: null },
    ]);
    expect(res.statusCode).toBe(200);
    return h;
  };

  it('keeps every device\u2019s edit of a different field', async () => {
    const h = await newHousehold();
    for (let r = 0; r < ROUNDS; r++) {
      const base = await stored(h.id);
      const sends = devices.map((dev, d): [Device, PushMutation] => {
        const field = NAMES[(d + r) % NAMES.length] as string;
        const value = (FIELDS[field] as (r: number, d: number) => string)(r, d);
        return [dev, edit(base, { ...base, [field]: value }, encodeHlc(Date.now(), d, dev.node))];
      });
      const answers = await pushAll(sends);
      for (const a of answers) expect(await statusOf(a)).toBe('applied');
      const after = await stored(h.id);
      for (const [, m] of sends) {
        const [field, value] = Object.entries(m.record).find(
          ([k, v]) => (base as unknown as Record<string, unknown>)[k] !== v,
        ) as [string, string];
        expect({ round: r, field, value: after[field as keyof Household] }).toEqual({
          round: r,
          field,
          value,
        });
      }
    }
  });

  it('ends every field at the latest clock and logs every other value', async () => {
    const h = await newHousehold();
    for (let r = 0; r < ROUNDS; r++) {
      const field = NAMES[r % NAMES.length] as string;
      const base = await stored(h.id);
      const now = Date.now();
      // Clocks in a shuffled order, so the latest is not the device that happens to commit last.
      const order = devices.map((_, d) => (d * 5 + r) % DEVICES);
      const sends = devices.map((dev, d): [Device, PushMutation] => {
        const value = (FIELDS[field] as (r: number, d: number) => string)(r, d);
        const hlc = encodeHlc(now + 1 + (order[d] as number), 0, dev.node);
        return [dev, edit(base, { ...base, [field]: value }, hlc)];
      });
      const answers = await pushAll(sends);
      for (const a of answers) expect(await statusOf(a)).toBe('applied');
      const latest = order.indexOf(DEVICES - 1);
      const values = sends.map(([, m]) => m.record[field]);
      expect({ round: r, value: (await stored(h.id))[field as keyof Household] }).toEqual({
        round: r,
        value: values[latest],
      });
      const logged = await losers(h.id, field);
      for (const [d, v] of values.entries())
        if (d !== latest)
          expect({ round: r, logged: logged.includes(v) }).toEqual({
            round: r,
            logged: true,
          });
    }
  });

  it('answers a retry that overlaps its original with the stored result', async () => {
    const h = await newHousehold();
    const base = await stored(h.id);
    const dev = devices[1] as Device;
    const other = apps[0] === dev.app ? (apps[1] as FastifyInstance) : (apps[0] as FastifyInstance);
    for (let r = 0; r < 5; r++) {
      const m = edit(base, { ...base, note: `souběh ${r}` }, encodeHlc(Date.now(), 0, dev.node));
      const [a, b] = await Promise.all([
        pushAs(dev.app, dev.token, [m]),
        pushAs(other, dev.token, [m]),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(a.json()).toEqual(b.json());
    }
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE record_id = $1 AND action = 'change'`,
      [h.id],
    );
    // The household's creation and one change per round: no retry applied twice.
    expect(row?.n).toBe(1 + 5);
  });
});
