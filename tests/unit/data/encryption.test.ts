import { DEFAULT_DEVICE_POLICY, newId } from '../../../src/core';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPulledPage } from '../../../src/data/apply-pulled';
import {
  createKeyring,
  PBKDF2_ITERATIONS,
  seal,
  unwrapKeyring,
} from '../../../src/data/crypto/keys';
import { PLAIN_FIELDS, vault, VaultLockedError } from '../../../src/data/crypto/vault';
import { TerenDb } from '../../../src/data/db';
import { loadDraft, saveDraft } from '../../../src/data/drafts';
import {
  hasKeyring,
  MAX_FAILED_UNLOCKS,
  openKeyringAtLogin,
  unlockDevice,
} from '../../../src/data/keyring';
import { saveAllWithOutbox, saveWithOutbox } from '../../../src/data/outbox';
import { loadCaseload } from '../../../src/data/queries/caseload';
import { filterCaseload } from '../../../src/data/queries/caseload-filter';
import { loadHousehold } from '../../../src/data/queries/household';
import { openEnrolments } from '../../../src/data/queries/enrolment-rows';
import { contactFactsSince } from '../../../src/data/queries/recent-facts';
import { loadSession, saveSession } from '../../../src/data/session';
import { aContact, aHousehold, anEnrolment, aPerson } from '../../factories/records';

// Fewer PBKDF2 rounds keep these tests quick; the app uses PBKDF2_ITERATIONS (checked below).
const FAST = 1000;
const USER = '00000000-0000-4000-8000-0000000000a1';
const CANARY = 'KANÁR-7f3a';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`enc-${Math.random()}`);
});
afterEach(async () => {
  vault.disable();
  db.close();
  await Dexie.delete(db.name);
});

/** Every value in every store, as stored. */
const rawDump = async (): Promise<string> => {
  const parts: string[] = [];
  for (const table of db.tables) parts.push(JSON.stringify(await table.toArray()));
  return parts.join('\n');
};

describe('keys', () => {
  it('derive with at least 600,000 PBKDF2-SHA256 rounds and keep the data key non-extractable', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { keyring, key } = await createKeyring(USER, 'správné heslo', FAST);
    expect(key.extractable).toBe(false);
    expect(JSON.stringify(keyring)).not.toContain('správné');
    expect(await unwrapKeyring(keyring, 'správné heslo')).not.toBeNull();
    expect(await unwrapKeyring(keyring, 'spatne heslo')).toBeNull();
  });
});

