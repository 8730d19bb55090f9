import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { aContact, aHousehold, anEnrolment } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`outbox-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('saveWithOutbox', () => {
  it('writes the record and its outbox entry together', async () => {
    const h = aHousehold();
    await saveWithOutbox(db, 'household', h);
    expect(await db.households.get(h.id)).toEqual(h);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ recordType: 'household', recordId: h.id });
  });

  it('writes neither when the record is invalid', async () => {
    const h = { ...aHousehold(), label: '' };
    await expect(saveWithOutbox(db, 'household', h)).rejects.toThrow();
    expect(await db.households.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes neither when the transaction fails part-way', async () => {
    const h = aHousehold();
    // An outbox entry with the same key makes the second write of the transaction fail.
    await db.outbox.add({
      seq: 1,
      mutationId: 'x',
      recordType: 'household',
      recordId: 'x',
      record: {},
      createdAt: '',
    });
    const hook = (_pk: unknown, obj: { seq?: number }) => {
      obj.seq = 1;
    };
    db.outbox.hook('creating', hook);
    await expect(saveWithOutbox(db, 'household', h)).rejects.toThrow();
    db.outbox.hook('creating').unsubscribe(hook);
    expect(await db.households.get(h.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps the stored version as the base of an edit, and none for a contact', async () => {
    const h = aHousehold({ label: 'před' });
    await saveWithOutbox(db, 'household', h);
    await saveWithOutbox(db, 'household', { ...h, label: 'po' });
    const contact = aContact(h.id, anEnrolment(h.id).id);
    await saveWithOutbox(db, 'contact', contact);
    // The same contact again (a retried save): never merged by the server, so no base read.
    await saveWithOutbox(db, 'contact', contact);
    const bases = (await db.outbox.orderBy('seq').toArray()).map((e) => [
      e.recordType,
      (e.base as { label?: string } | null)?.label ?? e.base,
    ]);
    expect(bases).toEqual([
      ['household', null],
      ['household', 'před'],
      ['contact', null],
      ['contact', null],
    ]);
  });
});
