import { renderHook, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordView } from '../../../src/data/audit';
import { TerenDb } from '../../../src/data/db';
import { saveDraft } from '../../../src/data/drafts';
import { useDeviceQuery } from '../../../src/data/read-model/use-device-query';
import { aHousehold } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`use-live-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const settle = () => new Promise((done) => setTimeout(done, 120));

describe('useDeviceQuery', () => {
  it('runs again after a write to what screens read, not after drafts, audit, the log or snapshots', async () => {
    let runs = 0;
    const { result } = renderHook(() =>
      useDeviceQuery(async () => {
        runs += 1;
        return db.households.count();
      }, []),
    );
    await waitFor(() => expect(result.current).toBe(0));
    await settle();
    const before = runs;

    await saveDraft(db, 'contact:new:x', { note: 'píšu' });
    await recordView(db, 'household', aHousehold().id);
    await db.snapshots.put({ key: 'contacts', seq: 1, from: '', value: '[]' });
    await settle();
    expect(runs).toBe(before);

    await db.households.put(aHousehold());
    await waitFor(() => expect(result.current).toBe(1));
    expect(runs).toBeGreaterThan(before);

    // A transaction that writes a draft and a record (a scope change) is a change.
    await db.transaction('rw', [db.drafts, db.households], async () => {
      await db.drafts.put({ key: 'k', value: null, updatedAt: '' });
      await db.households.put(aHousehold());
    });
    await waitFor(() => expect(result.current).toBe(2));
  });
});
