import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PullResponse, PushMutation, PushResult } from '../../../src/core';
import { CURSOR_KEY } from '../../../src/data/apply-pulled';
import { TerenDb } from '../../../src/data/db';
import { readMeta, writeMeta } from '../../../src/data/meta';
import { saveWithOutbox } from '../../../src/data/outbox';
import { loadRefused, REFETCH_KEY, settleRefused } from '../../../src/data/refused';
import { loadNotices } from '../../../src/data/sync-notices';
import { createApiClient } from '../../../src/sync/api-client';
import { pullAll } from '../../../src/sync/pull';
import { pushAll } from '../../../src/sync/push';
import { aContact, aHousehold } from '../../factories/records';

let db: TerenDb;
beforeEach(async () => {
  db = new TerenDb(`refused-${Math.random()}`);
  await writeMeta(db, CURSOR_KEY, '10');
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});
const token = 'token-token-token-token';

/** A server that answers pushes with `decide`, and holds `records` for pulls and catch-up. */
const server = (
  decide: (m: PushMutation) => PushResult,
  records: (path: string) => { scope: string[]; households: ReturnType<typeof aHousehold>[] },
) => {
  const asked: string[] = [];
  const api = createApiClient('http://server.invalid', async (input, init) => {
    const url = new URL(String(input));
    asked.push(url.pathname);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (url.pathname === '/api/sync/push') {
      const { mutations } = JSON.parse(String(init?.body)) as { mutations: PushMutation[] };
      return json({ results: mutations.map(decide) });
    }
    const { scope, households } = records(url.pathname);
    if (url.pathname === '/api/sync/households')
      return json({ changes: households.map((record) => ({ type: 'household', record })) });
    const page: PullResponse = { cursor: '11', hasMore: false, changes: [], scope };
    return json(page);
  });
  return { api, asked };
};

describe('a refused change', () => {
  it('is kept with its reason, and once settled the record takes the server version again', async () => {
    const h = aHousehold({ note: 'na serveru' });
    await saveWithOutbox(db, 'household', { ...h, note: 'odmítnuto' });
    const refuse = (m: PushMutation): PushResult => ({
      mutationId: m.mutationId,
      status: 'rejected',
      code: 'forbidden',
      reason: 'ownership_change',
    });
    const { api, asked } = server(refuse, () => ({ scope: [h.id], households: [h] }));
    await pushAll(db, api, token);
    const [refused] = await loadRefused(db);
    expect(refused).toMatchObject({ code: 'forbidden', reason: 'ownership_change' });
    expect(refused?.record.note).toBe('odmítnuto');
    // While refused, the device keeps its own version.
    await pullAll(db, api, token);
    expect((await db.households.get(h.id))?.note).toBe('odmítnuto');

    await settleRefused(db, refused?.seq as number);
    expect(await readMeta(db, REFETCH_KEY)).toEqual({ [h.id]: 1 });
    await pullAll(db, api, token);
    expect((await db.households.get(h.id))?.note).toBe('na serveru');
    expect(asked).toContain('/api/sync/households');
    expect(await readMeta(db, REFETCH_KEY)).toEqual({});
    expect(await db.outbox.count()).toBe(0);
  });

  it('fetches a household again if another of its changes was settled during the fetch', async () => {
    const h = aHousehold();
    await saveWithOutbox(db, 'household', { ...h, note: 'první' });
    await saveWithOutbox(db, 'household', { ...h, note: 'druhá' });
    const refuse = (m: PushMutation): PushResult => ({
      mutationId: m.mutationId,
      status: 'rejected',
      code: 'invalid',
    });
    let during: (() => Promise<void>) | null = null;
    const { api } = server(refuse, (path) => {
      const settle = path === '/api/sync/households' ? during : null;
      if (settle) during = null;
      // The worker settles the second change while the first one's household is fetched.
      void settle?.();
      return { scope: [h.id], households: [h] };
    });
    await pushAll(db, api, token);
    const [first, second] = await loadRefused(db);
    await settleRefused(db, first?.seq as number);
    during = () => settleRefused(db, second?.seq as number);
    await pullAll(db, api, token);
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(await readMeta(db, REFETCH_KEY)).toEqual({ [h.id]: 2 });
  });

  it('keeps a household out of scope only while it is unsettled', async () => {
    const h = aHousehold();
    await saveWithOutbox(db, 'household', h);
    const refuse = (m: PushMutation): PushResult => ({
      mutationId: m.mutationId,
      status: 'rejected',
      code: 'invalid',
    });
    const { api } = server(refuse, () => ({ scope: [], households: [] }));
    await pushAll(db, api, token);
    await pullAll(db, api, token);
    expect(await db.households.get(h.id)).toBeDefined();
    const [refused] = await loadRefused(db);
    await settleRefused(db, refused?.seq as number);
    await pullAll(db, api, token);
    expect(await db.households.get(h.id)).toBeUndefined();
  });
});

describe('notices of what sync did', () => {
  it('tells of a value that lost and of a change held for the supervisor, without its text', async () => {
    const h = aHousehold({ street: 'Moje 1' });
    await saveWithOutbox(db, 'household', h);
    const c = aContact(h.id, h.id, { note: 'Citlivý text', minutes: 40 });
    await saveWithOutbox(db, 'contact', c);
    const decide = (m: PushMutation): PushResult =>
      m.type === 'contact'
        ? {
            mutationId: m.mutationId,
            status: 'rejected',
            code: 'quarantined',
            reason: 'case_moved',
          }
        : { mutationId: m.mutationId, status: 'applied', conflicts: ['street'], lost: ['street'] };
    const { api } = server(decide, () => ({ scope: [h.id], households: [h] }));
    await pushAll(db, api, token);
    const notices = await loadNotices(db);
    expect(notices.map((n) => n.kind).sort()).toEqual(['held', 'replaced']);
    expect(notices.find((n) => n.kind === 'replaced')).toMatchObject({
      householdId: h.id,
      field: 'street',
      mine: 'Moje 1',
    });
    const held = notices.find((n) => n.kind === 'held');
    expect(held).toMatchObject({ recordType: 'contact', minutes: 40, when: c.at });
    expect(JSON.stringify(held)).not.toContain('Citlivý');
    expect(await db.outbox.count()).toBe(0);
  });

  it('removes notices holding client data with their household when it leaves the scope', async () => {
    const h = aHousehold({ street: 'Moje 1' });
    await saveWithOutbox(db, 'household', h);
    const lost = (m: PushMutation): PushResult => ({
      mutationId: m.mutationId,
      status: 'applied',
      conflicts: ['street'],
      lost: ['street'],
    });
    const { api } = server(lost, () => ({ scope: [], households: [] }));
    await pushAll(db, api, token);
    expect(await loadNotices(db)).toHaveLength(1);
    await pullAll(db, api, token);
    expect(await loadNotices(db)).toEqual([]);
  });
});
