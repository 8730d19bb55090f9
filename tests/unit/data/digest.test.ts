import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, ContactFacts, Plan, PlanFacts } from '../../../src/core';
import { applyPulledPage } from '../../../src/data/apply-pulled';
import { seal } from '../../../src/data/crypto/keys';
import { vault } from '../../../src/data/crypto/vault';
import { TerenDb, type SnapshotEntry } from '../../../src/data/db';
import {
  completeDigests,
  digestContacts,
  digestCutoff,
  digestPlans,
  factsOf,
  nextDigest,
  planFactsOf,
} from '../../../src/data/digest';
import { parsedDigests, snapshotDigests } from '../../../src/data/digest-cache';
import { readMeta } from '../../../src/data/meta';
import { saveWithOutbox } from '../../../src/data/outbox';
import { recentFacts } from '../../../src/data/queries/recent-facts';
import { reconcileScope } from '../../../src/data/scope';
import { aContact, aHousehold, anEnrolment, aPlan } from '../../factories/records';
import { openAtVersion } from './open-at-version';

const names: string[] = [];
const freshDb = () => {
  const db = new TerenDb(`digest-${names.length}-${Math.random()}`);
  names.push(db.name);
  return db;
};
const tabs: TerenDb[] = [];
afterEach(async () => {
  for (const tab of tabs.splice(0)) tab.close();
  vault.disable();
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A database as an older app version left it, opened at that version. */
const olderApp = (version: number): Promise<Dexie> => {
  const name = `digest-v${version}-${Math.random()}`;
  names.push(name);
  return openAtVersion(name, version);
};

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** What the digests must agree with: the stored records themselves. */
const fromRecords = async (db: TerenDb, since: string, households?: Set<string>) => {
  const mine = (r: { householdId: string }) => !households || households.has(r.householdId);
  return {
    contacts: (await db.contacts.where('at').aboveOrEqual(since).toArray())
      .filter(mine)
      .map(factsOf)
      .sort(byId),
    plans: (await db.plans.toArray()).filter(mine).map(planFactsOf).sort(byId),
  };
};
const sorted = (f: { contacts: ContactFacts[]; plans: PlanFacts[] }) => ({
  contacts: [...f.contacts].sort(byId),
  plans: [...f.plans].sort(byId),
});

/** An AES key and a row sealed whole, the way an app older than readable facts stored it. */
const sealedTheOldWay = async (record: { id: string; householdId: string; at?: string }) => {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const { id, householdId, at, ...hidden } = record;
  return { key, row: { id, householdId, ...(at ? { at } : {}), enc: await seal(key, hidden) } };
};

describe('nextDigest', () => {
  const h = aHousehold();
  const e = anEnrolment(h.id);
  const cutoff = '2026-03-01T00:00:00.000Z';
  const none = { contacts: [], plans: [] };

  it('adds, replaces by id and drops contacts before the cutoff', () => {
    const a = aContact(h.id, e.id, { at: '2026-05-01T08:00:00.000Z' });
    const old = aContact(h.id, e.id, { at: '2026-02-01T08:00:00.000Z' });
    const first = nextDigest(h.id, undefined, { contacts: [a, old], plans: [] }, cutoff);
    expect(first.from).toBe(cutoff);
    expect(digestContacts(first)).toEqual([factsOf(a)]);

    const moved = { ...a, at: '2026-01-05T08:00:00.000Z' };
    const b = aContact(h.id, e.id, { at: '2026-06-01T08:00:00.000Z', deleted: true });
    const second = nextDigest(h.id, first, { contacts: [moved, b], plans: [] }, cutoff);
    // The edit moved the contact out of the window: its old facts must not linger.
    expect(digestContacts(second)).toEqual([factsOf(b)]);
  });

  it('keeps every plan revision, whatever its date, and the latest version of each', () => {
    const p1 = aPlan(e, { revision: 1, createdAt: '2025-01-01T08:00:00.000Z' });
    const p2 = aPlan(e, { revision: 2, reviewDate: '2026-09-01' });
    const first = nextDigest(h.id, undefined, { contacts: [], plans: [p1, p2] }, cutoff);
    const second = nextDigest(
      h.id,
      first,
      { contacts: [], plans: [{ ...p2, deleted: true }] },
      cutoff,
    );
    expect(digestPlans(second).sort(byId)).toEqual(
      [planFactsOf(p1), planFactsOf({ ...p2, deleted: true })].sort(byId),
    );
  });

  it('never moves its start back, and a partial digest stays partial', () => {
    const later = '2026-04-01T00:00:00.000Z';
    const previous = {
      householdId: h.id,
      from: later,
      contacts: '[]',
      plans: '[]',
      partial: true as const,
    };
    const row = nextDigest(
      h.id,
      previous,
      { contacts: [aContact(h.id, e.id, { at: '2026-03-15T08:00:00.000Z' })], plans: [] },
      cutoff,
    );
    expect(row).toEqual(previous);
    expect(nextDigest(h.id, undefined, none, cutoff).partial).toBeUndefined();
  });

  it('keeps only facts, never a note, a goal or an evaluation', () => {
    const c = aContact(h.id, e.id, { at: '2026-05-01T08:00:00.000Z', note: 'citlivé' });
    const p = aPlan(e, { evaluation: 'důvěrné' });
    const row = nextDigest(h.id, undefined, { contacts: [c], plans: [p] }, cutoff);
    expect(JSON.stringify(row)).not.toMatch(/citlivé|důvěrné/);
  });
});

describe('household digests on the device', () => {
  const households = [aHousehold(), aHousehold(), aHousehold()];
  const ids = Array.from({ length: 8 }, () => aContact(households[0]!.id, 'x').id);

  const op = fc.oneof(
    fc.record({
      kind: fc.constantFrom('save' as const, 'pull' as const),
      record: fc.constantFrom('contact' as const, 'plan' as const),
      id: fc.integer({ min: 0, max: ids.length - 1 }),
      household: fc.integer({ min: 0, max: households.length - 1 }),
      // Some beyond the digest's reach (about 272 days), some recent.
      daysAgo: fc.integer({ min: 0, max: 400 }),
      deleted: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('leave' as const),
      household: fc.integer({ min: 0, max: households.length - 1 }),
    }),
  );

  it('give the same facts as the records, whatever was saved, pulled or removed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops) => {
        const db = freshDb();
        const pull = (type: 'household' | 'contact' | 'plan', record: object, cursor: string) =>
          applyPulledPage(
            db,
            [{ type, record } as Parameters<typeof applyPulledPage>[1][0]],
            cursor,
          );
        for (const h of households) await pull('household', h, '0');
        // An id belongs to the household and record type it was first written as.
        const first = new Map<string, { householdId: string; type: 'contact' | 'plan' }>();
        let page = 0;
        const agree = async (since: string) => {
          expect(sorted(await recentFacts(db, since))).toEqual(await fromRecords(db, since));
          const some = new Set([households[0]!.id, households[2]!.id]);
          expect(sorted(await recentFacts(db, since, some))).toEqual(
            await fromRecords(db, since, some),
          );
        };
        for (const o of ops) {
          // Read between writes too: the parsed digests kept in memory must follow each one.
          await agree(daysAgo(258));
          if (o.kind === 'leave') {
            const gone = households[o.household]!.id;
            await reconcileScope(
              db,
              households.map((h) => h.id).filter((id) => id !== gone),
            );
            continue;
          }
          const id = ids[o.id]!;
          const home = first.get(id) ?? {
            householdId: households[o.household]!.id,
            type: o.record,
          };
          first.set(id, home);
          const at = daysAgo(o.daysAgo);
          const record: Contact | Plan =
            home.type === 'contact'
              ? { ...aContact(home.householdId, home.householdId, { at, deleted: o.deleted }), id }
              : {
                  ...aPlan(anEnrolment(home.householdId), { createdAt: at, deleted: o.deleted }),
                  id,
                };
          if (o.kind === 'save') await saveWithOutbox(db, home.type, record as never);
          else await pull(home.type, record, String(++page));
        }
        for (const since of [daysAgo(30), daysAgo(258), daysAgo(380)]) await agree(since);
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('read again only what changed, and see what another tab wrote', async () => {
    const db = freshDb();
    const tab = new TerenDb(db.name);
    const [a, b] = households as [(typeof households)[0], (typeof households)[0]];
    const since = daysAgo(30);
    for (const h of [a, b]) await applyPulledPage(db, [{ type: 'household', record: h }], '0');
    const first = aContact(a.id, a.id, { at: daysAgo(2) });
    await saveWithOutbox(db, 'contact', first);
    const before = await parsedDigests(db);
    expect(before.get(a.id)?.contacts.map((c) => c.id)).toEqual([first.id]);

    // The other connection writes (a pull, so nothing of b waits in the outbox and b may
    // leave the scope below): this one's parsed digests must follow.
    const second = aContact(b.id, b.id, { at: daysAgo(1) });
    await applyPulledPage(tab, [{ type: 'contact', record: second }], '1');
    const after = await parsedDigests(db);
    expect(after.get(b.id)?.contacts.map((c) => c.id)).toEqual([second.id]);
    // Unchanged households are not parsed again.
    expect(after.get(a.id)).toBe(before.get(a.id));

    // A removal (which no index shows) is seen too.
    await reconcileScope(tab, [a.id]);
    expect([...(await parsedDigests(db)).keys()]).toEqual([a.id]);
    expect(sorted(await recentFacts(db, since))).toEqual(await fromRecords(db, since));
    tab.close();
    db.close();
  });

  it('are read from one snapshot on a new connection, never from one of another epoch', async () => {
    const db = freshDb();
    const [a, b] = households as [(typeof households)[0], (typeof households)[0]];
    const since = daysAgo(30);
    for (const h of [a, b]) await applyPulledPage(db, [{ type: 'household', record: h }], '0');
    await saveWithOutbox(db, 'contact', aContact(a.id, a.id, { at: daysAgo(3) }));
    // Pulled, so nothing of b waits in the outbox and b may leave the scope below.
    const pulled = aContact(b.id, b.id, { at: daysAgo(2) });
    await applyPulledPage(db, [{ type: 'contact', record: pulled }], '1');
    await snapshotDigests(db);
    const snapshot = await db.snapshots.get('digests');
    expect(snapshot?.gen).toBe((await readMeta<{ gen: number }>(db, 'digests.generation'))?.gen);

    // Proof that a new connection reads the snapshot: a household only the snapshot holds.
    const planted = aHousehold().id;
    const rows = JSON.parse(snapshot?.value ?? '[]') as unknown[][];
    rows.push([planted, daysAgo(300), 0, [], []]);
    await db.snapshots.put({ ...(snapshot as SnapshotEntry), value: JSON.stringify(rows) });
    const fresh = () => {
      const tab = new TerenDb(db.name);
      tabs.push(tab);
      return tab;
    };
    expect((await parsedDigests(fresh())).has(planted)).toBe(true);

    // Written after the snapshot: read beside it.
    const later = aContact(a.id, a.id, { at: daysAgo(1) });
    await saveWithOutbox(db, 'contact', later);
    const tab = fresh();
    expect((await parsedDigests(tab)).get(a.id)?.contacts.map((c) => c.id)).toContain(later.id);
    expect(sorted(await recentFacts(tab, since, new Set([a.id, b.id])))).toEqual(
      await fromRecords(db, since),
    );

    // A removal starts a new epoch: the snapshot is not used any more.
    await reconcileScope(db, [a.id]);
    const after = await parsedDigests(fresh());
    expect([...after.keys()]).toEqual([a.id]);
    expect(sorted(await recentFacts(fresh(), since))).toEqual(await fromRecords(db, since));
    db.close();
  });

  it('upgraded from version 5 (rows without a generation) are read, then followed', async () => {
    const old = await olderApp(5);
    const name = old.name;
    const [a, b] = households as [(typeof households)[0], (typeof households)[0]];
    const kept = aContact(a.id, a.id, { at: daysAgo(4) });
    await old.table('contacts').put(kept);
    await old
      .table('digests')
      .put(nextDigest(a.id, undefined, { contacts: [kept], plans: [] }, digestCutoff(new Date())));
    old.close();

    const db = new TerenDb(name);
    const since = daysAgo(30);
    expect(sorted(await recentFacts(db, since)).contacts).toEqual([factsOf(kept)]);
    const added = aContact(b.id, b.id, { at: daysAgo(1) });
    await saveWithOutbox(db, 'contact', added);
    // Twice: the first read after the write parses everything, the second only what changed.
    for (let i = 0; i < 2; i++) {
      expect(sorted(await recentFacts(db, since)).contacts).toEqual(
        [factsOf(kept), factsOf(added)].sort(byId),
      );
    }
    db.close();
  });

  it('upgraded from version 6 (no snapshot yet) are read, then kept in one', async () => {
    const old = await olderApp(6);
    const name = old.name;
    const [a] = households as [(typeof households)[0]];
    const kept = aContact(a.id, a.id, { at: daysAgo(4) });
    await old.table('contacts').put(kept);
    await old.table('digests').put({
      ...nextDigest(a.id, undefined, { contacts: [kept], plans: [] }, digestCutoff(new Date())),
      gen: 3,
    });
    await old.table('meta').put({ key: 'digests.generation', value: { epoch: 'e6', gen: 3 } });
    old.close();

    const db = new TerenDb(name);
    const since = daysAgo(30);
    expect(sorted(await recentFacts(db, since)).contacts).toEqual([factsOf(kept)]);
    await snapshotDigests(db);
    expect(await db.snapshots.get('digests')).toMatchObject({ epoch: 'e6', gen: 3 });
    const tab = new TerenDb(name);
    tabs.push(tab);
    expect(sorted(await recentFacts(tab, since)).contacts).toEqual([factsOf(kept)]);
    db.close();
  });

  it('are built on upgrade from version 4, and completed once the vault opens', async () => {
    const old = await olderApp(4);
    const name = old.name;
    const [a, b, c] = households as [
      (typeof households)[0],
      (typeof households)[0],
      (typeof households)[0],
    ];
    const recent = aContact(a.id, a.id, { at: daysAgo(3) });
    const longAgo = aContact(b.id, b.id, { at: daysAgo(600) });
    const plan = aPlan(anEnrolment(b.id), { reviewDate: '2026-12-01' });
    const hidden = aContact(c.id, c.id, { at: daysAgo(5) });
    const { key, row: sealed } = await sealedTheOldWay(hidden);
    await old.table('contacts').bulkPut([recent, longAgo, sealed]);
    await old.table('plans').put(plan);
    old.close();

    const db = new TerenDb(name);
    await db.open();
    const digests = await db.digests.toArray();
    expect(digests.map((d) => d.householdId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(digests.every((d) => d.from <= digestCutoff(new Date()))).toBe(true);
    expect(digestContacts((await db.digests.get(a.id))!)).toEqual([factsOf(recent)]);
    expect(digestContacts((await db.digests.get(b.id))!)).toEqual([]);
    expect(digestPlans((await db.digests.get(b.id))!)).toEqual([planFactsOf(plan)]);
    expect((await db.digests.get(c.id))?.partial).toBe(true);

    vault.open(key);
    // The partial household is read from its records meanwhile; the rest from the digests.
    const expected = [factsOf(recent), factsOf(hidden)].sort(byId);
    expect(sorted(await recentFacts(db, daysAgo(30))).contacts).toEqual(expected);
    await completeDigests(db);
    const completed = await db.digests.get(c.id);
    expect(completed?.partial).toBeUndefined();
    expect(completed && digestContacts(completed)).toEqual([factsOf(hidden)]);
    expect(sorted(await recentFacts(db, daysAgo(30))).contacts).toEqual(expected);
    db.close();
  });
});
