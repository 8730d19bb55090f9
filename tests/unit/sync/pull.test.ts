import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type Contact, type PullResponse } from '../../../src/core';
import { CURSOR_KEY, HISTORY_KEY, RECENT_KEY } from '../../../src/data/apply-pulled';
import { TerenDb } from '../../../src/data/db';
import { readMeta, writeMeta } from '../../../src/data/meta';
import { ApiError, createApiClient } from '../../../src/sync/api-client';
import { pullAll } from '../../../src/sync/pull';
import { aContact, aHousehold } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`pullall-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A fake server speaking the real protocol over fetch, serving `records` by cursor. */
const fakeServer = (records: ReturnType<typeof aHousehold>[], failAfterCalls = Infinity) => {
  const seen: string[] = [];
  const fetchImpl = async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const cursor = Number(url.searchParams.get('cursor'));
    const limit = Number(url.searchParams.get('limit'));
    seen.push(String(cursor));
    if (seen.length > failAfterCalls) throw new TypeError('network down');
    const page = records.slice(cursor, cursor + limit);
    const body: PullResponse = {
      cursor: String(cursor + page.length),
      hasMore: cursor + page.length < records.length,
      changes: page.map((record) => ({ type: 'household', record })),
    };
    return new Response(JSON.stringify(body), { status: 200 });
  };
  return { api: createApiClient('http://server.invalid', fetchImpl), seen };
};

describe('pullAll', () => {
  it('pulls every page, reporting progress, and stores the final cursor', async () => {
    const records = Array.from({ length: 25 }, () => aHousehold());
    const { api, seen } = fakeServer(records);
    const progress: number[] = [];
    const received = await pullAll(db, api, 'token-token-token-token', {
      onProgress: (n) => progress.push(n),
      pageSize: 10,
    });
    expect(received).toBe(25);
    expect(progress).toEqual([10, 20, 25]);
    expect(seen).toEqual(['0', '10', '20']);
    expect(await db.households.count()).toBe(25);
    expect(await readMeta(db, CURSOR_KEY)).toBe('25');
  });

  it('fetches the next page while it stores the current one', async () => {
    const records = Array.from({ length: 25 }, () => aHousehold());
    const { api, seen } = fakeServer(records);
    // How many pages were asked for when each stored record was written.
    const askedWhenStored: number[] = [];
    db.households.hook('creating', () => {
      askedWhenStored.push(seen.length);
    });
    await pullAll(db, api, 'token-token-token-token', { pageSize: 10 });
    expect(askedWhenStored.slice(0, 10)).toEqual(Array(10).fill(2));
    expect(askedWhenStored.slice(20)).toEqual(Array(5).fill(3));
    expect(seen).toEqual(['0', '10', '20']);
  });

  it('resumes after an interruption from the last stored page', async () => {
    const records = Array.from({ length: 25 }, () => aHousehold());
    const first = fakeServer(records, 2);
    await expect(
      pullAll(db, first.api, 'token-token-token-token', { pageSize: 10 }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(await readMeta(db, CURSOR_KEY)).toBe('20');
    const second = fakeServer(records);
    await pullAll(db, second.api, 'token-token-token-token', { pageSize: 10 });
    expect(second.seen).toEqual(['20']);
    expect(await db.households.count()).toBe(25);
  });

  it('starts from the stored cursor', async () => {
    await writeMeta(db, CURSOR_KEY, '5');
    const { api, seen } = fakeServer(Array.from({ length: 7 }, () => aHousehold()));
    expect(await pullAll(db, api, 'token-token-token-token')).toBe(2);
    expect(seen).toEqual(['5']);
  });
});

/**
 * A fake server that keeps one row per record with the change number of its last change,
 * and answers the first sync's parts as the real one does (sync-server/sync/pull-route.ts).
 * `between` runs before each request: the server's data may change during a sync.
 */
const partServer = (
  between: (request: number) => void = () => undefined,
  /** From this request on, answered as a server that does not know the parts. */
  oldFrom = Infinity,
) => {
  let seq = 0;
  const rows = new Map<string, { seq: number; type: 'household' | 'contact'; record: Contact }>();
  const put = (type: 'household' | 'contact', record: Contact | ReturnType<typeof aHousehold>) =>
    rows.set(record.id, { seq: ++seq, type, record: record as Contact });
  const asked: URLSearchParams[] = [];
  let failAt = Infinity;
  let scope: Set<string> | null = null;
  const fetchImpl = async (input: RequestInfo | URL) => {
    const q = new URL(String(input)).searchParams;
    asked.push(q);
    if (asked.length >= failAt) throw new TypeError('network down');
    between(asked.length);
    const cursor = Number(q.get('cursor'));
    const limit = Number(q.get('limit'));
    const old = asked.length >= oldFrom;
    const upTo = q.has('upTo') && !old ? Number(q.get('upTo')) : Infinity;
    const part = old ? null : q.get('part');
    const before = Date.parse(q.get('before') ?? '');
    const isOld = (r: { type: string; record: Contact }) =>
      r.type === 'contact' && Date.parse(r.record.at) < before;
    const found = [...rows.values()]
      .filter((r) => r.seq > cursor && r.seq <= upTo)
      .filter((r) => (part === 'history' ? isOld(r) : part === 'recent' ? !isOld(r) : true))
      .sort((a, b) => a.seq - b.seq);
    const page = found.slice(0, limit);
    const body: PullResponse = {
      cursor: String(page.at(-1)?.seq ?? cursor),
      hasMore: found.length > limit,
      changes: page.map((r) => ({ type: r.type, record: r.record })),
      ...(part ? { part: part as 'recent' | 'history' } : {}),
      // As the real server: the scope on the last page of an ordinary pull.
      ...(!part && found.length <= limit && scope ? { scope: [...scope] } : {}),
    };
    return new Response(JSON.stringify(body), { status: 200 });
  };
  return {
    api: createApiClient('http://server.invalid', fetchImpl),
    put,
    rows,
    asked,
    failFrom: (n: number) => (failAt = n),
    /** The households the server says the device may hold. */
    setScope: (ids: string[]) => (scope = new Set(ids)),
  };
};

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('pullAll, first sync in parts', () => {
  const household = aHousehold();
  const TOKEN = 'token-token-token-token';

  it('stores everything recent before any older contact, then the history', async () => {
    const server = partServer();
    server.put('household', household);
    // Interleaved as years of work would be: old and recent contacts mixed in change order.
    for (let i = 0; i < 30; i++)
      server.put('contact', aContact(household.id, household.id, { at: daysAgo(i % 2 ? 2 : 900) }));
    const stored: string[] = [];
    db.contacts.hook('creating', (_key, c: Contact) => {
      stored.push(Date.parse(c.at) < Date.now() - 365 * DAY ? 'old' : 'recent');
    });
    const parts: (string | null)[] = [];
    expect(
      await pullAll(db, server.api, TOKEN, {
        onProgress: (_n, part) => parts.push(part),
        pageSize: 4,
      }),
    ).toBe(31);
    expect(stored).toEqual([...Array(15).fill('recent'), ...Array(15).fill('old')]);
    expect(parts[0]).toBe('recent');
    expect(parts.at(-1)).toBe('history');
    expect(await readMeta(db, CURSOR_KEY)).toBe('31');
    expect(await readMeta(db, HISTORY_KEY)).toBeUndefined();
    expect(await readMeta(db, RECENT_KEY)).toBeUndefined();
    // The next sync is an ordinary one from the cursor.
    server.asked.length = 0;
    await pullAll(db, server.api, TOKEN, { pageSize: 4 });
    expect(server.asked.map((q) => [q.get('cursor'), q.get('part')])).toEqual([['31', null]]);
  });

  it('resumes the history where it stopped, after the next ordinary pull', async () => {
    const server = partServer();
    for (let i = 0; i < 12; i++)
      server.put('contact', aContact(household.id, household.id, { at: daysAgo(400 + i) }));
    // Changed last: the recent part ends after every old contact.
    server.put('household', household);
    // Recent part (1 request), ordinary (1), history: the second history page fails.
    server.failFrom(4);
    await expect(pullAll(db, server.api, TOKEN, { pageSize: 5 })).rejects.toBeInstanceOf(ApiError);
    expect(await db.contacts.count()).toBe(5);
    expect(await readMeta(db, HISTORY_KEY)).toMatchObject({ cursor: '5', upTo: '13' });
    server.failFrom(Infinity);
    server.asked.length = 0;
    await pullAll(db, server.api, TOKEN, { pageSize: 5 });
    expect(server.asked.map((q) => [q.get('part'), q.get('cursor')])).toEqual([
      [null, '13'],
      ['history', '5'],
      ['history', '10'],
    ]);
    expect(await db.contacts.count()).toBe(12);
    expect(await readMeta(db, HISTORY_KEY)).toBeUndefined();
  });

  it('stores nothing more once stopped', async () => {
    const server = partServer();
    for (let i = 0; i < 25; i++) server.put('household', aHousehold());
    const stop = new AbortController();
    await expect(
      pullAll(db, server.api, TOKEN, {
        onProgress: (n) => {
          if (n >= 10) stop.abort();
        },
        pageSize: 10,
        signal: stop.signal,
      }),
    ).rejects.toThrow();
    expect(await db.households.count()).toBe(10);
  });

  it("leaves out the history of households that left the device's scope", async () => {
    const server = partServer();
    const gone = aHousehold();
    for (const h of [household, gone])
      server.put('contact', aContact(h.id, h.id, { at: daysAgo(500) }));
    server.put('household', household);
    // The scope the ordinary pull reports: `gone` was reassigned before it.
    server.setScope([household.id]);
    await pullAll(db, server.api, TOKEN, { pageSize: 5 });
    expect((await db.contacts.toArray()).map((c) => c.householdId)).toEqual([household.id]);
  });

  const change = fc.record({
    index: fc.nat(20),
    daysAgo: fc.constantFrom(1, 30, 500, 800),
    deleted: fc.boolean(),
  });

  it('ends with exactly what the server holds, whatever changed on it meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(change, { maxLength: 3 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        async (during, pageSize, oldFrom) => {
          const local = new TerenDb(`pullparts-${Math.random()}`);
          const ids = Array.from({ length: 21 }, () => newId());
          const apply = (
            list: readonly { index: number; daysAgo: number; deleted: boolean }[] | undefined,
          ) => {
            for (const c of list ?? [])
              server.put(
                'contact',
                aContact(household.id, household.id, {
                  id: ids[c.index] as string,
                  at: daysAgo(c.daysAgo),
                  deleted: c.deleted,
                }),
              );
          };
          // Before request n, the n-th batch of changes lands on the server.
          // Sometimes the server is replaced by one without the parts along the way.
          const server = partServer((n) => apply(during[n - 1]), oldFrom);
          server.put('household', household);
          for (let i = 0; i < 10; i++)
            apply([{ index: i, daysAgo: i % 2 ? 3 : 700, deleted: false }]);
          await pullAll(local, server.api, TOKEN, { pageSize });
          // Changes that came after the last request are for the next sync.
          await pullAll(local, server.api, TOKEN, { pageSize });
          const onServer = [...server.rows.values()]
            .filter((r) => r.type === 'contact')
            .map((r) => [r.record.id, r.record.at, r.record.deleted]);
          const onDevice = (await local.contacts.toArray()).map((c) => [c.id, c.at, c.deleted]);
          expect(onDevice.sort()).toEqual(onServer.sort());
          local.close();
          await Dexie.delete(local.name);
        },
      ),
      { numRuns: 60 },
    );
  });
});
