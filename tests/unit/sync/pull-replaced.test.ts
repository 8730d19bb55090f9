import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type PullResponse, type ReplacedValue } from '../../../src/core';
import { CURSOR_KEY } from '../../../src/data/apply-pulled';
import { TerenDb } from '../../../src/data/db';
import { writeMeta } from '../../../src/data/meta';
import { loadNotices } from '../../../src/data/sync-notices';
import { createApiClient } from '../../../src/sync/api-client';
import { pullAll } from '../../../src/sync/pull';

let db: TerenDb;
beforeEach(async () => {
  db = new TerenDb(`pull-replaced-${Math.random()}`);
  await writeMeta(db, CURSOR_KEY, '5');
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const aReplaced = (id: string, recordType = 'household'): ReplacedValue => {
  const householdId = newId();
  return {
    id,
    recordType,
    recordId: householdId,
    householdId,
    field: 'note',
    mine: `Zápis ${id}`,
    at: '2026-11-30T10:00:00.000Z',
  };
};

/** A server whose conflict log holds `log`: it sends the entries after `replacedAfter`. */
const serverWith = (log: ReplacedValue[]) => {
  const asked: (string | null)[] = [];
  const fetchImpl = async (input: RequestInfo | URL) => {
    const after = new URL(String(input)).searchParams.get('replacedAfter');
    asked.push(after);
    const replaced = log.filter((r) => after !== null && Number(r.id) > Number(after));
    const body: PullResponse = {
      cursor: '5',
      hasMore: false,
      changes: [],
      ...(replaced.length ? { replaced } : {}),
    };
    return new Response(JSON.stringify(body), { status: 200 });
  };
  return { api: createApiClient('http://server.invalid', fetchImpl), asked };
};

describe('replaced values on pull', () => {
  it('keeps each as a notice, once, and asks from the last one next time', async () => {
    const log = [aReplaced('7'), aReplaced('9')];
    const server = serverWith(log);
    await pullAll(db, server.api, 'token-token-token-token');
    const notices = await loadNotices(db);
    expect(notices.map((n) => n.kind === 'replaced' && n.mine).sort()).toEqual([
      'Zápis 7',
      'Zápis 9',
    ]);
    expect(notices[0]).toMatchObject({ kind: 'replaced', field: 'note', recordType: 'household' });
    await pullAll(db, server.api, 'token-token-token-token');
    expect(server.asked).toEqual(['0', '9']);
    expect(await loadNotices(db)).toHaveLength(2);
  });

  it('skips a record type this app does not know, and still moves past it', async () => {
    const server = serverWith([aReplaced('3', 'flatViewing')]);
    await pullAll(db, server.api, 'token-token-token-token');
    await pullAll(db, server.api, 'token-token-token-token');
    expect(await loadNotices(db)).toEqual([]);
    expect(server.asked).toEqual(['0', '3']);
  });
});