describe('data at rest', () => {
  it('holds no canary value in plain text in any store, and reads it back once unlocked', async () => {
    await openKeyringAtLogin(db, USER, 'heslo pracovnice', FAST);
    const h = aHousehold({ label: CANARY, note: `${CANARY} poznámka` });
    const p = aPerson(h.id, { firstName: CANARY, phone: '+420 777 000 111' });
    const e = anEnrolment(h.id, {
      workerId: USER,
      lease: { flat: `${CANARY} byt`, start: '2026-01-05', end: null },
    });
    await saveAllWithOutbox(db, [
      { type: 'household', record: h },
      { type: 'person', record: p },
      { type: 'enrolment', record: e },
    ]);
    await saveWithOutbox(db, 'household', { ...h, note: `${CANARY} podruhé` });
    const pulled = aHousehold({ label: `${CANARY} ze serveru` });
    await applyPulledPage(
      db,
      [
        { type: 'household', record: pulled },
        { type: 'contact', record: aContact(pulled.id, e.id, { note: CANARY }) },
      ],
      '5',
    );
    await saveDraft(db, 'contact:new:x', { note: CANARY });
    await saveSession(db, {
      token: `${CANARY}-token`,
      expiresAt: '2030-01-01T00:00:00.000Z',
      user: { id: USER, name: 'T', username: 't', role: 'worker', teamId: null, teamName: null },
      team: [],
      policy: DEFAULT_DEVICE_POLICY,
    });

    const dump = await rawDump();
    expect(dump).not.toContain('KANÁR');
    expect(dump).not.toContain('777 000 111');

    expect((await loadHousehold(db, h.id))?.household.note).toBe(`${CANARY} podruhé`);
    const found = filterCaseload(await loadCaseload(db, { workerId: USER }), 'kanar');
    expect(found.map((r) => r.household.id).sort()).toEqual([h.id, pulled.id].sort());
    expect(await loadDraft(db, 'contact:new:x')).toEqual({ note: CANARY });
    expect((await loadSession(db))?.token).toBe(`${CANARY}-token`);
  });

  it('refuses to read or write while locked, and writes nothing half', async () => {
    await openKeyringAtLogin(db, USER, 'heslo', FAST);
    const h = aHousehold({ label: CANARY });
    await saveWithOutbox(db, 'household', h);
    vault.lock();
    await expect(loadHousehold(db, h.id)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(saveWithOutbox(db, 'household', aHousehold())).rejects.toBeInstanceOf(
      VaultLockedError,
    );
    expect(await db.households.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('decrypted records in memory', () => {
  it('are decrypted once while the vault is open, frozen, and forgotten on lock', async () => {
    const { key } = await createKeyring(USER, 'heslo', FAST);
    vault.open(key);
    const h = aHousehold({ label: CANARY, lease: null, note: 'první' });
    await saveWithOutbox(db, 'household', h);
    await saveWithOutbox(db, 'enrolment', anEnrolment(h.id, { workerId: USER }));
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const household = async () => (await loadCaseload(db, {}))[0]?.household;
    const first = await household();
    expect((await household())?.label).toBe(CANARY);
    // The household and its enrolment, once each, however often the caseload is read.
    expect(decrypt).toHaveBeenCalledTimes(2);
    // Shared between readers, so nobody may change what another one reads.
    expect(() => {
      (first as { label: string }).label = 'změněno';
    }).toThrow(TypeError);

    // A changed row is sealed anew: decrypted again, the new text read (the save itself
    // decrypts the stored record once, as the base the server merges from).
    await saveWithOutbox(db, 'household', { ...h, note: 'druhá' });
    expect((await household())?.note).toBe('druhá');
    expect(decrypt).toHaveBeenCalledTimes(4);

    // Locked: nothing is read from memory; opened again: decrypted again.
    vault.lock();
    await expect(loadCaseload(db, {})).rejects.toBeInstanceOf(VaultLockedError);
    vault.open(key);
    await household();
    expect(decrypt).toHaveBeenCalledTimes(6);
    decrypt.mockRestore();
  });
});

describe('the caseload on a sealed device', () => {
  it("decrypts no closed case and no colleague's, and still hides their households", async () => {
    const { key } = await createKeyring(USER, 'heslo', FAST);
    vault.open(key);
    const colleague = '00000000-0000-4000-8000-0000000000b2';
    const mine = aHousehold({ label: 'Moje' });
    await saveWithOutbox(db, 'household', mine);
    await saveWithOutbox(db, 'enrolment', anEnrolment(mine.id, { workerId: USER }));
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const decryptsFor = async () => {
      vault.open(key); // nothing decrypted in memory
      decrypt.mockClear();
      const rows = await loadCaseload(db, { workerId: USER });
      return {
        labels: rows.map((r) => `${r.household.label}:${r.enrolments.length}`),
        decrypts: decrypt.mock.calls.length,
      };
    };
    const before = await decryptsFor();
    expect(before.labels).toEqual(['Moje:1']);

    for (let i = 0; i < 3; i++) {
      const closed = aHousehold({ label: `Uzavřená ${i}` });
      const theirs = aHousehold({ label: `Kolegova ${i}` });
      await saveWithOutbox(db, 'household', closed);
      await saveWithOutbox(db, 'household', theirs);
      await saveWithOutbox(
        db,
        'enrolment',
        anEnrolment(closed.id, {
          workerId: USER,
          status: 'closed',
          closedOn: '2026-03-01',
          closeReason: 'goals_met',
        }),
      );
      await saveWithOutbox(db, 'enrolment', anEnrolment(theirs.id, { workerId: colleague }));
    }
    const after = await decryptsFor();
    expect(after.labels).toEqual(['Moje:1']);
    expect(after.decrypts).toBe(before.decrypts);

    // A row sealed whole (no app stored one so yet) shows nothing readable: it is opened.
    const old = aHousehold({ label: 'Stará' });
    await saveWithOutbox(db, 'household', old);
    const { id, ...rest } = anEnrolment(old.id, { workerId: USER });
    await db.enrolments.put({ id, enc: await seal(key, rest) } as never);
    expect((await decryptsFor()).labels.sort()).toEqual(['Moje:1', 'Stará:1']);

    // Sealed whole too, a closed case and a colleague's: opened, and their households hidden.
    for (const [label, over] of [
      ['Stará uzavřená', { status: 'closed', closedOn: '2026-03-01', closeReason: 'goals_met' }],
      ['Stará kolegova', { workerId: colleague }],
    ] as const) {
      const h = aHousehold({ label });
      await saveWithOutbox(db, 'household', h);
      const { id: wholeId, ...whole } = anEnrolment(h.id, { workerId: USER, ...over });
      await db.enrolments.put({ id: wholeId, enc: await seal(key, whole) } as never);
    }
    // A deleted enrolment enrols nobody: its household is listed as registered, not enrolled.
    const left = aHousehold({ label: 'Bez zařazení' });
    await saveWithOutbox(db, 'household', left);
    await saveWithOutbox(db, 'enrolment', anEnrolment(left.id, { workerId: USER, deleted: true }));
    expect((await decryptsFor()).labels.sort()).toEqual(['Bez zařazení:0', 'Moje:1', 'Stará:1']);
    decrypt.mockRestore();
  });
});

describe('openEnrolments', () => {
  it('opens only what is picked, and every row sealed whole, then picks among those', async () => {
    const { key } = await createKeyring(USER, 'heslo', FAST);
    vault.open(key);
    const h = aHousehold();
    const open = anEnrolment(h.id);
    const closed = anEnrolment(h.id, {
      status: 'closed',
      closedOn: '2026-03-01',
      closeReason: 'goals_met',
    });
    await saveWithOutbox(db, 'enrolment', open);
    await saveWithOutbox(db, 'enrolment', closed);
    const { id: oldOpenId, ...oldOpen } = anEnrolment(h.id);
    const { id: oldClosedId, ...oldClosed } = { ...closed, id: newId() };
    await db.enrolments.bulkPut([
      { id: oldOpenId, enc: await seal(key, oldOpen) },
      { id: oldClosedId, enc: await seal(key, oldClosed) },
    ] as never);
    vault.open(key);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const picked = await openEnrolments(
      await db.enrolments.toArray(),
      (e) => e.status !== 'closed',
    );
    expect(picked.map((e) => e.id).sort()).toEqual([open.id, oldOpenId].sort());
    expect(decrypt).toHaveBeenCalledTimes(3);
    decrypt.mockRestore();
  });
});

describe('offline unlock', () => {
  it('opens with the password, counts failures, and destroys the key and data after too many', async () => {
    await openKeyringAtLogin(db, USER, 'heslo', FAST);
    await saveWithOutbox(db, 'household', aHousehold({ label: CANARY }));
    vault.lock();
    expect(await unlockDevice(db, 'heslo')).toEqual({
      result: 'ok',
      attemptsLeft: MAX_FAILED_UNLOCKS,
    });
    vault.lock();
    for (let i = 1; i < MAX_FAILED_UNLOCKS; i++) {
      expect(await unlockDevice(db, 'špatně')).toEqual({
        result: 'wrong',
        attemptsLeft: MAX_FAILED_UNLOCKS - i,
      });
    }
    expect((await unlockDevice(db, 'špatně')).result).toBe('wiped');
    expect(await hasKeyring(db)).toBe(false);
    expect(await db.households.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('asks for an online sign-in after too long without reaching the server', async () => {
    await openKeyringAtLogin(db, USER, 'heslo', FAST);
    await db.meta.put({ key: 'lastServerContact', value: '2020-01-01T00:00:00.000Z' });
    vault.lock();
    expect((await unlockDevice(db, 'heslo')).result).toBe('online_required');
  });
});

describe('contact facts', () => {
  it('reads due-date facts without decrypting, and still reads contacts sealed the old way', async () => {
    await openKeyringAtLogin(db, USER, 'heslo', FAST);
    const h = aHousehold();
    const e = anEnrolment(h.id, { workerId: USER });
    const current = PLAIN_FIELDS.contacts as readonly string[];
    // A contact sealed by an app version that kept `enrolmentIds` inside the sealed part.
    PLAIN_FIELDS.contacts = current.filter((f) => f !== 'enrolmentIds');
    const old = aContact(h.id, e.id, { at: '2026-03-02T10:00:00.000Z', note: CANARY });
    await saveWithOutbox(db, 'contact', old);
    PLAIN_FIELDS.contacts = current;
    const fresh = aContact(h.id, e.id, { at: '2026-03-09T10:00:00.000Z', note: CANARY });
    await saveWithOutbox(db, 'contact', fresh);

    const raw = await db.contacts.toArray();
    expect(raw.find((r) => r.id === old.id)).not.toHaveProperty('enrolmentIds');
    expect(raw.find((r) => r.id === fresh.id)?.enrolmentIds).toEqual([e.id]);
    expect(await rawDump()).not.toContain(CANARY);
    const facts = await contactFactsSince(db, '2026-01-01T00:00:00.000Z');
    expect(facts.map((c) => [c.id, c.enrolmentIds])).toEqual(
      expect.arrayContaining([
        [old.id, [e.id]],
        [fresh.id, [e.id]],
      ]),
    );
  });
});
