import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src/core';
import { CURSOR_KEY } from '../../../src/data/apply-pulled';
import { TerenDb } from '../../../src/data/db';
import { readMeta, writeMeta } from '../../../src/data/meta';
import { ApiError, createApiClient } from '../../../src/sync/api-client';
import { pullAll } from '../../../src/sync/pull';
import { aHousehold } from '../../factories/records';

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
    const received = await pullAll(db, api, 'token-token-token-token', (n) => progress.push(n), 10);
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
    await pullAll(db, api, 'token-token-token-token', undefined, 10);
    expect(askedWhenStored.slice(0, 10)).toEqual(Array(10).fill(2));
    expect(askedWhenStored.slice(20)).toEqual(Array(5).fill(3));
    expect(seen).toEqual(['0', '10', '20']);
  });

  it('resumes after an interruption from the last stored page', async () => {
    const records = Array.from({ length: 25 }, () => aHousehold());
    const first = fakeServer(records, 2);
    await expect(
      pullAll(db, first.api, 'token-token-token-token', undefined, 10),
    ).rejects.toBeInstanceOf(ApiError);
    expect(await readMeta(db, CURSOR_KEY)).toBe('20');
    const second = fakeServer(records);
    await pullAll(db, second.api, 'token-token-token-token', undefined, 10);
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
