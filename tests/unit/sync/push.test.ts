import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushMutation, PushResult } from '../../../src/core';
import { applyPulledPage } from '../../../src/data/apply-pulled';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { ApiError, createApiClient } from '../../../src/sync/api-client';
import { pushAll } from '../../../src/sync/push';
import { aHousehold } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`push-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A fake server: answers each mutation with `decide`, or fails the whole request. */
const fakeServer = (decide: (m: PushMutation) => PushResult | 'drop', fail = false) => {
  const received: PushMutation[][] = [];
  const fetchImpl = async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (fail) throw new TypeError('network down');
    const { mutations } = JSON.parse(String(init?.body)) as { mutations: PushMutation[] };
    received.push(mutations);
    const results = mutations.map(decide).filter((r): r is PushResult => r !== 'drop');
    return new Response(JSON.stringify({ results }), { status: 200 });
  };
  return { api: createApiClient('http://server.invalid', fetchImpl), received };
};
const applied = (m: PushMutation): PushResult => ({ mutationId: m.mutationId, status: 'applied' });
const token = 'token-token-token-token';

describe('pushAll', () => {
  it('sends the outbox in order with the base of each edit, and clears what the server applied', async () => {
    const h = aHousehold({ label: 'První' });
    await saveWithOutbox(db, 'household', h);
    await saveWithOutbox(db, 'household', { ...h, label: 'Druhá' });
    const { api, received } = fakeServer(applied);
    expect(await pushAll(db, api, token)).toEqual({
      applied: 2,
      rejected: 0,
      conflicts: 0,
      sentIds: new Set([h.id]),
    });
    const [batch] = received;
    expect(batch?.map((m) => [m.record.label, m.base?.label ?? null])).toEqual([
      ['První', null],
      ['Druhá', 'První'],
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a refused change, marked, and still sends the rest', async () => {
    const good = aHousehold();
    const bad = aHousehold();
    await saveWithOutbox(db, 'household', bad);
    await saveWithOutbox(db, 'household', good);
    const { api } = fakeServer((m) =>
      m.record.id === bad.id
        ? { mutationId: m.mutationId, status: 'rejected', code: 'forbidden' }
        : applied(m),
    );
    expect(await pushAll(db, api, token)).toMatchObject({ applied: 1, rejected: 1 });
    const left = await db.outbox.toArray();
    expect(left.map((e) => [e.recordId, e.rejected])).toEqual([[bad.id, 'forbidden']]);
    // Not sent again.
    const again = fakeServer(applied);
    await pushAll(db, again.api, token);
    expect(again.received).toEqual([]);
  });

  it('keeps everything when the network fails or an answer is missing', async () => {
    const h = aHousehold();
    await saveWithOutbox(db, 'household', h);
    await expect(pushAll(db, fakeServer(applied, true).api, token)).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(await db.outbox.count()).toBe(1);
    await pushAll(db, fakeServer(() => 'drop').api, token);
    expect(await db.outbox.count()).toBe(1);
  });

  it('does not let a pull overwrite a record with an unsent change', async () => {
    const h = aHousehold({ label: 'Moje změna' });
    await saveWithOutbox(db, 'household', h);
    await applyPulledPage(
      db,
      [{ type: 'household', record: { ...h, label: 'Starší ze serveru' } }],
      '9',
    );
    expect((await db.households.get(h.id))?.label).toBe('Moje změna');
  });

  it('sends 500 changes in one request, and splits a batch that would be too large', async () => {
    for (let i = 0; i < 500; i++) await saveWithOutbox(db, 'household', aHousehold());
    const { api, received } = fakeServer(applied);
    await pushAll(db, api, token);
    expect(received.map((b) => b.length)).toEqual([500]);

    // 63 households with long notes: about 1.2 MB of JSON, more than one request may carry.
    const long = 'x'.repeat(19_000);
    for (let i = 0; i < 63; i++) await saveWithOutbox(db, 'household', aHousehold({ note: long }));
    const split = fakeServer(applied);
    await pushAll(db, split.api, token);
    const sizes = split.received.map((b) => JSON.stringify({ mutations: b }).length);
    expect(split.received.length).toBeGreaterThan(1);
    expect(sizes.every((n) => n <= 1_050_000)).toBe(true);
    expect(split.received.flat()).toHaveLength(63);
    expect(await db.outbox.count()).toBe(0);
  });
});
