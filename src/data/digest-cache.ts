import type { ContactFacts, PlanFacts } from '../core';
import type { TerenDb } from './db';
import {
  contactsOfTuples,
  contactTuple,
  digestContacts,
  digestPlans,
  plansOfTuples,
  planTuple,
  type ContactTuple,
  type HouseholdDigest,
  type PlanTuple,
} from './digest';
import { readGeneration, type Generation } from './digest-generation';

/**
 * The parsed household digests, kept in memory between screens (issue 8): the agenda and
 * the caseload re-run their query after every write, and reading and parsing 2,000 digests
 * costs more than the rules engine itself.
 *
 * Kept true by a generation stored in `meta` beside the digests: every transaction that
 * writes digests stamps its rows with the next generation number, and one that removes
 * digests starts a new epoch. A reader compares the stored generation with the one it
 * parsed: equal, nothing is read; higher, only the rows stamped since are read (an index);
 * another epoch, everything is read again. The marker lives in the database, so a write made
 * by another tab is seen as well.
 *
 * The first read after the app starts has nothing in memory. Reading a row per household
 * is most of its time, so a copy of all parsed digests is kept in one row (`snapshots`),
 * stamped with the generation it holds: a new connection reads it and then only the rows
 * stamped since. It is written in the background after a read that had none or found it
 * far behind; a copy of another epoch is ignored.
 */
export type ParsedDigest = {
  from: string;
  partial: boolean;
  /** Shared between readers: never modified. */
  contacts: readonly ContactFacts[];
  plans: readonly PlanFacts[];
};

type Cache = Generation & {
  entries: Map<string, ParsedDigest>;
  /** Rows read one by one since the snapshot this cache started from (or was saved as). */
  behind: number;
  saving: boolean;
};

const caches = new WeakMap<TerenDb, Cache>();

const SNAPSHOT_KEY = 'digests';
/** The snapshot is written again once this many rows had to be read beside it. */
export const SNAPSHOT_BEHIND = 200;
/** Written this long after the read that asked for it, away from the screen being drawn. */
const SNAPSHOT_DELAY_MS = 2_000;

type SnapshotRow = [
  householdId: string,
  from: string,
  partial: 0 | 1,
  contacts: ContactTuple[],
  plans: PlanTuple[],
];

const parse = (d: HouseholdDigest): ParsedDigest => ({
  from: d.from,
  partial: d.partial === true,
  contacts: digestContacts(d),
  plans: digestPlans(d),
});

/** Parses the rows stamped after `gen` into `into`; answers how many there were. */
const readStampedSince = async (
  db: TerenDb,
  gen: number,
  into: Map<string, ParsedDigest>,
): Promise<number> => {
  const changed = await db.digests.where('gen').above(gen).toArray();
  for (const d of changed) into.set(d.householdId, parse(d));
  return changed.length;
};

const fromSnapshot = (value: string): Map<string, ParsedDigest> =>
  new Map(
    (JSON.parse(value) as SnapshotRow[]).map(([householdId, from, partial, contacts, plans]) => [
      householdId,
      {
        from,
        partial: partial === 1,
        contacts: contactsOfTuples(householdId, contacts),
        plans: plansOfTuples(householdId, plans),
      },
    ]),
  );

const saveSnapshot = async (db: TerenDb, cache: Cache): Promise<void> => {
  // Taken in one synchronous step, so the rows and the generation agree.
  const { epoch, gen } = cache;
  const value = JSON.stringify(
    [...cache.entries].map(([householdId, d]): SnapshotRow => [
      householdId,
      d.from,
      d.partial ? 1 : 0,
      d.contacts.map(contactTuple),
      d.plans.map(planTuple),
    ]),
  );
  const behind = cache.behind;
  await db.transaction('rw', [db.meta, db.snapshots], async () => {
    // Removals since (a new epoch) would make it wrong; later writes only make it older.
    if ((await readGeneration(db))?.epoch !== epoch) return;
    await db.snapshots.put({ key: SNAPSHOT_KEY, epoch, gen, value });
    // Rows read while it was being made are still behind it.
    cache.behind = Number.isFinite(behind) ? cache.behind - behind : 0;
  });
};

/** Writes the snapshot now (otherwise it is written in the background when far behind). */
export const snapshotDigests = async (db: TerenDb): Promise<void> => {
  await parsedDigests(db);
  const cache = caches.get(db);
  if (cache) await saveSnapshot(db, cache);
};

const scheduleSnapshot = (db: TerenDb, cache: Cache) => {
  if (cache.saving || cache.behind < SNAPSHOT_BEHIND) return;
  cache.saving = true;
  setTimeout(() => {
    // Best effort: without it the next start reads the rows, as before.
    void saveSnapshot(db, cache)
      .catch(() => undefined)
      .finally(() => {
        cache.saving = false;
      });
  }, SNAPSHOT_DELAY_MS);
};

/** Every household digest of the device, parsed; read from the database only as needed. */
export const parsedDigests = async (db: TerenDb): Promise<ReadonlyMap<string, ParsedDigest>> => {
  const { entries, cache } = await db.transaction(
    'r',
    [db.meta, db.digests, db.snapshots],
    async (): Promise<{ entries: Map<string, ParsedDigest>; cache: Cache | null }> => {
      const stored = await readGeneration(db);
      const cached = caches.get(db);
      if (stored && cached && cached.epoch === stored.epoch && cached.gen <= stored.gen) {
        if (cached.gen < stored.gen) {
          cached.behind += await readStampedSince(db, cached.gen, cached.entries);
          cached.gen = stored.gen;
        }
        return { entries: cached.entries, cache: cached };
      }
      // A database without the marker (nothing written since it was created) is not cached.
      if (!stored) {
        caches.delete(db);
        const all = await db.digests.toArray();
        return { entries: new Map(all.map((d) => [d.householdId, parse(d)])), cache: null };
      }
      const snapshot = await db.snapshots.get(SNAPSHOT_KEY);
      let parsed: Map<string, ParsedDigest>;
      let behind: number;
      if (snapshot && snapshot.epoch === stored.epoch && snapshot.gen <= stored.gen) {
        parsed = fromSnapshot(snapshot.value);
        behind = await readStampedSince(db, snapshot.gen, parsed);
      } else {
        parsed = new Map((await db.digests.toArray()).map((d) => [d.householdId, parse(d)]));
        behind = Infinity;
      }
      const fresh: Cache = { ...stored, entries: parsed, behind, saving: false };
      caches.set(db, fresh);
      return { entries: parsed, cache: fresh };
    },
  );
  if (cache) scheduleSnapshot(db, cache);
  return entries;
};
